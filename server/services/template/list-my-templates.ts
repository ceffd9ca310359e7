import type { TDb } from '@/server/db';
import type { TMyTemplate } from './schemas';
import { toMyTemplate } from './to-template-dto';

const MY_SELECT = { id: true, title: true, visibility: true, currentVersion: true, uses: true, forks: true, strategyId: true, updatedAt: true } as const;

async function withCacheFlags(db: TDb, rows: Array<{ id: string; currentVersion: number } & Parameters<typeof toMyTemplate>[0]>): Promise<TMyTemplate[]> {
  if (rows.length === 0) return [];
  const withCache = await db.publishedTemplateVersion.findMany({
    where: { OR: rows.map((r) => ({ templateId: r.id, version: r.currentVersion })), aiCacheJson: { not: null } },
    select: { templateId: true },
  });
  const flagged = new Set(withCache.map((v) => v.templateId));
  return rows.map((r) => toMyTemplate(r, flagged.has(r.id)));
}

/** The caller's published templates, public and unlisted, newest change first. */
export async function listMyTemplates(db: TDb, input: { ownerId: string }): Promise<TMyTemplate[]> {
  const rows = await db.publishedTemplate.findMany({ where: { ownerId: input.ownerId }, orderBy: { updatedAt: 'desc' }, select: MY_SELECT });
  return withCacheFlags(db, rows);
}

/** The caller's template published from this strategy, or null (the publish dialog asks first). */
export async function getTemplateForStrategy(db: TDb, input: { ownerId: string; strategyId: string }): Promise<TMyTemplate | null> {
  const row = await db.publishedTemplate.findFirst({ where: { ownerId: input.ownerId, strategyId: input.strategyId }, select: MY_SELECT });
  return row ? (await withCacheFlags(db, [row]))[0] : null;
}
