/**
 * One trader run: compile the pinned graph, build paper or live ports (server/engine/modes.ts),
 * wrap the broker in the trader's decorators, and run the one kernel on a live feed until
 * stopped. Catch-up at start replays the journal (see TraderBroker), so a restart after a crash
 * — even kill -9 in the middle of a bar — rebuilds the same state and never sends an order twice.
 */
import type { TLlmPort } from '@/nodes/sdk';
import { compileGraph, type TCompileError } from '@/server/engine/compile';
import { runKernel, type TKernelResult } from '@/server/engine/kernel/run-kernel';
import { livePorts, paperPorts } from '@/server/engine/modes';
import { getMarketRules } from '@/server/markets';
import { costsFor, DAY_MS, type TCostConfig } from '@/server/markets/types';
import type { TExternalBroker } from './brokers/external-broker';
import type { TBarSource } from './feeds/bar-source';
import { liveFeed, type TFeedEvent } from './feeds/live-feed';
import { JournalLlmPort } from './journal-llm-port';
import { RiskGuardBroker } from './risk-guard-broker';
import { barSlotsOn, lastClosedBarSlot, nextBarSlot, TIMEFRAME_MS, type TBarSlot, type TTraderTimeframe } from './scheduler/bar-schedule';
import { marketHours, type TMarketHours } from './scheduler/market-hours';
import type { TTimer } from './scheduler/timer';
import { toLocalTime } from './scheduler/zoned-time';
import { TraderBroker } from './trader-broker';
import { TraderRecorder } from './trader-recorder';
import type { TTraderSpec, TTraderStore } from './types';

export interface TTraderDeps {
  store: TTraderStore;
  source: TBarSource;
  timer: TTimer;
  llm?: TLlmPort | null;
  /** a live broker; paper (the simulated broker with the market rules) when absent */
  broker?: TExternalBroker | null;
  signal?: AbortSignal;
  delayMs?: number;
  /** end after the bar closing at or after this local time (replays, tests) */
  until?: number;
  /** the first active bar was chosen (first start): persist it */
  onActiveFrom?(time: number): Promise<void>;
  /** the runtime's handles, for pause/resume while it runs */
  onReady?(handle: TTraderHandle): void;
}

export interface TTraderHandle {
  pause(): void;
  resume(): void;
}

export class TraderStartError extends Error {
  constructor(
    readonly code: 'compile_failed' | 'no_market_rules' | 'broker_unavailable',
    message: string,
    readonly errors: TCompileError[] = [],
  ) {
    super(message);
  }
}

