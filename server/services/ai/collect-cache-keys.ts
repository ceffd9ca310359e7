import type { TDb } from '@/server/db';

type TScope = { ownerId: string; runId?: string; traderId?: string; debateId?: string };

function keyOf(answer: unknown): string | null {
  const key = (answer as { cacheKey?: unknown } | null)?.cacheKey;
  return typeof key === 'string' && key !== '' ? key : null;
}

function parse(text: string | null): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * The cache keys behind a run's (or trader's, or one debate's) answers: decision nodes' answers
 * and every debate turn and judge answer. Exporting just these shares exactly what that run saw.
 */
export async function collectCacheKeys(db: TDb, scope: TScope): Promise<Set<string>> {
  const keys = new Set<string>();
  const add = (answer: unknown) => {
    const key = keyOf(answer);
    if (key) keys.add(key);
  };
  if (scope.runId || scope.traderId) {
    const decisions = await db.aiDecision.findMany({
      where: { ownerId: scope.ownerId, ...(scope.runId ? { runId: scope.runId } : {}), ...(scope.traderId ? { traderId: scope.traderId } : {}) },
      select: { answerJson: true, transcriptId: true },
    });
    for (const d of decisions) add(parse(d.answerJson));
    const transcriptIds = [...new Set(decisions.map((d) => d.transcriptId).filter((id): id is string => !!id))];
    for (let k = 0; k < transcriptIds.length; k += 500) {
      const debates = await db.aiDebate.findMany({ where: { ownerId: scope.ownerId, id: { in: transcriptIds.slice(k, k + 500) } }, select: { messagesJson: true, verdictJson: true } });
      for (const d of debates) addDebate(d, add);
    }
  }
  if (scope.debateId) {
    const debate = await db.aiDebate.findFirst({ where: { ownerId: scope.ownerId, id: scope.debateId }, select: { messagesJson: true, verdictJson: true } });
    if (debate) addDebate(debate, add);
  }
  return keys;
}

function addDebate(d: { messagesJson: string; verdictJson: string | null }, add: (answer: unknown) => void) {
  const messages = parse(d.messagesJson);
  if (Array.isArray(messages)) for (const m of messages) add((m as { answer?: unknown }).answer);
  add((parse(d.verdictJson) as { judge?: unknown } | null)?.judge ?? null);
}
