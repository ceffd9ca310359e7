import type { TDb } from '@/server/db';
import { AppError } from '@/server/services/errors';
import { preparePublishedVersion, type TPreparedVersion } from './prepare-published-version';
import type { TMyTemplate, TUpdateTemplate } from './schemas';
import { toMyTemplate } from './to-template-dto';

/**
 * The author changes texts and visibility, and publishes the strategy's current graph as a new
 * version when it differs from the current one (or the AI cache choice changed). Earlier versions
 * stay: forks made from them keep pointing at the version they copied. When the source strategy
 * was deleted only the texts and visibility can change.
 */
export async function updateTemplate(db: TDb, input: TUpdateTemplate & { ownerId: string }): Promise<TMyTemplate & { newVersion: boolean }> {
  const row = await db.publishedTemplate.findFirst({ where: { id: input.id, ownerId: input.ownerId } });
  if (!row) throw new AppError('not_found');
  const current = await db.publishedTemplateVersion.findUnique({
    where: { templateId_version: { templateId: row.id, version: row.currentVersion } },
    select: { graphJson: true, aiCacheJson: true, referenceJson: true },
  });
  const includeAiCache = input.includeAiCache ?? !!current?.aiCacheJson;
  let next: TPreparedVersion | null = null;
  // A newer backtest of the same graph refreshes the current version's reference in place: the
  // version number means "what forks copy", and the copy would be the same.
  let referenceOnly: string | null | undefined;
  if (row.strategyId) {
    const prepared = await preparePublishedVersion(db, { ownerId: input.ownerId, strategyId: row.strategyId, includeAiCache });
    if (!current || prepared.graphJson !== current.graphJson || prepared.aiCacheJson !== current.aiCacheJson) next = prepared;
    else if (prepared.referenceJson && prepared.referenceJson !== current.referenceJson) referenceOnly = prepared.referenceJson;
  }
  const meta = {
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.tags !== undefined ? { tagsJson: JSON.stringify(input.tags) } : {}),
    ...(input.markets !== undefined ? { marketsJson: JSON.stringify(input.markets) } : {}),
    ...(input.visibility !== undefined ? { visibility: input.visibility } : {}),
  };
  const updated = await db.$transaction(async (tx) => {
    if (next) {
      const version = row.currentVersion + 1;
      // (templateId, version) is unique: two updates at once cannot both write version N+1.
      await tx.publishedTemplateVersion.create({
        data: { templateId: row.id, version, graphJson: next.graphJson, aiCacheJson: next.aiCacheJson, referenceJson: next.referenceJson },
      });
      return tx.publishedTemplate.update({ where: { id: row.id }, data: { ...meta, currentVersion: version, usesAi: next.usesAi } });
    }
    if (referenceOnly) {
      await tx.publishedTemplateVersion.update({
        where: { templateId_version: { templateId: row.id, version: row.currentVersion } },
        data: { referenceJson: referenceOnly },
      });
    }
    return tx.publishedTemplate.update({ where: { id: row.id }, data: meta });
  });
  return { ...toMyTemplate(updated, next ? !!next.aiCacheJson : !!current?.aiCacheJson), newVersion: !!next };
}
