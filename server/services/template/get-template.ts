import type { TDb } from '@/server/db';
import { AppError } from '@/server/services/errors';
import { builtinDetail } from './builtin-templates';
import { builtinCounts } from './list-templates';
import type { TTemplateDetail } from './schemas';
import { PUBLISHED_CARD_SELECT, toPublishedDetail } from './to-template-dto';

/**
 * A built-in template by its id, or a published one by its id — public or unlisted alike: the
 * link is the permission. A strategy id, an unpublished template or anything else is NOT_FOUND,
 * so nobody can reach a private strategy through this door.
 */
export async function getTemplate(db: TDb, input: { id: string; version?: number; viewerId: string }): Promise<TTemplateDetail> {
  const counts = await builtinCounts(db, [input.id]);
  const builtin = builtinDetail(input.id, counts.get(input.id) ?? { uses: 0, forks: 0 });
  if (builtin) return builtin;
  const row = await db.publishedTemplate.findUnique({ where: { id: input.id }, select: { ...PUBLISHED_CARD_SELECT, strategyId: true } });
  if (!row) throw new AppError('not_found');
  const version = await db.publishedTemplateVersion.findUnique({
    where: { templateId_version: { templateId: row.id, version: input.version ?? row.currentVersion } },
    select: { graphJson: true, aiCacheJson: true, referenceJson: true, version: true },
  });
  if (!version) throw new AppError('not_found');
  const versions =
    row.ownerId === input.viewerId
      ? await db.publishedTemplateVersion.findMany({ where: { templateId: row.id }, orderBy: { version: 'desc' }, select: { version: true, createdAt: true } })
      : [];
  return toPublishedDetail(row, version, input.viewerId, versions);
}
