import type { TDb } from '@/server/db';
import { AppError } from '@/server/services/errors';
import { MAX_GRAPH_JSON_BYTES } from '@/server/services/strategy/schemas';
import { parseStoredGraph } from '@/server/services/strategy/to-strategy-dto';
import { getTemplate } from '@/templates';
import { builtinGraph } from './builtin-templates';
import type { TForkResult, TForkTemplate } from './schemas';
import { checkCacheExport, writeCacheEntries } from './write-cache-entries';

/**
 * "Use template": a new strategy of the caller holding a copy of the template's graph (and its first
 * saved version), named after the template in the caller's language. The copy is the caller's own:
 * later versions or an unpublish of the template do not change it; it records which version it
 * copied. A published version's AI answers are added to the caller's decision cache in the same
 * transaction, so its AI backtest replays with zero model calls.
 */
export async function forkTemplate(db: TDb, input: TForkTemplate & { ownerId: string }): Promise<TForkResult> {
  const user = await db.user.findUnique({ where: { id: input.ownerId }, select: { locale: true } });
  if (!user) throw new AppError('unauthorized');
  const zh = user.locale === 'zh-CN';

  const builtin = getTemplate(input.id);
  if (builtin) {
    if (input.version !== undefined && input.version !== 1) throw new AppError('not_found');
    const graphJson = JSON.stringify(builtinGraph(builtin));
    const name = zh ? builtin.title.zh : builtin.title.en;
    const description = zh ? builtin.description.zh : builtin.description.en;
    const strategy = await db.$transaction(async (tx) => {
      const s = await tx.strategy.create({
        data: { ownerId: input.ownerId, name, description, graphJson, forkedFromTemplateId: builtin.id, forkedFromVersion: 1 },
      });
      await tx.strategyVersion.create({ data: { strategyId: s.id, version: 1, graphJson, note: `template:${name}` } });
      return s;
    });
    return { strategyId: strategy.id, name, templateId: builtin.id, version: 1, aiCacheImported: 0 };
  }

  const template = await db.publishedTemplate.findUnique({ where: { id: input.id }, select: { id: true, title: true, description: true, currentVersion: true, updatedAt: true } });
  if (!template) throw new AppError('not_found');
  const versionNo = input.version ?? template.currentVersion;
  const version = await db.publishedTemplateVersion.findUnique({
    where: { templateId_version: { templateId: template.id, version: versionNo } },
    select: { graphJson: true, aiCacheJson: true },
  });
  if (!version) throw new AppError('not_found');
  // Re-validated on the way out, like every stored graph: a row from an older build must not break the editor.
  const graphJson = JSON.stringify(parseStoredGraph(version.graphJson));
  if (Buffer.byteLength(graphJson) > MAX_GRAPH_JSON_BYTES) throw new AppError('graph_too_large');
  const cache = version.aiCacheJson ? checkCacheExport(safeJson(version.aiCacheJson), 'aiCache') : null;
  const entries = cache?.ok ? cache.entries : [];
  const name = template.title.slice(0, 80);

  return db.$transaction(async (tx) => {
    const firstUse = !(await tx.strategy.findFirst({ where: { ownerId: input.ownerId, forkedFromTemplateId: template.id }, select: { id: true } }));
    const s = await tx.strategy.create({
      data: { ownerId: input.ownerId, name, description: template.description, graphJson, forkedFromTemplateId: template.id, forkedFromVersion: versionNo },
    });
    await tx.strategyVersion.create({ data: { strategyId: s.id, version: 1, graphJson, note: `template:${name} v${versionNo}` } });
    // Counters are increments in the database, not read-modify-write: two forks at once both count.
    // updatedAt is written back unchanged: it means "the author last changed it", not "last forked".
    // updateMany: a template unpublished a moment ago counts 0 rows, and the fork is rolled back.
    const counted = await tx.publishedTemplate.updateMany({
      where: { id: template.id },
      data: { forks: { increment: 1 }, ...(firstUse ? { uses: { increment: 1 } } : {}), updatedAt: template.updatedAt },
    });
    if (counted.count === 0) throw new AppError('not_found');
    const aiCacheImported = await writeCacheEntries(tx, input.ownerId, entries);
    return { strategyId: s.id, name, templateId: template.id, version: versionNo, aiCacheImported };
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
