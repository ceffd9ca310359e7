import type { TAiLanguage, TAiSnapshot, TDecision } from '@/nodes/sdk';
import { formatNumber, formatPercent } from '../prompts/format-values';

/** How the heuristic analyst is named wherever it appears: it is a rule set, not a language model. */
export const HEURISTIC_PROVIDER = 'heuristic';
export const HEURISTIC_MODEL = 'heuristic-analyst-v1';
export const HEURISTIC_LABEL = {
  en: '[Heuristic analyst: fixed rules, not an AI model]',
  zh: '【启发式分析员：固定规则，并非AI模型】',
} as const;

interface TFinding {
  points: number;
  en: string;
  zh: string;
}

/** Shifts the rule score: debate roles argue from the same readings with a different lean. */
export interface THeuristicLean {
  bias: number;
  scale: number;
  /** |score| needed for BUY/SELL */
  threshold: number;
  why?: { en: string; zh: string };
}

const NEUTRAL: THeuristicLean = { bias: 0, scale: 1, threshold: 1 };

/**
 * A deterministic stand-in for an LLM so strategies, templates and tests run offline. It reads
 * the wired values by their labels (RSI, KDJ/stochastic, Williams %R, MACD, CCI, moving
 * averages, band edges) and the price change over the context window, adds fixed points per
 * reading, and maps the total to an action. Unrecognised labels are listed, not guessed at.
 */
export function heuristicDecision(snapshot: TAiSnapshot, language: TAiLanguage, lean: THeuristicLean = NEUTRAL): TDecision {
  const findings = readFindings(snapshot);
  const raw = findings.reduce((s, f) => s + f.points, 0);
  const score = raw * lean.scale + lean.bias;
  const zh = language === 'zh-CN';
  let action: TDecision['action'] = score >= lean.threshold ? 'BUY' : score <= -lean.threshold ? 'SELL' : 'HOLD';
  const notes = findings.map((f) => (zh ? f.zh : f.en));
  if (lean.why) notes.push(zh ? lean.why.zh : lean.why.en);
  if (action === 'SELL' && snapshot.position.qty <= 0) {
    action = 'HOLD';
    notes.push(zh ? '空仓，无可卖出' : 'flat: nothing to sell');
  }
  const confidence = action === 'HOLD' ? Math.max(0.3, 0.6 - 0.1 * Math.abs(score)) : Math.min(0.9, 0.5 + 0.1 * Math.abs(score));
  const total = zh ? `合计 ${signed(score)} 分 → ${action}` : `total ${signed(score)} → ${action}`;
  const label = zh ? HEURISTIC_LABEL.zh : HEURISTIC_LABEL.en;
  const body = notes.length > 0 ? notes.join(zh ? '；' : '; ') : zh ? '没有可解读的指标' : 'no readable indicators';
  return { action, confidence: round2(confidence), reasoning: `${label} ${body}; ${total}` };
}

function readFindings(snapshot: TAiSnapshot): TFinding[] {
  const findings: TFinding[] = [];
  const last = snapshot.bars[snapshot.bars.length - 1];
  const close = last ? last.close : NaN;
  for (const { label, value } of snapshot.values) {
    if (!Number.isFinite(value)) continue;
    const f = readValue(label, value, close);
    if (f) findings.push(f);
  }
  const first = snapshot.bars[0];
  if (first && last && snapshot.bars.length >= 2 && first.close > 0) {
    const change = last.close / first.close - 1;
    const n = snapshot.bars.length;
    const points = change > 0.05 ? 0.5 : change < -0.05 ? -0.5 : 0;
    findings.push({
      points,
      en: `price ${formatPercent(change)} over ${n} bars${points ? ` (${signed(points)})` : ''}`,
      zh: `${n} 根K线涨跌 ${formatPercent(change)}${points ? `（${signed(points)}）` : ''}`,
    });
  }
  return findings;
}

function readValue(label: string, v: number, close: number): TFinding | null {
  const l = label.toLowerCase();
  const shown = `${label} ${formatNumber(v)}`;
  const f = (points: number, en: string, zh: string): TFinding => ({ points, en: `${shown} ${en}${points ? ` (${signed(points)})` : ''}`, zh: `${shown}${zh}${points ? `（${signed(points)}）` : ''}` });
  if (/rsi/.test(l)) return v < 30 ? f(1, 'oversold', '超卖') : v > 70 ? f(-1, 'overbought', '超买') : f(0, 'neutral', '中性');
  if (/willr|williams|%r|威廉/.test(l)) return v < -80 ? f(1, 'oversold', '超卖') : v > -20 ? f(-1, 'overbought', '超买') : f(0, 'neutral', '中性');
  if (/kdj|stoch|%k|%d|^[kdj]$|^[kdj]值/.test(l)) return v < 20 ? f(1, 'oversold', '超卖') : v > 80 ? f(-1, 'overbought', '超买') : f(0, 'neutral', '中性');
  if (/macd|hist|柱/.test(l)) return v > 0 ? f(0.5, 'positive momentum', '动能为正') : v < 0 ? f(-0.5, 'negative momentum', '动能为负') : f(0, 'flat', '持平');
  if (/cci/.test(l)) return v < -100 ? f(0.5, 'oversold', '超卖') : v > 100 ? f(-0.5, 'overbought', '超买') : f(0, 'neutral', '中性');
  if (!Number.isFinite(close)) return null;
  if (/upper|上轨/.test(l)) return close > v ? f(-0.5, `close ${formatNumber(close)} above the upper band`, `收盘 ${formatNumber(close)} 高于上轨`) : f(0, 'inside', '未触及');
  if (/lower|下轨/.test(l)) return close < v ? f(0.5, `close ${formatNumber(close)} below the lower band`, `收盘 ${formatNumber(close)} 低于下轨`) : f(0, 'inside', '未触及');
  if (/sma|ema|wma|dema|tema|kama|vwap|\bma\d*\b|moving|均线/.test(l)) {
    return close > v ? f(0.5, `close ${formatNumber(close)} above it`, `收盘 ${formatNumber(close)} 在其上方`) : close < v ? f(-0.5, `close ${formatNumber(close)} below it`, `收盘 ${formatNumber(close)} 在其下方`) : f(0, 'at it', '持平');
  }
  return { points: 0, en: `${shown} not interpreted`, zh: `${shown}（未解读）` };
}

function signed(x: number): string {
  const r = Math.round(x * 100) / 100;
  return r > 0 ? `+${r}` : String(r);
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
