import type { TAction, TDecision } from '@/nodes/sdk';
import { aiFailure, type TAiFailure } from '../client/ai-failure';
import { extractJsonObjects } from './extract-json-objects';

export type TParsedAnswer = { ok: true; decision: TDecision; notes: string[] } | { ok: false; failure: TAiFailure };

const ACTION_KEYS = ['action', 'decision', 'signal', 'recommendation', 'stance', '操作', '决策', '动作', '建议'];
const CONFIDENCE_KEYS = ['confidence', 'conviction', 'probability', '置信度', '信心'];
const REASON_KEYS = ['reasoning', 'reason', 'rationale', 'argument', 'analysis', 'explanation', '理由', '分析', '论点'];

const ACTION_WORDS: Array<[RegExp, TAction]> = [
  [/^(buy|long|strong[ _-]?buy|accumulate|买入|买|做多|增持|建仓)$/i, 'BUY'],
  [/^(sell|short|strong[ _-]?sell|exit|reduce|卖出|卖|做空|减持|清仓|平仓)$/i, 'SELL'],
  [/^(hold|wait|neutral|none|no[ _-]?action|持有|观望|不动|中性|持仓)$/i, 'HOLD'],
];

const REFUSAL = /\b(I('| a)m sorry|I can(no|')t|I am unable|I'm unable|cannot provide (financial|investment) advice|as an AI)\b|抱歉|无法提供|不能提供/i;

/**
 * Reads `{action, confidence, reasoning}` from a model's answer, tolerating fences, prose around
 * the JSON, Chinese keys and words, percentages and a missing confidence. Never throws: an
 * answer it cannot read is a failure with the reason, and the caller keeps the raw text.
 */
export function parseDecisionAnswer(text: string, refusal: string | null = null): TParsedAnswer {
  if (refusal) return { ok: false, failure: aiFailure('refused', `the model refused: ${short(refusal)}`, `模型拒绝回答：${short(refusal)}`) };
  if (text.trim() === '') return { ok: false, failure: aiFailure('empty_answer', 'the model returned an empty answer', '模型返回了空回答') };

  let badAction: string | null = null;
  for (const object of extractJsonObjects(text)) {
    const rawAction = pick(object, ACTION_KEYS);
    if (rawAction === undefined) continue;
    const action = readAction(rawAction);
    if (!action) {
      badAction = String(rawAction);
      continue;
    }
    const notes: string[] = [];
    const confidence = readConfidence(pick(object, CONFIDENCE_KEYS), notes);
    const reasoning = pick(object, REASON_KEYS);
    return { ok: true, decision: { action, confidence, reasoning: typeof reasoning === 'string' ? reasoning : reasoning === undefined ? '' : JSON.stringify(reasoning) }, notes };
  }

  const line = /(?:^|\n)\s*\**(?:action|decision|操作|决策)\**\s*[:：]\s*\**\s*([A-Za-z\u4e00-\u9fa5]+)/i.exec(text);
  const fromLine = line ? readAction(line[1]) : null;
  if (fromLine) {
    const notes = ['read from text, not JSON'];
    const conf = /(?:confidence|置信度)\**\s*[:：]\s*\**\s*([\d.]+\s*%?)/i.exec(text);
    return { ok: true, decision: { action: fromLine, confidence: readConfidence(conf?.[1], notes), reasoning: text.trim() }, notes };
  }

  if (badAction !== null) {
    return { ok: false, failure: aiFailure('unparsable', `the answer's action "${short(badAction)}" is not BUY, SELL or HOLD`, `回答中的操作 "${short(badAction)}" 不是 BUY、SELL 或 HOLD`) };
  }
  if (REFUSAL.test(text)) return { ok: false, failure: aiFailure('refused', `the model declined to decide: ${short(text)}`, `模型拒绝给出决策：${short(text)}`) };
  return { ok: false, failure: aiFailure('unparsable', `no JSON decision in the answer: ${short(text)}`, `回答中没有 JSON 格式的决策：${short(text)}`) };
}

function pick(object: Record<string, unknown>, keys: string[]): unknown {
  for (const key of Object.keys(object)) if (keys.includes(key.toLowerCase())) return object[key];
  return undefined;
}

function readAction(value: unknown): TAction | null {
  if (typeof value !== 'string') return null;
  const word = value.trim().replace(/[.!。！]+$/, '');
  for (const [pattern, action] of ACTION_WORDS) if (pattern.test(word)) return action;
  return null;
}

/** 0..1; 1 < x <= 100 and "85%" read as percent; anything else missing or odd becomes 0.5 with a note. */
function readConfidence(value: unknown, notes: string[]): number {
  let x = typeof value === 'number' ? value : typeof value === 'string' ? Number.parseFloat(value) : NaN;
  if (typeof value === 'string' && value.trim().endsWith('%')) x /= 100;
  else if (x > 1 && x <= 100) x /= 100;
  if (Number.isFinite(x) && x >= 0 && x <= 1) return x;
  notes.push(value === undefined ? 'no confidence given; 0.5 assumed' : `confidence "${String(value)}" not in 0..1; 0.5 assumed`);
  return 0.5;
}

function short(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 160 ? `${one.slice(0, 160)}…` : one;
}
