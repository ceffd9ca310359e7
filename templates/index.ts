import smaCrossover from './sma-crossover.json';
import emaRibbon from './ema-ribbon.json';
import macdCross from './macd-cross.json';
import rsiReversion from './rsi-reversion.json';
import bollingerBreakout from './bollinger-breakout.json';
import kdjCross from './kdj-cross.json';
import turtleBreakout from './turtle-breakout.json';
import dualThrust from './dual-thrust.json';
import volumeBreakout from './volume-breakout.json';
import trendTrailingStop from './trend-trailing-stop.json';
import bollReversion from './boll-reversion.json';
import candleReversal from './candle-reversal.json';
import aiTrendGate from './ai-trend-gate.json';
import aiDebateRiskGate from './ai-debate-risk-gate.json';

/**
 * Built-in strategy templates, listed explicitly (like nodes/registry.ts). Each is one JSON file:
 * the graph in the saved format plus zh/en texts, tags and suggested symbols.
 */
export interface TTemplate {
  id: string;
  title: { en: string; zh: string };
  description: { en: string; zh: string };
  idea: { en: string; zh: string };
  tags: string[];
  markets: string[];
  suggested: { symbols: string[]; timeframe: string };
  graph: unknown;
}

export const TEMPLATES: readonly TTemplate[] = [
  smaCrossover,
  emaRibbon,
  macdCross,
  rsiReversion,
  bollingerBreakout,
  kdjCross,
  turtleBreakout,
  dualThrust,
  volumeBreakout,
  trendTrailingStop,
  bollReversion,
  candleReversal,
  aiTrendGate,
  aiDebateRiskGate,
] as TTemplate[];

export function getTemplate(id: string): TTemplate | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
