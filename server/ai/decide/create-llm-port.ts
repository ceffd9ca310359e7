import { randomUUID } from 'node:crypto';
import type { TAiDebateRequest, TAiDecisionRequest, TAiDecisionResult, TAiLanguage, TAiSnapshot, TLlmPort } from '@/nodes/sdk';
import type { TDecisionCacheStore } from '../cache/decision-cache-store';
import { failureText } from '../client/ai-failure';
import type { TLlmClient } from '../client/create-llm-client';
import type { TDebateEvent } from '../debate/debate-events';
import { runDebate } from '../debate/run-debate';
import { heuristicDecision } from '../heuristic/heuristic-analyst';
import { buildDecisionMessages, renderSnapshot } from '../prompts/build-decision-messages';
import { inferMarketLookup, type TMarketLookup } from '../prompts/describe-market-rules';
import type { TProviderDirectory } from '../providers/create-provider-directory';
import type { TAiRecordStore } from '../record/ai-record-store';
import type { TAnswerRecord, TDecisionRecord } from '../record/ai-records';
import { countAnswer, emptyRunStats, type TAiRunStats } from '../record/ai-run-stats';
import { answerWith } from './answer-with';
import type { TCacheMode } from './ask-model';

export interface TLlmPortOptions {
  /** the process-wide client (its per-provider concurrency limits are shared by all runs) */
  client: TLlmClient;
  /** the run owner's providers */
  directory: TProviderDirectory;
  cache: TDecisionCacheStore;
  /** 'replay-only' fails the run on a cache miss instead of calling a model */
  mode?: TCacheMode;
  records?: TAiRecordStore;
  runId?: string | null;
  /** the market of each symbol as the run knows it; inferred from the code otherwise */
  marketOf?: TMarketLookup;
  onDebateEvent?: (event: TDebateEvent) => void;
  /** the run's cancel signal: aborts calls in flight (they come back as HOLD, 'cancelled') */
  signal?: AbortSignal;
  newId?: () => string;
  now?: () => Date;
}

export type TRunLlmPort = TLlmPort & { readonly stats: TAiRunStats };

/**
 * The LLM port a run hands to the kernel (ctx.llm). Renders the prompt from the node's
 * snapshot, answers through the cache / model / heuristic analyst, turns any failure into HOLD
 * with the reason, records every decision and counts calls, tokens, cost and failures.
 */
export function createLlmPort(options: TLlmPortOptions): TRunLlmPort {
  const mode = options.mode ?? 'live';
  const lookup = options.marketOf ?? inferMarketLookup;
  const newId = options.newId ?? randomUUID;
  const now = options.now ?? (() => new Date());
  const stats = emptyRunStats();
  const deps = { client: options.client, cache: options.cache, mode, now };
  const runId = options.runId ?? null;

  async function finish(
    kind: 'decision' | 'debate',
    request: { nodeId: string; snapshot: TAiSnapshot; language: TAiLanguage },
    result: TAiDecisionResult,
    answer: TAnswerRecord | null,
    transcriptId: string | null,
  ): Promise<TAiDecisionResult> {
    stats.decisions++;
    if (result.error !== null) stats.failedDecisions++;
    const record: TDecisionRecord = {
      id: newId(),
      runId,
      nodeId: request.nodeId,
      kind,
      symbol: request.snapshot.symbol,
      barTime: request.snapshot.time,
      barIndex: request.snapshot.barIndex,
      decision: { action: result.action, confidence: result.confidence, reasoning: result.reasoning },
      error: result.error,
      answer,
      transcriptId,
      createdAt: now().toISOString(),
    };
    await options.records?.saveDecision(record);
    return result;
  }

  return {
    stats,
    async decide(request: TAiDecisionRequest) {
      const { snapshot, language } = request;
      const prompt = buildDecisionMessages(snapshot, language, request.template, lookup);
      const answer = await answerWith(
        deps,
        options.directory.resolve(request.model),
        { messages: prompt.messages, temperature: request.temperature, where: { nodeId: request.nodeId, symbol: snapshot.symbol, barTime: snapshot.time }, signal: options.signal },
        () => heuristicDecision(snapshot, language),
      );
      countAnswer(stats, answer);
      return finish('decision', request, resultOf(answer, language), answer, null);
    },

    async debate(request: TAiDebateRequest) {
      const { snapshot, language } = request;
      const id = newId();
      const transcript = await runDebate(
        {
          ...request,
          id,
          runId,
          nodeId: request.nodeId,
          context: renderSnapshot(snapshot, language, request.template, lookup).text,
        },
        { ...deps, directory: options.directory, onEvent: options.onDebateEvent, signal: options.signal },
      );
      for (const m of transcript.messages) countAnswer(stats, m.answer);
      if (transcript.verdict.judge) countAnswer(stats, transcript.verdict.judge);
      await options.records?.saveTranscript(transcript);
      const answered = transcript.messages.some((m) => m.answer.parsed !== null) || Boolean(transcript.verdict.judge?.parsed);
      const verdict = transcript.verdict.decision;
      const error = answered ? null : language === 'zh-CN' ? '辩论中没有任何可用的回答' : 'no participant gave a usable answer';
      const note = transcript.verdict.note ? ` [${transcript.verdict.note}]` : '';
      const result: TAiDecisionResult = error
        ? { action: 'HOLD', confidence: 0, reasoning: error, error, ref: id }
        : { ...verdict, reasoning: verdict.reasoning + note, error: null, ref: id };
      return finish('debate', request, result, null, id);
    },
  };
}

/** A usable answer becomes the decision; anything else becomes HOLD with the reason as its text. */
function resultOf(answer: TAnswerRecord, language: TAiLanguage): TAiDecisionResult {
  if (answer.parsed) return { ...answer.parsed, error: null };
  const reason = answer.failure ? failureText(answer.failure, language) : language === 'zh-CN' ? '没有回答' : 'no answer';
  return { action: 'HOLD', confidence: 0, reasoning: language === 'zh-CN' ? `AI 不可用，保持观望：${reason}` : `AI unavailable, holding: ${reason}`, error: reason };
}
