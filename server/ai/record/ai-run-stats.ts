import type { TAiFailureCode } from '../client/ai-failure';
import type { TAnswerRecord } from './ai-records';

/** Totals for one run, shown on its page: how many decisions, calls, failures and what they cost. */
export interface TAiRunStats {
  decisions: number;
  /** decisions that became HOLD because no usable answer came back */
  failedDecisions: number;
  /** questions that reached a model's endpoint (cache hits and heuristic answers excluded) */
  modelCalls: number;
  /** HTTP requests including retries */
  httpRequests: number;
  cacheHits: number;
  heuristicAnswers: number;
  /** answers that could not be used (each became HOLD) */
  failures: number;
  failuresByCode: Partial<Record<TAiFailureCode, number>>;
  promptTokens: number;
  completionTokens: number;
  /** estimated, per currency (providers bill in USD or CNY) */
  cost: { USD: number; CNY: number };
}

export function emptyRunStats(): TAiRunStats {
  return { decisions: 0, failedDecisions: 0, modelCalls: 0, httpRequests: 0, cacheHits: 0, heuristicAnswers: 0, failures: 0, failuresByCode: {}, promptTokens: 0, completionTokens: 0, cost: { USD: 0, CNY: 0 } };
}

/** Adds one answer. Tokens and cost count only for live calls: a cache hit cost nothing this run. */
export function countAnswer(stats: TAiRunStats, answer: TAnswerRecord): void {
  if (answer.source === 'cache') stats.cacheHits++;
  else if (answer.source === 'heuristic') stats.heuristicAnswers++;
  else if (answer.source === 'model' && answer.attempts > 0) {
    stats.modelCalls++;
    stats.httpRequests += answer.attempts;
    stats.promptTokens += answer.promptTokens;
    stats.completionTokens += answer.completionTokens;
    if (answer.cost) stats.cost[answer.cost.currency] += answer.cost.amount;
  }
  if (answer.failure) {
    stats.failures++;
    stats.failuresByCode[answer.failure.code] = (stats.failuresByCode[answer.failure.code] ?? 0) + 1;
  }
}
