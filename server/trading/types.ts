/**
 * A trader: a pinned strategy version run on a universe of symbols against a broker account, on
 * the market's clock. These are the runtime's types; the database rows live in prisma/schema.prisma
 * and the services (server/services/trader) translate between the two.
 */
import type { TAction, TSide } from '@/nodes/sdk';
import type { TFillTiming } from '@/server/engine/kernel/sim-broker';
import type { TCostConfig, TMarketId } from '@/server/markets/types';
import type { TTraderTimeframe } from './scheduler/bar-schedule';

export type TTraderStatus = 'stopped' | 'running' | 'paused' | 'error';

export interface TRiskLimits {
  /** largest value of one entry order, in the account currency; null = no limit */
  maxOrderValue: number | null;
  /** largest position of one symbol after an entry, as % of equity (0–100) */
  maxPositionPct: number | null;
  /** loss since the day's start, as % of the day-start equity, that stops new entries for the day */
  maxDailyLossPct: number | null;
  /** entry orders per trading day */
  maxOrdersPerDay: number | null;
}

export const NO_RISK_LIMITS: TRiskLimits = { maxOrderValue: null, maxPositionPct: null, maxDailyLossPct: null, maxOrdersPerDay: null };

export interface TTraderSpec {
  id: string;
  /** the pinned strategy version's graph (never the strategy's working copy) */
  graph: unknown;
  overrides?: Record<string, Record<string, unknown>>;
  market: TMarketId;
  symbols: string[];
  timeframe: TTraderTimeframe;
  initialCash: number;
  risk: TRiskLimits;
  costs?: Partial<TCostConfig>;
  fillTiming?: TFillTiming;
  /** how the bar source stamps intraday bars */
  barStamp?: 'open' | 'close';
  /** first bar time (local ms) the trader may trade on; earlier bars only warm it up. Set at first start. */
  activeFrom: number | null;
}

/** Where an order stopped: 'guard' = held back by the trader (risk limit, pause) and never sent; 'broker' = reached the broker. */
export type TOrderStage = 'guard' | 'broker';
export type TOrderStatus = 'submitted' | 'partially-filled' | 'filled' | 'rejected' | 'expired' | 'cancelled';

export interface TOrderRecord {
  /** `${traderId}:${symbol}:${barTime}:${nodeId}` — the same id the simulated broker gives its fills */
  clientOrderId: string;
  symbol: string;
  side: TSide;
  type: 'market' | 'limit';
  qty: number;
  limitPrice: number | null;
  nodeId: string;
  reason: string;
  /** the bar the order was decided on (local ms) */
  barTime: number;
  stage: TOrderStage;
  status: TOrderStatus;
  statusReason: string;
  filledQty: number;
  avgFillPrice: number | null;
  brokerOrderId: string | null;
}

export interface TFillRecord {
  /** unique per fill: the client order id for simulated fills, the broker's fill id for real ones */
  fillKey: string;
  clientOrderId: string;
  time: number;
  symbol: string;
  side: TSide;
  qty: number;
  price: number;
  fee: number;
  feeParts: Record<string, number>;
}

export interface TEquityRecord {
  time: number;
  equity: number;
  cash: number;
}

export interface TPositionRecord {
  symbol: string;
  qty: number;
  avgPrice: number;
  sellable: number;
  lastPrice: number;
}

export interface TDecisionRecord {
  nodeId: string;
  symbol: string;
  barTime: number;
  action: TAction;
  confidence: number;
  reasoning: string;
  error: string | null;
  ref: string | null;
}

export type TLogLevel = 'info' | 'warn' | 'error';

export interface TLogRecord {
  level: TLogLevel;
  /** stable code the UI translates: 'started', 'risk_rejected', 'fetch_failed', … */
  code: string;
  message: string;
  barTime: number | null;
}

/** What a trader has written before, read back at start. */
export interface TTraderJournal {
  orders: Map<string, TOrderRecord>;
  /** key `${nodeId}|${symbol}|${barTime}` */
  decisions: Map<string, TDecisionRecord>;
  fillKeys: Set<string>;
  /** the last bar whose writes all landed; null before the first */
  lastBarTime: number | null;
}

/**
 * The trader's persistence, as the runtime needs it. Every write is idempotent (keyed by client
 * order id, fill key, bar time…), so replaying bars after a crash rewrites the same rows.
 */
export interface TTraderStore {
  loadJournal(traderId: string): Promise<TTraderJournal>;
  saveOrder(traderId: string, order: TOrderRecord): Promise<void>;
  saveFill(traderId: string, fill: TFillRecord): Promise<void>;
  saveEquity(traderId: string, point: TEquityRecord): Promise<void>;
  savePositions(traderId: string, positions: TPositionRecord[]): Promise<void>;
  saveDecision(traderId: string, decision: TDecisionRecord): Promise<void>;
  appendLog(traderId: string, log: TLogRecord): Promise<void>;
  /** all writes of bars up to `barTime` have landed */
  markProcessed(traderId: string, barTime: number, equity: number, cash: number): Promise<void>;
}

export const decisionKey = (nodeId: string, symbol: string, barTime: number) => `${nodeId}|${symbol}|${barTime}`;
export const clientOrderIdOf = (traderId: string, symbol: string, barTime: number, nodeId: string) => `${traderId}:${symbol}:${barTime}:${nodeId}`;
