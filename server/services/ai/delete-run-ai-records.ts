import type { TDb } from '@/server/db';

/**
 * Removes a run's (or a trader's) AI decisions and debate transcripts; call it when the run is
 * deleted. Cached answers stay: they belong to the user and let a rerun replay for free.
 */
export async function deleteRunAiRecords(db: TDb, input: { ownerId: string; runId?: string; traderId?: string }): Promise<{ decisions: number; debates: number }> {
  if (!input.runId && !input.traderId) return { decisions: 0, debates: 0 };
  const scope = { ownerId: input.ownerId, ...(input.runId ? { runId: input.runId } : {}), ...(input.traderId ? { traderId: input.traderId } : {}) };
  const transcripts = input.traderId
    ? (await db.aiDecision.findMany({ where: { ...scope, transcriptId: { not: null } }, select: { transcriptId: true } })).map((d) => d.transcriptId as string)
    : [];
  const decisions = await db.aiDecision.deleteMany({ where: scope });
  let debates = 0;
  if (input.runId) debates += (await db.aiDebate.deleteMany({ where: { ownerId: input.ownerId, runId: input.runId } })).count;
  for (let k = 0; k < transcripts.length; k += 500) debates += (await db.aiDebate.deleteMany({ where: { ownerId: input.ownerId, id: { in: transcripts.slice(k, k + 500) } } })).count;
  return { decisions: decisions.count, debates };
}
