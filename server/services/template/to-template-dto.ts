// Published rows as DTOs. The owner is selected as `{ name }` only: e-mail, password hash and
// provider settings never enter these objects, so they cannot slip into a response.
import type { TDb } from '@/server/db';
import { parseStoredGraph } from '@/server/services/strategy/to-strategy-dto';
import { graphUsesAi } from './graph-facts';
import type { TMyTemplate, TTemplateCard, TTemplateDetail, TTemplateReference, TTemplateVisibility } from './schemas';

/** The columns a card needs, with the author's display name and nothing else of theirs. */
export const PUBLISHED_CARD_SELECT = {
  id: true,
  ownerId: true,
  visibility: true,
  title: true,
  description: true,
  tagsJson: true,
  marketsJson: true,
  usesAi: true,
  uses: true,
  forks: true,
  currentVersion: true,
  updatedAt: true,
  owner: { select: { name: true } },
} as const;

type TCardRow = {
  id: string;
  ownerId: string;
  visibility: string;
  title: string;
  description: string;
  tagsJson: string;
  marketsJson: string;
  usesAi: boolean;
  uses: number;
  forks: number;
  currentVersion: number;
  updatedAt: Date;
  owner: { name: string };
};

export function parseStringList(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

export function parseReference(json: string | null | undefined): TTemplateReference | null {
  if (!json) return null;
  try {
    return JSON.parse(json) as TTemplateReference;
  } catch {
    return null;
  }
}

export function visibilityOf(value: string): TTemplateVisibility {
  return value === 'unlisted' ? 'unlisted' : 'public';
}

export function toPublishedCard(row: TCardRow, viewerId: string, reference: TTemplateReference | null): TTemplateCard {
  return {
    id: row.id,
    kind: 'published',
    visibility: visibilityOf(row.visibility),
    title: { en: row.title, zh: row.title },
    description: { en: row.description, zh: row.description },
    tags: parseStringList(row.tagsJson),
    markets: parseStringList(row.marketsJson),
    usesAi: row.usesAi,
    reference,
    author: row.owner.name,
    uses: row.uses,
    forks: row.forks,
    version: row.currentVersion,
    updatedAt: row.updatedAt.toISOString(),
    mine: row.ownerId === viewerId,
  };
}

/** References of the current versions of many templates, in one query. */
export async function currentReferences(db: TDb, rows: ReadonlyArray<{ id: string; currentVersion: number }>): Promise<Map<string, TTemplateReference | null>> {
  const out = new Map<string, TTemplateReference | null>();
  if (rows.length === 0) return out;
  const versions = await db.publishedTemplateVersion.findMany({
    where: { OR: rows.map((r) => ({ templateId: r.id, version: r.currentVersion })) },
    select: { templateId: true, referenceJson: true },
  });
  for (const v of versions) out.set(v.templateId, parseReference(v.referenceJson));
  return out;
}

export function toPublishedDetail(
  row: TCardRow & { strategyId: string | null },
  version: { graphJson: string; aiCacheJson: string | null; referenceJson: string | null; version: number },
  viewerId: string,
  versions: Array<{ version: number; createdAt: Date }>,
): TTemplateDetail {
  const graph = parseStoredGraph(version.graphJson);
  const card = toPublishedCard(row, viewerId, parseReference(version.referenceJson));
  return {
    ...card,
    usesAi: graphUsesAi(graph),
    version: version.version,
    idea: null,
    suggested: null,
    graph,
    hasAiCache: !!version.aiCacheJson,
    owner: card.mine ? { strategyId: row.strategyId, versions: versions.map((v) => ({ version: v.version, createdAt: v.createdAt.toISOString() })) } : null,
  };
}

export function toMyTemplate(row: { id: string; title: string; visibility: string; currentVersion: number; uses: number; forks: number; strategyId: string | null; updatedAt: Date }, hasAiCache: boolean): TMyTemplate {
  return {
    id: row.id,
    title: row.title,
    visibility: visibilityOf(row.visibility),
    version: row.currentVersion,
    uses: row.uses,
    forks: row.forks,
    strategyId: row.strategyId,
    hasAiCache,
    updatedAt: row.updatedAt.toISOString(),
  };
}
