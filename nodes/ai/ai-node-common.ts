import { z } from 'zod';
import type { TAiDecisionResult, TAiSnapshot, TAiValue, TDecision, TNodeContext } from '../sdk';
import { port } from '../sdk';

/**
 * What the AI Decision and AI Debate nodes share: eight optional number inputs named by a
 * `labels` param, a trigger, the cadence that decides when to ask, and the four outputs.
 *
 * Why a fixed v1..v8 rather than ports created per graph: the compiler, the editor and saved
 * graphs all type-check edges against the definition's static port list; eight named slots fit
 * that contract with no special case, and eight values is more than a prompt should carry.
 */
export const AI_VALUE_COUNT = 8;

const valuePort = (k: number) => port('number', { optional: true, label: { en: `value ${k}`, zh: `数值 ${k}` } });

export const AI_INPUTS = {
  v1: valuePort(1),
  v2: valuePort(2),
  v3: valuePort(3),
  v4: valuePort(4),
  v5: valuePort(5),
  v6: valuePort(6),
  v7: valuePort(7),
  v8: valuePort(8),
  trigger: port('signal', { optional: true, label: { en: 'ask when', zh: '触发' } }),
};

export const AI_OUTPUTS = {
  decision: port('decision', { label: { en: 'decision', zh: '决策' } }),
  confidence: port('number', { label: { en: 'confidence', zh: '置信度' } }),
  buy: port('signal', { label: { en: 'buy', zh: '买入' } }),
  sell: port('signal', { label: { en: 'sell', zh: '卖出' } }),
};

export const ZAiLanguageParam = z.enum(['en-US', 'zh-CN']).default('en-US').describe('language of the prompt and of the reasoning');

/** Params both AI nodes have, as a shape to spread into each node's z.object. */
export const AI_COMMON_PARAMS = {
  language: ZAiLanguageParam,
  bars: z.number().int().min(1).max(200).default(20).describe('recent bars shown to the model'),
  cadence: z.enum(['bars', 'trigger']).default('bars').describe('ask every N bars, or only on bars where "ask when" is true'),
  everyBars: z.number().int().min(1).max(10_000).default(5).describe('with cadence "bars": ask on the first bar and then every N bars'),
  temperature: z.number().min(0).max(2).default(0.2).describe('sampling temperature'),
  minConfidence: z.number().min(0).max(1).default(0).describe('buy/sell fire only at or above this confidence'),
  labels: z.array(z.string().max(40)).max(AI_VALUE_COUNT).default([]).describe('names of value 1..8 as the prompt shows them, e.g. "RSI(14)"'),
  template: z.string().max(8000).default('').describe('prompt template with {{placeholders}}; empty = built-in'),
};

type TAiInputs = { [K in keyof typeof AI_INPUTS]: K extends 'trigger' ? boolean : number };
type TAiOutputs = { decision: TDecision | null; confidence: number; buy: boolean; sell: boolean };

export interface TAiNodeState {
  /** bars stepped so far (the cadence counts from the first trading bar) */
  steps: number;
}

export const initAiState = (): TAiNodeState => ({ steps: 0 });

/** True on the bars where this node asks. Advances the bar count, so call it once per step. */
export function isDue(params: { cadence: 'bars' | 'trigger'; everyBars: number }, state: TAiNodeState, trigger: boolean): boolean {
  const step = state.steps++;
  return params.cadence === 'trigger' ? trigger : step % params.everyBars === 0;
}

/**
 * The market at this bar as data for the server-side prompt. A value is included when it has a
 * label or a number; an unlabelled input reading NaN is indistinguishable from an unwired one,
 * so it is left out rather than shown as "n/a".
 */
export function buildSnapshot(ctx: TNodeContext, inputs: TAiInputs, params: { bars: number; labels: string[] }): TAiSnapshot {
  const bar = ctx.bar;
  const bars = ctx.recentBars
    ? ctx.recentBars(params.bars)
    : [{ time: bar.time, open: bar.open, high: bar.high, low: bar.low, close: bar.close, volume: bar.volume }];
  const values: TAiValue[] = [];
  for (let k = 1; k <= AI_VALUE_COUNT; k++) {
    const label = (params.labels[k - 1] ?? '').trim();
    const value = inputs[`v${k}` as keyof TAiInputs] as number;
    if (label !== '' || Number.isFinite(value)) values.push({ label: label || `v${k}`, value });
  }
  return {
    symbol: ctx.symbol,
    time: bar.time,
    barIndex: bar.index,
    bars,
    values,
    position: { qty: ctx.position.qty, avgPrice: ctx.position.avgPrice, sellable: ctx.position.sellable },
    account: { cash: ctx.account.cash, equity: ctx.account.equity },
  };
}

/** Outputs are per-bar events: a decision on the bar it was taken, nothing on the bars between. */
export function clearOutputs(out: TAiOutputs): void {
  out.decision = null;
  out.confidence = NaN;
  out.buy = false;
  out.sell = false;
}

export function writeOutputs(out: TAiOutputs, result: TAiDecisionResult, minConfidence: number): void {
  const decision: TDecision = { action: result.action, confidence: result.confidence, reasoning: result.reasoning };
  if (result.ref !== undefined) decision.ref = result.ref;
  out.decision = decision;
  out.confidence = result.confidence;
  out.buy = result.action === 'BUY' && result.confidence >= minConfidence;
  out.sell = result.action === 'SELL' && result.confidence >= minConfidence;
}

/** With no LLM port in the run (e.g. a harness), a due bar still gets an explicit HOLD. */
export function noPortResult(language: 'en-US' | 'zh-CN'): TAiDecisionResult {
  const error = language === 'zh-CN' ? '本次运行没有 AI 服务' : 'no AI provider in this run';
  return { action: 'HOLD', confidence: 0, reasoning: error, error };
}
