/**
 * A trader store in memory: the same contract as the database store (idempotent writes keyed
 * like the unique indexes), for tests and one-off runs. `failAfterWrites` makes it stop
 * accepting writes after N, which is how tests cut a trader off in the middle of a bar.
 */
import type { TDecisionRecord, TEquityRecord, TFillRecord, TLogRecord, TOrderRecord, TPositionRecord, TTraderJournal, TTraderStore } from './types';
import { decisionKey } from './types';

export class MemoryTraderStore implements TTraderStore {
  readonly orders = new Map<string, TOrderRecord>();
  readonly fills = new Map<string, TFillRecord>();
  readonly equity = new Map<number, TEquityRecord>();
  positions: TPositionRecord[] = [];
  readonly decisions = new Map<string, TDecisionRecord>();
  readonly logs: TLogRecord[] = [];
  lastBarTime: number | null = null;
  /** fills written again under a known key with different content: a real double execution */
  readonly conflicts: TFillRecord[] = [];
  writes = 0;
  failAfterWrites = Infinity;

  async loadJournal(): Promise<TTraderJournal> {
    return {
      orders: new Map(this.orders),
      decisions: new Map(this.decisions),
      fillKeys: new Set(this.fills.keys()),
      lastBarTime: this.lastBarTime,
    };
  }

  private count(): void {
    if (++this.writes > this.failAfterWrites) throw new Error('store unavailable (simulated crash)');
  }

  async saveOrder(_: string, order: TOrderRecord): Promise<void> {
    this.count();
    this.orders.set(order.clientOrderId, { ...order });
  }

  async saveFill(_: string, fill: TFillRecord): Promise<void> {
    this.count();
    const before = this.fills.get(fill.fillKey);
    if (!before) this.fills.set(fill.fillKey, { ...fill });
    else if (JSON.stringify(before) !== JSON.stringify(fill)) this.conflicts.push({ ...fill });
  }

  async saveEquity(_: string, point: TEquityRecord): Promise<void> {
    this.count();
    this.equity.set(point.time, { ...point });
  }

  async savePositions(_: string, positions: TPositionRecord[]): Promise<void> {
    this.count();
    this.positions = positions.map((p) => ({ ...p }));
  }

  async saveDecision(_: string, decision: TDecisionRecord): Promise<void> {
    this.count();
    const key = decisionKey(decision.nodeId, decision.symbol, decision.barTime);
    if (!this.decisions.has(key)) this.decisions.set(key, { ...decision });
  }

  async appendLog(_: string, log: TLogRecord): Promise<void> {
    this.count();
    this.logs.push({ ...log });
  }

  async markProcessed(_: string, barTime: number): Promise<void> {
    this.count();
    this.lastBarTime = barTime;
  }
}
