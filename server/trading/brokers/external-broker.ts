/**
 * What a real broker adds to the kernel's broker port: the outside world is asynchronous, the
 * kernel is not. Orders the kernel submits are queued and sent by `sync()`, which the trader
 * awaits after every bar; fills the broker reports are applied at the next bar's open.
 */
import type { TBrokerPort } from '@/server/engine/kernel/types';
import type { TOrderRecord } from '../types';

export interface TReconcileReport {
  /** broker positions for the trader's symbols, now the portfolio's */
  positions: Array<{ symbol: string; qty: number; avgPrice: number }>;
  cash: number;
  /** our client order ids the broker knows (never to be sent again) */
  knownOrderIds: string[];
  /** orders the journal thought open that the broker reports finished, and how */
  closedOrders: Array<{ clientOrderId: string; status: string }>;
  /** journal orders the broker has never heard of (sent before a crash that the broker did not receive) */
  missingOrders: string[];
  /** differences between the last saved positions and the broker's, as text for the log */
  differences: string[];
}

export interface TExternalBroker extends TBrokerPort {
  readonly kind: string;
  /** status changes and broker order ids for the trader's journal (set by the runtime) */
  onOrderUpdate: ((clientOrderId: string, patch: Partial<TOrderRecord>) => void) | null;
  /** before the run: orders the journal says were sent (their ids are never sent again) */
  prepare(journalOrders: readonly TOrderRecord[]): void;
  /** connect (and unlock); throws with a reason the trader shows */
  connect(): Promise<void>;
  /** sends queued orders, polls order status and fills */
  sync(): Promise<void>;
  /** after catching up: positions, cash and open orders from the broker become the truth */
  reconcile(): Promise<TReconcileReport>;
  /** the kill switch: cancel every open order of this trader */
  cancelAll(): Promise<number>;
  close(): Promise<void>;
}
