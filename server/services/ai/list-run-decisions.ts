import { ZAnswerRecordSchema } from '@/server/ai/record/ai-records';
import type { TDb } from '@/server/db';
import type { TDecisionRecordDto } from './schemas';
import { toAnswerDto } from './to-ai-dto';

type TRow = Awaited<ReturnType<TDb['aiDecision']['findFirstOrThrow']>>;

function toDecisionDto(row: TRow): TDecisionRecordDto {
  let answer = null;
  if (row.answerJson) {
    try {
      const parsed = ZAnswerRecordSchema.safeParse(JSON.parse(row.answerJson));
      if (parsed.success) answer = parsed.data;
    } catch {
      // unreadable answer: the decision itself is still shown
    }
  }
  return {
    id: row.id,
    runId: row.runId,
    traderId: row.traderId,
    nodeId: row.nodeId,
    kind: row.kind === 'debate' ? 'debate' : 'decision',
    symbol: row.symbol,
    barTime: Number(row.barTime),
    barIndex: row.barIndex,
    decision: { action: row.action === 'BUY' || row.action === 'SELL' ? row.action : 'HOLD', confidence: row.confidence, reasoning: row.reasoning },
    error: row.error,
    answer: answer ? toAnswerDto(answer) : null,
    prompt: answer ? answer.messages.map((m) => ({ role: m.role, content: m.content })) : null,
    transcriptId: row.transcriptId,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * A backtest run's AI decisions in bar order, for the run page's Decisions tab (each with its
 * reasoning, answer and prompt; a debate's transcript is one arena.get away). Owner-scoped: a
 * run id of another user lists nothing.
 */
export async function listRunDecisions(db: TDb, input: { ownerId: string; runId: string; symbol?: string; limit: number }): Promise<TDecisionRecordDto[]> {
  const rows = await db.aiDecision.findMany({
    where: { ownerId: input.ownerId, runId: input.runId, ...(input.symbol ? { symbol: input.symbol } : {}) },
    orderBy: [{ symbol: 'asc' }, { barTime: 'asc' }, { nodeId: 'asc' }],
    take: input.limit,
  });
  return rows.map(toDecisionDto);
}
