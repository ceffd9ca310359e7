/**
 * The trader's outermost broker decorator. It decides what reaches the broker:
 *  - catching up (bars fetched at start: warm-up, bars missed while stopped, bars replayed after
 *    a crash): only orders the journal says reached the broker before, so the simulated broker
 *    rebuilds the same portfolio and a real broker is asked for nothing new;
 *  - live: nothing before the trader's first active bar, nothing while paused, then the risk
 *    limits; what passes is written to the journal before the broker sees it.
 * Client order ids are `${traderId}:${symbol}:${barTime}:${nodeId}`, the simulated broker's own.
 */
import type { TOrderIntent } from '@/nodes/sdk';
import type { Portfolio } from '@/server/engine/kernel/portfolio';
import type { TBarAccess, TBrokerPort, TKernelSink } from '@/server/engine/kernel/types';
import type { RiskGuardBroker } from './risk-guard-broker';
import type { TraderRecorder } from './trader-recorder';
import { clientOrderIdOf, type TOrderRecord, type TTraderJournal } from './types';

export class TraderBroker implements TBrokerPort {
  phase: 'catch-up' | 'live' = 'catch-up';
  paused = false;
  portfolio!: Portfolio;
  private market!: TBarAccess;
  /** latest bar time the kernel finished (any symbol) */
  lastBarTime: number | null = null;

  constructor(
    private readonly risk: RiskGuardBroker,
    private readonly options: {
      traderId: string;
      /** instrument symbols, as the simulated broker spells them in order ids */
      symbols: readonly string[];
      activeFrom: number;
      journal: TTraderJournal;
      recorder: TraderRecorder;
    },
  ) {}

  attach(args: { portfolio: Portfolio; market: TBarAccess; sink: TKernelSink }): void {
    this.portfolio = args.portfolio;
    this.market = args.market;
    this.risk.attach(args);
  }

  onBarOpen(symbol: number, i: number): void {
    this.risk.onBarOpen(symbol, i);
  }

  onBarClose(symbol: number, i: number): void {
    this.risk.onBarClose(symbol, i);
    const t = this.market.bars(symbol).time[i];
    if (this.lastBarTime === null || t > this.lastBarTime) this.lastBarTime = t;
  }

  submit(symbol: number, i: number, intent: TOrderIntent): void {
    const { traderId, symbols, journal, recorder, activeFrom } = this.options;
    const barTime = this.market.bars(symbol).time[i];
    const id = clientOrderIdOf(traderId, symbols[symbol], barTime, intent.nodeId);
    if (this.phase === 'catch-up') {
      const before = journal.orders.get(id);
      if (before?.stage === 'broker') {
        recorder.track(before);
        this.risk.admit(symbol, i, intent);
      }
      return;
    }
    if (barTime < activeFrom) return;
    if (recorder.orders.get(id)?.stage === 'broker') return; // never send an id twice
    const order: TOrderRecord = {
      clientOrderId: id,
      symbol: symbols[symbol],
      side: intent.side,
      type: intent.type,
      qty: intent.qty,
      limitPrice: intent.type === 'limit' ? intent.limitPrice : null,
      nodeId: intent.nodeId,
      reason: intent.reason,
      barTime,
      stage: 'broker',
      status: 'submitted',
      statusReason: '',
      filledQty: 0,
      avgFillPrice: null,
      brokerOrderId: null,
    };
    const held = this.paused ? 'paused: no new orders' : this.risk.check(symbol, i, intent);
    if (held) {
      recorder.saveOrder({ ...order, stage: 'guard', status: 'rejected', statusReason: held });
      recorder.log('warn', this.paused ? 'order_held_paused' : 'risk_rejected', `${intent.side} ${intent.qty} ${symbols[symbol]}: ${held}`, barTime);
      return;
    }
    recorder.track(order);
    this.risk.admit(symbol, i, intent);
  }
}
