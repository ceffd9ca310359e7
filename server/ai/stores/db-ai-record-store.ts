import type { TDb } from '@/server/db';
import type { TAiRecordStore } from '../record/ai-record-store';
import type { TDebateTranscript, TDecisionRecord } from '../record/ai-records';

export interface TDbRecordScope {
  ownerId: string;
  /** set for a trader's decisions (paper or live); a backtest's come with their runId on the record */
  traderId?: string | null;
}

/** The AiDebate columns of a transcript (everything but owner and status). */
export function debateColumns(t: TDebateTranscript) {
  return {
    runId: t.runId,
    nodeId: t.nodeId,
    symbol: t.symbol,
    barTime: BigInt(t.barTime),
    language: t.language,
    rounds: t.rounds,
    participantsJson: JSON.stringify(t.participants),
    context: t.context,
    messagesJson: JSON.stringify(t.messages),
    verdictJson: JSON.stringify(t.verdict),
  };
}

/**
 * Decisions and debate transcripts in the AiDecision / AiDebate tables, written for one owner.
 * A transcript whose row exists (an Arena debate recorded as "running" when it started) is
 * completed in place; otherwise a finished row is inserted.
 */
export function createDbAiRecordStore(db: TDb, scope: TDbRecordScope): TAiRecordStore {
  const { ownerId } = scope;
  return {
    async saveDecision(record: TDecisionRecord) {
      await db.aiDecision.create({
        data: {
          id: record.id,
          ownerId,
          runId: record.runId,
          traderId: scope.traderId ?? null,
          nodeId: record.nodeId,
          kind: record.kind,
          symbol: record.symbol,
          barTime: BigInt(record.barTime),
          barIndex: record.barIndex,
          action: record.decision.action,
          confidence: record.decision.confidence,
          reasoning: record.decision.reasoning,
          error: record.error,
          answerJson: record.answer ? JSON.stringify(record.answer) : null,
          transcriptId: record.transcriptId,
          createdAt: new Date(record.createdAt),
        },
      });
    },
    async saveTranscript(transcript: TDebateTranscript) {
      const columns = debateColumns(transcript);
      const updated = await db.aiDebate.updateMany({ where: { id: transcript.id, ownerId }, data: { ...columns, status: 'finished', error: null } });
      if (updated.count > 0) return;
      await db.aiDebate.create({ data: { id: transcript.id, ownerId, ...columns, status: 'finished', createdAt: new Date(transcript.createdAt) } });
    },
  };
}
