import type { TDb } from '@/server/db';
import { BUILTIN_TEMPLATE_IDS, builtinCards } from './builtin-templates';
import type { TListTemplates, TTemplateCard } from './schemas';
import { currentReferences, PUBLISHED_CARD_SELECT, toPublishedCard } from './to-template-dto';

/** How many public templates the gallery considers (most forked first). Search runs over these. */
const PUBLISHED_POOL = 500;

/**
 * Fork counts of built-ins come from the strategies that name them (deleted forks no longer count);
 * published templates keep counters on their row because their forks may outlive them.
 */
export async function builtinCounts(db: TDb, ids: readonly string[] = BUILTIN_TEMPLATE_IDS): Promise<Map<string, { uses: number; forks: number }>> {
  const groups = await db.strategy.groupBy({
    by: ['forkedFromTemplateId', 'ownerId'],
    where: { forkedFromTemplateId: { in: [...ids] } },
    _count: { _all: true },
  });
  const out = new Map<string, { uses: number; forks: number }>();
  for (const g of groups) {
    if (!g.forkedFromTemplateId) continue;
    const c = out.get(g.forkedFromTemplateId) ?? { uses: 0, forks: 0 };
    c.uses += 1;
    c.forks += g._count._all;
    out.set(g.forkedFromTemplateId, c);
  }
  return out;
}

/** Case-insensitive match in both languages, over title, description, tags and author. */
function matches(card: TTemplateCard, search: string): boolean {
  const hay = [card.title.en, card.title.zh, card.description.en, card.description.zh, card.author ?? '', ...card.tags].join('\n').toLowerCase();
  return search
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => hay.includes(word));
}

/**
 * The gallery: every built-in template, then public published ones. Unlisted templates are never
 * listed (only their link reaches them). Filters are applied here rather than in SQL because tags
 * and markets are JSON text and search must be case-insensitive in both languages on both databases.
 */
export async function listTemplates(db: TDb, input: TListTemplates & { viewerId: string }): Promise<TTemplateCard[]> {
  const [counts, rows] = await Promise.all([
    builtinCounts(db),
    db.publishedTemplate.findMany({
      where: { visibility: 'public', ...(input.usesAi === undefined ? {} : { usesAi: input.usesAi }) },
      orderBy: [{ forks: 'desc' }, { updatedAt: 'desc' }],
      take: PUBLISHED_POOL,
      select: PUBLISHED_CARD_SELECT,
    }),
  ]);
  const refs = await currentReferences(db, rows);
  const cards = [...builtinCards(counts), ...rows.map((r) => toPublishedCard(r, input.viewerId, refs.get(r.id) ?? null))];
  return cards.filter(
    (c) =>
      (!input.market || c.markets.includes(input.market)) &&
      (!input.style || c.tags.includes(input.style)) &&
      (input.usesAi === undefined || c.usesAi === input.usesAi) &&
      (!input.search || matches(c, input.search)),
  );
}
