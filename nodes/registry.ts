import type { TAnyNodeDefinition } from './sdk';
import { barField } from './data/bar-field';
import { constant } from './data/constant';
import { barIndex } from './data/bar-index';
import { position } from './data/position';
import { add, subtract, multiply, divide, min, max } from './math/binary-ops';
import { abs } from './math/abs';
import { highest, lowest, change, percentChange } from './math/window-ops';
import { greaterThan, lessThan, greaterOrEqual, lessOrEqual, equal } from './logic/compare';
import { and, or, not } from './logic/boolean-ops';
import { crossesAbove, crossesBelow } from './logic/crosses';
import { rising, falling, barsSince, latch } from './logic/trend-signals';
import { sma } from './indicators/sma';
import { ema } from './indicators/ema';
import { wma, dema, tema, kama } from './indicators/moving-averages';
import { macd } from './indicators/macd';
import { bbands, stddev } from './indicators/bbands';
import { rsi, stochRsi } from './indicators/rsi';
import { stoch, willr } from './indicators/stoch';
import { trange, atr, natr } from './indicators/volatility';
import { adx, plusDi, minusDi } from './indicators/directional';
import { cci } from './indicators/cci';
import { obv, mfi, vwap } from './indicators/volume';
import { roc, aroon, ultosc } from './indicators/momentum';
import { sar } from './indicators/sar';
import { donchian } from './indicators/channels';
import { cnSma, kdj } from './indicators/chinese';
import { CANDLE_PATTERN_NODES } from './indicators/candlestick-patterns';
import { ref, count, every, exist } from './tdx/formula-ops';
import { buy } from './orders/buy';
import { sell } from './orders/sell';
import { closePosition } from './orders/close-position';
import { targetPercent } from './orders/target-percent';
import { targetShares } from './orders/target-shares';
import { stopLoss, takeProfit, trailingStop } from './risk/exit-rules';
import { stopPrice } from './risk/stop-price';
import { maxPosition, maxOpenPositions, cooldown, maxDailyLoss } from './risk/order-guards';
import { aiDecision } from './ai/ai-decision';
import { aiDebate } from './ai/ai-debate';

/**
 * Every node the product knows, listed explicitly: the palette, the compiler and the
 * conformance suite all read this list. Adding a node = one file + one line here.
 */
export const NODE_LIST: readonly TAnyNodeDefinition[] = [
  // data
  barField, constant, barIndex, position,
  // math
  add, subtract, multiply, divide, min, max, abs, highest, lowest, change, percentChange,
  // logic
  greaterThan, lessThan, greaterOrEqual, lessOrEqual, equal, and, or, not, crossesAbove, crossesBelow,
  rising, falling, barsSince, latch,
  // indicators
  sma, ema,
  wma, dema, tema, kama, macd, bbands, stddev, rsi, stochRsi, stoch, willr, trange, atr, natr, adx, plusDi, minusDi,
  cci, obv, mfi, vwap, roc, aroon, ultosc, sar, donchian, cnSma, kdj, ref, count, every, exist,
  ...CANDLE_PATTERN_NODES,
  // orders
  buy, sell, closePosition, targetPercent, targetShares,
  // risk
  stopLoss, takeProfit, trailingStop, stopPrice, maxPosition, maxOpenPositions, cooldown, maxDailyLoss,
  // ai
  aiDecision, aiDebate,
] as unknown as TAnyNodeDefinition[];

export const NODE_REGISTRY: ReadonlyMap<string, TAnyNodeDefinition> = new Map(NODE_LIST.map((d) => [d.type, d]));

export function getNodeDefinition(type: string): TAnyNodeDefinition | undefined {
  return NODE_REGISTRY.get(type);
}
