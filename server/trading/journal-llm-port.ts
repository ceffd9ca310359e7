/**
 * The trader's LLM port: a decision already journaled for (node, symbol, bar) is answered from
 * the journal, so bars replayed after a restart decide exactly as before and cost nothing; bars
 * caught up without a journaled decision (warm-up, time while stopped) are not sent to a model;
 * live bars ask the real port and journal the answer with its reasoning.
 */
import type { TAiDebateRequest, TAiDecisionRequest, TAiDecisionResult, TLlmPort } from '@/nodes/sdk';
import type { TraderRecorder } from './trader-recorder';
import { decisionKey, type TTraderJournal } from './types';

export class JournalLlmPort implements TLlmPort {
  constructor(
    private readonly inner: TLlmPort | null,
    private readonly journal: TTraderJournal,
    private readonly recorder: TraderRecorder,
    /** first bar that may be decided anew (see TraderBroker) */
    private readonly liveFrom: number,
  ) {}

  decide(request: TAiDecisionRequest): Promise<TAiDecisionResult> {
    return this.answer(request, () => this.inner!.decide(request));
  }

  debate(request: TAiDebateRequest): Promise<TAiDecisionResult> {
    return this.answer(request, () => this.inner!.debate(request));
  }

  private async answer(request: TAiDecisionRequest | TAiDebateRequest, ask: () => Promise<TAiDecisionResult>): Promise<TAiDecisionResult> {
    const { symbol, time } = request.snapshot;
    const before = this.journal.decisions.get(decisionKey(request.nodeId, symbol, time));
    if (before) return { action: before.action, confidence: before.confidence, reasoning: before.reasoning, error: before.error, ...(before.ref ? { ref: before.ref } : {}) };
    if (time < this.liveFrom || (this.journal.lastBarTime !== null && time <= this.journal.lastBarTime)) return hold('not asked: the trader was catching up on past bars');
    let result: TAiDecisionResult;
    if (!this.inner) result = hold('no model is configured for this trader');
    else {
      try {
        result = await ask();
      } catch (err) {
        // a port throws only to stop a run on purpose (replay-only miss); a trader holds instead
        result = hold(`model call failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    this.recorder.decision({ nodeId: request.nodeId, symbol, barTime: time, action: result.action, confidence: result.confidence, reasoning: result.reasoning, error: result.error, ref: result.ref ?? null });
    if (result.error) this.recorder.log('warn', 'decision_failed', `${request.nodeId} on ${symbol}: ${result.error}`, time);
    return result;
  }
}

function hold(reason: string): TAiDecisionResult {
  return { action: 'HOLD', confidence: 0, reasoning: reason, error: reason };
}
