/**
 * What AI nodes hand to the run's LLM port. Nodes describe the market as data (bars, named
 * values, position, account); the server side owns everything else: prompt templates and
 * languages, market rules text, providers, the decision cache, retries and recording. Keeping
 * the prompt text out of nodes/ is what lets the cache key be the exact text that was sent.
 */
import type { TDecision } from './context';

export type TAiLanguage = 'zh-CN' | 'en-US';

/** One past or current bar as the model sees it. */
export interface TAiBar {
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

/** A value wired into an AI node, with the name the prompt gives it. NaN = not available yet. */
export interface TAiValue {
  label: string;
  value: number;
}

/** The market as seen at one bar of one symbol. Everything in it is the present or the past. */
export interface TAiSnapshot {
  symbol: string;
  /** the current bar's time (epoch ms, exchange-local as if UTC) */
  time: number;
  barIndex: number;
  /** oldest first; the last one is the current bar */
  bars: TAiBar[];
  values: TAiValue[];
  position: { qty: number; avgPrice: number; sellable: number };
  account: { cash: number; equity: number };
}

/**
 * Which model: `provider` is 'auto' (the user's default, or the heuristic analyst when none is
 * configured), 'heuristic', a provider kind ('deepseek', 'openai', …) or a configured provider's
 * id; `model` '' means the provider's default model.
 */
export interface TAiModelRef {
  provider: string;
  model: string;
}

export const DEBATE_ROLES = ['bull', 'bear', 'analyst', 'contrarian', 'risk-manager'] as const;
export type TDebateRole = (typeof DEBATE_ROLES)[number];

export interface TAiDecisionRequest {
  nodeId: string;
  snapshot: TAiSnapshot;
  model: TAiModelRef;
  language: TAiLanguage;
  temperature: number;
  /** the user's edited prompt template; '' = the built-in one for the language and asset class */
  template: string;
}

export interface TAiDebateRequest {
  nodeId: string;
  snapshot: TAiSnapshot;
  language: TAiLanguage;
  temperature: number;
  template: string;
  participants: Array<TAiModelRef & { role: TDebateRole }>;
  rounds: number;
  verdict: { method: 'vote' } | { method: 'judge'; judge: TAiModelRef };
}

/** A decision plus, when it could not come from the model, why (shown on the node, counted in the run). */
export interface TAiDecisionResult extends TDecision {
  error: string | null;
}

export interface TLlmPort {
  /**
   * Asks for a decision. Never throws for a model or network problem: those come back as HOLD
   * with `error` set, so one bad answer cannot stop a backtest. It throws only to stop the run
   * on purpose (replay-only mode with no cached answer).
   */
  decide(request: TAiDecisionRequest): Promise<TAiDecisionResult>;
  /** Runs a debate and returns its verdict; `ref` on the result is the transcript id. Same error contract. */
  debate(request: TAiDebateRequest): Promise<TAiDecisionResult>;
}