export async function runTrader(spec: TTraderSpec, deps: TTraderDeps): Promise<TKernelResult> {
  const compiled = compileGraph(spec.graph, spec.overrides);
  if (!compiled.ok) throw new TraderStartError('compile_failed', compiled.errors.map((e) => `${e.nodeId ?? 'graph'}: ${e.message}`).join('; '), compiled.errors);
  const plan = compiled.plan;
  const rules = getMarketRules(spec.market);
  if (!rules) throw new TraderStartError('no_market_rules', `market "${spec.market}" has no rules`);
  const hours = marketHours(spec.market);
  const instruments = spec.symbols.map((s) => rules.inferInstrument(s));
  const costs: TCostConfig[] = spec.symbols.map(() => costsFor(rules, spec.costs));
  const stamp = spec.barStamp ?? 'open';

  const journal = await deps.store.loadJournal(spec.id);
  let activeFrom = spec.activeFrom;
  if (activeFrom === null) {
    activeFrom = slotStamp(nextBarSlot(hours, spec.timeframe, toLocalTime(hours.timezone, deps.timer.now())), spec.timeframe, stamp);
    await deps.onActiveFrom?.(activeFrom);
  }
  // A bar that closed less than one bar ago may still be decided (a quick restart after a crash
  // mid-bar); anything older that the journal does not know only warms the trader up.
  const nowLocal = toLocalTime(hours.timezone, deps.timer.now() - (deps.delayMs ?? 5_000));
  const lastSlot = lastClosedBarSlot(hours, spec.timeframe, nowLocal);
  const recent = lastSlot !== null && nowLocal - lastSlot.close < TIMEFRAME_MS[spec.timeframe];
  const liveFrom = Math.max(activeFrom, slotStamp(recent ? lastSlot : nextBarSlot(hours, spec.timeframe, nowLocal), spec.timeframe, stamp));
  // Warm-up history before the first active bar, and everything since (replayed from the journal).
  const from = Math.min(activeFrom, warmupStart(hours, spec.timeframe, activeFrom, plan.warmup + 1, stamp));

  const external = deps.broker ?? null;
  const recorder = new TraderRecorder(spec.id, deps.store, journal, external === null);
  const symbols = instruments.map((i) => i.symbol);
  const llm = new JournalLlmPort(deps.llm ?? null, journal, recorder, liveFrom);
  const market = { rules: instruments.map(() => rules), instruments, costs, fillTiming: spec.fillTiming ?? 'next-open' };

  let trader: TraderBroker | null = null;
  let caughtUp = false;
  const onFeedEvent = (e: TFeedEvent) => {
    if (e.kind === 'fetch-failed') recorder.log('warn', 'fetch_failed', `${e.symbol}: ${e.error}`);
    else if (e.kind === 'late-bar') recorder.log('warn', 'late_bar', `${e.symbol}: a bar at ${new Date(e.time).toISOString()} arrived after later bars and was skipped`, e.time);
  };
  const feed = liveFeed({
    symbols,
    timeframe: spec.timeframe,
    hours,
    source: deps.source,
    timer: deps.timer,
    from,
    stamp,
    delayMs: deps.delayMs,
    signal: deps.signal,
    until: deps.until,
    onEvent: onFeedEvent,
    afterChunk: async () => {
      if (caughtUp) await external?.sync();
      const t = trader!.lastBarTime;
      if (t !== null && t >= activeFrom!) {
        recorder.snapshot(t, trader!.portfolio);
        recorder.markProcessed(t, trader!.portfolio);
      }
      await recorder.flush();
    },
    onCaughtUp: async () => {
      if (external) {
        const report = await external.reconcile();
        for (const d of report.differences) recorder.log('warn', 'reconcile_difference', d);
        for (const id of report.missingOrders) recorder.updateOrder(id, { status: 'rejected', statusReason: 'the broker never received this order (lost before a restart); not resent' });
        for (const o of report.closedOrders) recorder.log('info', 'reconcile_order', `${o.clientOrderId}: ${o.status} at the broker`);
        recorder.log('info', 'reconciled', `positions and open orders reconciled with ${external.kind}: ${report.positions.length} positions, cash ${report.cash.toFixed(2)}`);
      }
      caughtUp = true;
      recorder.log('info', 'caught_up', trader!.lastBarTime === null ? 'waiting for the first bar' : `caught up to ${new Date(trader!.lastBarTime).toISOString().slice(0, 16)}`, trader!.lastBarTime);
      await recorder.flush();
    },
  });

  const ports = external
    ? livePorts({ feed, broker: external, sink: recorder, llm, signal: deps.signal })
    : paperPorts({ feed, market, sink: recorder, llm, signal: deps.signal, traderId: spec.id });
  const risk = new RiskGuardBroker(ports.broker, spec.risk, symbols, {
    onHalt: (day, lossPct) => recorder.log('warn', 'daily_loss_halt', `daily loss ${lossPct.toFixed(2)}% reached the limit: no new entries on ${new Date(day * DAY_MS).toISOString().slice(0, 10)}`, day * DAY_MS),
  });
  trader = new TraderBroker(risk, { traderId: spec.id, symbols, activeFrom, liveFrom, journal, recorder });
  ports.broker = trader;
  deps.onReady?.({
    pause: () => {
      trader!.paused = true;
    },
    resume: () => {
      trader!.paused = false;
    },
  });

  if (external) {
    external.onOrderUpdate = (id, patch) => recorder.updateOrder(id, patch);
    external.prepare([...journal.orders.values()].filter((o) => o.stage === 'broker'));
    await external.connect();
  }
  recorder.log('info', 'started', `${external ? external.kind : 'paper'} trader on ${symbols.join(', ')} (${spec.timeframe}); first active bar ${new Date(activeFrom).toISOString().slice(0, 16)}`);
  try {
    const result = await runKernel(plan, ports, { initialCash: spec.initialCash });
    await recorder.flush();
    return result;
  } finally {
    await external?.close().catch(() => undefined);
  }
}

/** The time the source stamps a bar slot with. */
export function slotStamp(slot: TBarSlot, timeframe: TTraderTimeframe, stamp: 'open' | 'close'): number {
  if (timeframe === '1d') return Math.floor(slot.open / DAY_MS) * DAY_MS;
  return stamp === 'open' ? slot.open : slot.close;
}

/** The stamp of the bar `n` bars before `time` in the market's calendar (a little more, to cover suspensions). */
function warmupStart(hours: TMarketHours, timeframe: TTraderTimeframe, time: number, n: number, stamp: 'open' | 'close'): number {
  let need = Math.ceil(n * 1.1) + 2;
  let day = Math.floor(time / DAY_MS) * DAY_MS;
  for (let k = 0; k < 20_000; k++, day -= DAY_MS) {
    const slots = barSlotsOn(hours, timeframe, day);
    for (let j = slots.length - 1; j >= 0; j--) {
      if (slotStamp(slots[j], timeframe, stamp) >= time) continue;
      if (--need <= 0) return slotStamp(slots[j], timeframe, stamp);
    }
  }
  return day;
}
