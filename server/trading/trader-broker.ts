/**
 * The trader's outermost broker decorator. It decides what reaches the broker:
 *  - an order the journal says reached the broker before (bars replayed after a restart, even
 *    one cut off mid-bar): passed on again, so the simulated broker rebuilds the same portfolio;
 *    a real broker knows the id and sends nothing (see TExternalBroker.prepare);
 *  - any other order on a bar already processed, a warm-up bar or a bar missed while the trader
 *    was stopped (before `liveFrom`): dropped;
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
      /** first bar that may be decided anew: the bar that just closed on a quick restart, else the next one */
      liveFrom: number;
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
    const { traderId, symbols, journal, recorder, activeFrom, liveFrom } = this.options;
    const barTime = this.market.bars(symbol).time[i];
    const id = clientOrderIdOf(traderId, symbols[symbol], barTime, intent.nodeId);
    const before = journal.orders.get(id);
    if (before?.stage === 'broker') {
      recorder.track(before);
      this.risk.admit(symbol, i, intent);
      return;
    }
    if (before || barTime < activeFrom || barTime < liveFrom) return;
    if (journal.lastBarTime !== null && barTime <= journal.lastBarTime) return;
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
