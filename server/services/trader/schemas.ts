// Inputs and DTOs of the trader API. Messages are error codes the UI translates.
import { z } from 'zod';
import { TRADER_TIMEFRAMES } from '@/server/trading/scheduler/bar-schedule';
import type { TTraderStatus } from '@/server/trading/types';

const ZId = z.string({ error: 'invalid_input' }).min(1, 'invalid_input').max(64, 'invalid_input');
const ZLimit = (max: number) => z.number({ error: 'invalid_input' }).positive('invalid_input').max(max, 'invalid_input').nullable();

export const ZRiskLimitsSchema = z.object({
  maxOrderValue: ZLimit(1e12),
  maxPositionPct: ZLimit(100),
  maxDailyLossPct: ZLimit(100),
  maxOrdersPerDay: z.number({ error: 'invalid_input' }).int('invalid_input').positive('invalid_input').max(10_000, 'invalid_input').nullable(),
});

export const ZCreateTraderSchema = z.object({
  name: z.string({ error: 'name_required' }).trim().min(1, 'name_required').max(80, 'name_too_long'),
  strategyId: ZId,
  /** a saved version number; the latest when absent */
  version: z.number({ error: 'invalid_input' }).int('invalid_input').min(1, 'invalid_input').optional(),
  symbols: z.array(z.string({ error: 'symbol_invalid' }).trim().min(1, 'symbol_invalid').max(32, 'symbol_invalid'), { error: 'symbols_required' }).min(1, 'symbols_required').max(20, 'too_many_symbols'),
  timeframe: z.enum(TRADER_TIMEFRAMES, { error: 'timeframe_invalid' }),
  broker: z.enum(['paper', 'futu'], { error: 'invalid_input' }).default('paper'),
  brokerAccountId: ZId.nullable().default(null),
  initialCash: z.number({ error: 'initial_cash_invalid' }).positive('initial_cash_invalid').max(1e12, 'initial_cash_invalid'),
  risk: ZRiskLimitsSchema,
  dataSource: z.enum(['market-data', 'replay'], { error: 'invalid_input' }).default('market-data'),
  /** replay: first bar to trade, 'YYYY-MM-DD' (exchange-local) */
  replayFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date_invalid').nullable().default(null),
  replaySpeedMs: z.number({ error: 'invalid_input' }).int('invalid_input').min(0, 'invalid_input').max(60_000, 'invalid_input').nullable().default(null),
});
export type TCreateTrader = z.input<typeof ZCreateTraderSchema>;

export const ZTraderRefSchema = z.object({ id: ZId });
export const ZStopTraderSchema = z.object({ id: ZId, cancelOrders: z.boolean().default(false) });
export const ZUpdateRiskSchema = z.object({ id: ZId, risk: ZRiskLimitsSchema });

export const ZCreateBrokerAccountSchema = z.object({
  name: z.string({ error: 'name_required' }).trim().min(1, 'name_required').max(80, 'name_too_long'),
  host: z.string().trim().min(1, 'url_invalid').max(253, 'url_invalid').default('127.0.0.1'),
  port: z.number().int('invalid_input').min(1, 'invalid_input').max(65535, 'invalid_input').default(33333),
  useSsl: z.boolean().default(false),
  env: z.enum(['simulate', 'real'], { error: 'invalid_input' }).default('simulate'),
  accId: z.string().trim().max(32, 'invalid_input').nullable().default(null),
  websocketKey: z.string({ error: 'invalid_input' }).min(1, 'invalid_input').max(200, 'invalid_input'),
  unlockPassword: z.string().max(200, 'invalid_input').nullable().default(null),
});
export type TCreateBrokerAccount = z.input<typeof ZCreateBrokerAccountSchema>;

export interface TTraderSummary {
  id: string;
  name: string;
  strategyId: string;
  strategyVersion: number;
  market: string;
  symbols: string[];
  timeframe: string;
  brokerKind: string;
  dataSource: string;
  status: TTraderStatus;
  statusReason: string;
  initialCash: number;
  equity: number | null;
  pnl: number | null;
  pnlPct: number | null;
  /** exchange-local ms of the last bar processed */
  lastBarTime: number | null;
  /** the last equity points, oldest first, for a sparkline */
  sparkline: number[];
  createdAt: string;
}

export interface TTraderDetail extends TTraderSummary {
  risk: z.infer<typeof ZRiskLimitsSchema>;
  brokerAccountId: string | null;
  activeFrom: number | null;
  cash: number | null;
  positions: Array<{ symbol: string; qty: number; avgPrice: number; sellable: number; lastPrice: number; value: number; pnl: number }>;
  orders: Array<{ clientOrderId: string; symbol: string; side: string; type: string; qty: number; limitPrice: number | null; barTime: number; stage: string; status: string; statusReason: string; filledQty: number; avgFillPrice: number | null; reason: string; nodeId: string }>;
  fills: Array<{ fillKey: string; clientOrderId: string; time: number; symbol: string; side: string; qty: number; price: number; fee: number }>;
  equityCurve: Array<{ time: number; equity: number }>;
  decisions: Array<{ nodeId: string; symbol: string; barTime: number; action: string; confidence: number; reasoning: string; error: string | null }>;
  logs: Array<{ level: string; code: string; message: string; barTime: number | null; at: string }>;
}

export interface TBrokerAccountDto {
  id: string;
  kind: string;
  name: string;
  host: string;
  port: number;
  useSsl: boolean;
  env: string;
  accId: string | null;
  /** whether a trade password is stored (never the password) */
  hasUnlockPassword: boolean;
  createdAt: string;
}

/** `traderId` narrows the stream to one trader (its page); absent = all the owner's traders (the list). */
export const ZTraderEventsSchema = z.object({ traderId: ZId.nullish(), lastEventId: z.string().max(40).nullish() });

/**
 * What changed in a trader, as news for the pages (they read the rows again; nothing here is the
 * record). 'resync' means events were missed (a gap longer than the buffer, another process):
 * reload everything.
 */
export type TTraderEvent =
  | { type: 'bar'; traderId: string; barTime: number; equity: number | null }
  | { type: 'order'; traderId: string; clientOrderId: string | null; status: string | null }
  | { type: 'fill'; traderId: string; symbol: string; side: string; qty: number; price: number; time: number }
  | { type: 'decision'; traderId: string; symbol: string; barTime: number; action: string }
  | { type: 'log'; traderId: string; level: string; code: string }
  | { type: 'status'; traderId: string; status: TTraderStatus; reason: string }
  | { type: 'resync' };

/** One message of the stream: the events since the previous one (a fast replay sends them in batches). */
export interface TTraderEventBatch {
  events: TTraderEvent[];
}
