/**
 * The live broker for Futu OpenD (HK stocks, US stocks, A-shares through Stock Connect), behind
 * the kernel's broker port. Connects with the OpenD WebSocket key, unlocks trading (real
 * environment; the simulate environment needs no unlock), picks the account for the market,
 * places and cancels orders, and polls orders, fills and positions.
 *
 * Restart safety: every order carries a remark derived from its deterministic client order id
 * (`nofx:` + 27 characters of its SHA-256: Futu allows 64 bytes, ids can be longer). Ids the
 * journal knows, or that the broker reports in today's orders, are never sent again.
 *
 * Fills: the real environment reports them (GetOrderFillList); the simulate environment does not
 * (Futu documents no fill list for paper accounts), so there a fill is the growth of an order's
 * filled quantity, at its average fill price. Fees are the market rules' estimate; Futu's own
 * fee detail (Trd_GetOrderFee) is not read yet.
 */
import { createHash } from 'node:crypto';
import type { TOrderIntent } from '@/nodes/sdk';
import type { Portfolio } from '@/server/engine/kernel/portfolio';
import type { TBarAccess, TKernelSink } from '@/server/engine/kernel/types';
import { costsFor, type TCostConfig, type TInstrument, type TMarketId, type TMarketRules } from '@/server/markets/types';
import { clientOrderIdOf, type TOrderRecord } from '../../types';
import type { TExternalBroker, TReconcileReport } from '../external-broker';
import {
  futuCode,
  futuSide,
  futuTrdMarket,
  MODIFY_ORDER_OP,
  ORDER_TYPE,
  orderStatusFromFutu,
  SECURITY_FIRM_FUTU_HK,
  sideFromFutu,
  symbolFromFutu,
  TIME_IN_FORCE_DAY,
  TRD_ENV,
  type TFutuEnv,
} from './futu-enums';
import { callFutu, type TFutuReply, type TFutuTradeSdk } from './futu-trade-sdk';

export interface TFutuBrokerConfig {
  host: string;
  port: number;
  ssl: boolean;
  websocketKey: string;
  env: TFutuEnv;
  /** trade password (real environment only); decrypted just before use, never logged */
  unlockPassword: string | null;
  /** a specific account; the first one allowed to trade the market otherwise */
  accId: string | null;
  loginTimeoutMs?: number;
}

export class FutuBrokerError extends Error {
  constructor(
    readonly code: 'unreachable' | 'login_failed' | 'unlock_failed' | 'no_account' | 'request_failed',
    message: string,
  ) {
    super(message);
  }
}

interface TFutuOrder {
  orderID: string;
  orderStatus: number;
  trdSide: number;
  code: string;
  secMarket?: number;
  qty: number;
  fillQty?: number;
  fillAvgPrice?: number;
  remark?: string;
  lastErrMsg?: string;
}
interface TFutuFill {
  fillID: string;
  orderID?: string;
  trdSide: number;
  code: string;
  secMarket?: number;
  qty: number;
  price: number;
  status?: number;
}
interface TFutuPosition {
  code: string;
  secMarket?: number;
  qty: number;
  canSellQty: number;
  price: number;
  costPrice?: number;
  averageCostPrice?: number;
  dilutedCostPrice?: number;
}

interface TOutgoing {
  id: string;
  symbol: number;
  intent: TOrderIntent;
  qty: number;
  refPrice: number;
}

interface TPendingFill {
  fillId: string;
  id: string;
  side: 'buy' | 'sell';
  qty: number;
  price: number;
}

export const remarkOf = (clientOrderId: string) => 'nofx:' + createHash('sha256').update(clientOrderId).digest('base64url').slice(0, 27);

export class FutuBroker implements TExternalBroker {
  readonly kind = 'futu';
  private sdk: TFutuTradeSdk | null = null;
  private header: { trdEnv: number; accID: string; trdMarket: number } | null = null;
  private serial = 0;
  private portfolio!: Portfolio;
  private market!: TBarAccess;
  private sink!: TKernelSink;
  private readonly trdMarket: number;
  private readonly costs: TCostConfig;
  /** client order ids never to send again */
  private readonly known = new Set<string>();
  /** remark → client order id, for everything this trader knows */
  private readonly byRemark = new Map<string, string>();
  private readonly brokerIds = new Map<string, string>(); // futu orderID → client order id
  private readonly journalOrders = new Map<string, TOrderRecord>();
  private readonly outbox: TOutgoing[] = [];
  private readonly fillsSeen = new Set<string>();
  /** simulate env: filled quantity already turned into fills, per futu orderID */
  private readonly filledSoFar = new Map<string, number>();
  private readonly pendingFills: TPendingFill[][];
  private readonly finished = new Set<string>();
  private live = false;
  /** order status changes for the trader's journal (set by the runtime) */
  onOrderUpdate: ((clientOrderId: string, patch: Partial<TOrderRecord>) => void) | null = null;

  constructor(
    private readonly config: TFutuBrokerConfig,
    private readonly universe: { traderId: string; market: TMarketId; rules: TMarketRules; instruments: readonly TInstrument[] },
    private readonly createSdk: () => Promise<TFutuTradeSdk> | TFutuTradeSdk,
  ) {
    this.trdMarket = futuTrdMarket(universe.market);
    this.costs = costsFor(universe.rules);
    this.pendingFills = universe.instruments.map(() => []);
  }

  prepare(journalOrders: readonly TOrderRecord[]): void {
    for (const o of journalOrders) {
      this.remember(o.clientOrderId);
      this.journalOrders.set(o.clientOrderId, o);
      if (o.brokerOrderId) this.brokerIds.set(o.brokerOrderId, o.clientOrderId);
    }
  }

  async connect(): Promise<void> {
    const { config } = this;
    const sdk = await this.createSdk();
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new FutuBrokerError('unreachable', `no answer from OpenD at ${config.host}:${config.port} (is it running, is the WebSocket key right?)`)), config.loginTimeoutMs ?? 15_000);
      sdk.onlogin = (ok, msg) => {
        clearTimeout(timer);
        if (ok) resolve();
        else reject(new FutuBrokerError('login_failed', `OpenD refused the connection: ${String(msg ?? '')}`));
      };
      sdk.start(config.host, config.port, config.ssl, config.websocketKey);
    }).catch((err) => {
      sdk.stop();
      throw err;
    });
    this.sdk = sdk;
    if (config.env === 'real') {
      if (!config.unlockPassword) throw new FutuBrokerError('unlock_failed', 'the real environment needs the trade password to unlock trading');
      const pwdMD5 = createHash('md5').update(config.unlockPassword).digest('hex');
      const unlock = await callFutu(sdk.UnlockTrade({ c2s: { unlock: true, pwdMD5, securityFirm: SECURITY_FIRM_FUTU_HK } }));
      if (unlock.retType !== 0) throw new FutuBrokerError('unlock_failed', `unlocking trade failed: ${unlock.retMsg ?? unlock.retType}`);
    }
    const accounts = await this.request<{ accList?: Array<{ trdEnv: number; accID: string; trdMarketAuthList?: number[] }> }>('GetAccList', { userID: 0, trdCategory: 1 }, false);
    const env = TRD_ENV[config.env];
    const account = (accounts.accList ?? []).find((a) => a.trdEnv === env && (a.trdMarketAuthList ?? []).includes(this.trdMarket) && (config.accId === null || String(a.accID) === config.accId));
    if (!account) throw new FutuBrokerError('no_account', `no ${config.env} account${config.accId ? ` ${config.accId}` : ''} may trade market ${this.trdMarket}`);
    this.header = { trdEnv: env, accID: String(account.accID), trdMarket: this.trdMarket };
  }

  attach(args: { portfolio: Portfolio; market: TBarAccess; sink: TKernelSink }): void {
    this.portfolio = args.portfolio;
    this.market = args.market;
    this.sink = args.sink;
  }

  submit(symbol: number, i: number, intent: TOrderIntent): void {
    const bars = this.market.bars(symbol);
    const instrument = this.universe.instruments[symbol];
    const id = clientOrderIdOf(this.universe.traderId, instrument.symbol, bars.time[i], intent.nodeId);
    if (this.known.has(id)) return; // sent before (journal or broker): never again
    this.remember(id);
    const held = this.portfolio.positions[symbol].qty;
    const qty = this.universe.rules.roundQty({ side: intent.side, qty: intent.qty, held, instrument, time: bars.time[i] });
    if (!(qty > 0)) {
      this.onOrderUpdate?.(id, { status: 'rejected', statusReason: intent.side === 'buy' ? 'quantity rounds to zero lots' : 'nothing sellable' });
      return;
    }
    if (qty !== intent.qty) this.onOrderUpdate?.(id, { qty }); // what goes out: whole lots
    this.outbox.push({ id, symbol, intent, qty, refPrice: bars.close[i] });
  }

  onBarOpen(symbol: number, i: number): void {
    const queue = this.pendingFills[symbol];
    if (queue.length === 0) return;
    const bars = this.market.bars(symbol);
    const instrument = this.universe.instruments[symbol];
    const time = bars.time[i];
    for (const f of queue) {
      const fee = this.universe.rules.fees({ side: f.side, qty: f.qty, price: f.price, time, instrument, costs: this.costs, liquidity: 'taker' });
      const lock = f.side === 'buy' && this.universe.rules.settlementDays(instrument, time) === 1;
      const position = this.portfolio.positions[symbol];
      const qty = f.side === 'sell' ? Math.min(f.qty, position.qty) : f.qty;
      if (qty > 0) this.portfolio.applyFill(symbol, f.side, qty, f.price, fee.total, i, time, lock);
      this.sink.fill?.({ orderId: f.id, fillId: f.fillId, time, symbol: instrument.symbol, side: f.side, qty: f.qty, price: f.price, fee: fee.total, feeParts: fee.parts, reason: 'futu fill' } as never);
    }
    queue.length = 0;
  }

  onBarClose(): void {}

  async sync(): Promise<void> {
    if (!this.live) return;
    await this.sendOutbox();
    await this.pollOrdersAndFills();
  }

  async reconcile(): Promise<TReconcileReport> {
    const orders = await this.listOrders();
    const knownAtBroker: string[] = [];
    const closedOrders: TReconcileReport['closedOrders'] = [];
    const seen = new Set<string>();
    for (const o of orders) {
      const id = o.remark ? this.byRemark.get(o.remark) : undefined;
      if (!id) continue; // another program's order, or another trader's
      seen.add(id);
      knownAtBroker.push(id);
      this.brokerIds.set(String(o.orderID), id);
      const mapped = orderStatusFromFutu(o.orderStatus);
      const before = this.journalOrders.get(id);
      if (before && mapped.final && before.status !== mapped.status) closedOrders.push({ clientOrderId: id, status: mapped.label });
    }
    // Journal orders still open that the broker does not list were lost before reaching it.
    const missingOrders = [...this.journalOrders.values()].filter((o) => (o.status === 'submitted' || o.status === 'partially-filled') && !seen.has(o.clientOrderId)).map((o) => o.clientOrderId);

    const positions = await this.request<{ positionList?: TFutuPosition[] }>('GetPositionList', { header: this.header });
    const funds = await this.request<{ funds?: { cash: number } }>('GetFunds', { header: this.header });
    const cash = Number(funds.funds?.cash ?? 0);
    const ours = new Map(this.universe.instruments.map((inst, k) => [inst.symbol, k]));
    const expected = new Map<string, number>();
    for (const o of this.journalOrders.values()) expected.set(o.symbol, (expected.get(o.symbol) ?? 0) + (o.side === 'buy' ? 1 : -1) * o.filledQty);
    const report: TReconcileReport = { positions: [], cash, knownOrderIds: knownAtBroker, closedOrders, missingOrders, differences: [] };
    const brokerQty = new Map<string, number>();
    for (const p of positions.positionList ?? []) {
      const symbol = symbolFromFutu(p.code, p.secMarket, this.trdMarket);
      const k = ours.get(symbol);
      if (k === undefined || !(p.qty > 0)) continue;
      const avgPrice = Number(p.averageCostPrice ?? p.dilutedCostPrice ?? p.costPrice ?? p.price);
      brokerQty.set(symbol, p.qty);
      report.positions.push({ symbol, qty: p.qty, avgPrice });
      this.seedPosition(k, p.qty, avgPrice, p.canSellQty, p.price);
    }
    for (const symbol of new Set([...expected.keys(), ...brokerQty.keys()])) {
      const want = expected.get(symbol) ?? 0;
      const have = brokerQty.get(symbol) ?? 0;
      if (Math.abs(want - have) > 1e-9) report.differences.push(`${symbol}: the journal's fills add up to ${want}, the broker holds ${have}; the broker's position is used`);
    }
    this.portfolio.account.cash = cash;
    this.portfolio.revalue();
    for (const id of missingOrders) this.finished.add(id);
    this.live = true;
    return report;
  }

  async cancelAll(): Promise<number> {
    if (!this.sdk || !this.header) return 0;
    let cancelled = 0;
    for (const o of await this.listOrders()) {
      const id = o.remark ? this.byRemark.get(o.remark) : undefined;
      if (!id || orderStatusFromFutu(o.orderStatus).final) continue;
      const reply = await callFutu(this.sdk.ModifyOrder({ c2s: { packetID: this.packetId(), header: this.header, orderID: o.orderID, modifyOrderOp: MODIFY_ORDER_OP.cancel } }));
      if (reply.retType === 0) cancelled++;
    }
    return cancelled;
  }

  async close(): Promise<void> {
    this.sdk?.stop();
    this.sdk = null;
  }

  private remember(id: string): void {
    this.known.add(id);
    this.byRemark.set(remarkOf(id), id);
  }

  private seedPosition(k: number, qty: number, avgPrice: number, canSell: number, price: number): void {
    const p = this.portfolio.positions[k];
    if (p.qty > 0) return; // already held in the portfolio (should not happen after a live catch-up)
    const cash = this.portfolio.account.cash;
    this.portfolio.applyFill(k, 'buy', qty, avgPrice, 0, -1, NaN, false);
    this.portfolio.account.cash = cash;
    p.sellable = Math.min(canSell, qty);
    this.portfolio.mark(k, price);
  }

  private packetId() {
    return { connID: this.sdk!.getConnID(), serialNo: ++this.serial };
  }

  private async sendOutbox(): Promise<void> {
    const sdk = this.sdk;
    if (!sdk || !this.header) return;
    while (this.outbox.length > 0) {
      const o = this.outbox.shift()!;
      const instrument = this.universe.instruments[o.symbol];
      const { code, secMarket } = futuCode(instrument.symbol);
      const market = o.intent.type === 'market' && this.trdMarket !== 4;
      // Stock Connect takes no market orders: a marketable limit 1% through the last close, on the tick
      const price = o.intent.type === 'limit' ? o.intent.limitPrice : roundToTick(o.refPrice * (o.intent.side === 'buy' ? 1.01 : 0.99), instrument.tick);
      const c2s: Record<string, unknown> = {
        packetID: this.packetId(),
        header: this.header,
        trdSide: futuSide(o.intent.side),
        orderType: market ? ORDER_TYPE.market : ORDER_TYPE.normal,
        code,
        qty: o.qty,
        secMarket,
        remark: remarkOf(o.id),
        timeInForce: TIME_IN_FORCE_DAY,
      };
      if (!market) c2s.price = price;
      const reply = await callFutu<{ orderID?: string }>(sdk.PlaceOrder({ c2s }));
      if (reply.retType === 0) {
        const orderId = String(reply.s2c?.orderID ?? '');
        if (orderId) this.brokerIds.set(orderId, o.id);
        this.onOrderUpdate?.(o.id, { brokerOrderId: orderId || null });
      } else if (reply.retType === -100 || reply.retType === -200) {
        // unknown outcome: the order may have reached OpenD; the next poll finds it by its remark
        this.onOrderUpdate?.(o.id, { statusReason: `send interrupted (${reply.retMsg ?? reply.retType}); checking with the broker` });
      } else {
        this.finished.add(o.id);
        this.onOrderUpdate?.(o.id, { status: 'rejected', statusReason: `Futu: ${reply.retMsg ?? 'rejected'}` });
      }
    }
  }

  private async pollOrdersAndFills(): Promise<void> {
    const orders = await this.listOrders();
    const simulate = this.header!.trdEnv === TRD_ENV.simulate;
    for (const o of orders) {
      const id = (o.remark && this.byRemark.get(o.remark)) || this.brokerIds.get(String(o.orderID));
      if (!id) continue;
      this.brokerIds.set(String(o.orderID), id);
      const symbol = this.symbolIndex(o.code, o.secMarket);
      if (simulate && symbol >= 0) {
        // no fill list in the simulate environment: growth of the filled quantity is a fill
        const before = this.filledSoFar.get(String(o.orderID)) ?? 0;
        const now = Number(o.fillQty ?? 0);
        if (now > before + 1e-9) {
          this.filledSoFar.set(String(o.orderID), now);
          this.queueFill(symbol, { fillId: `${o.orderID}:${now}`, id, side: sideFromFutu(o.trdSide), qty: now - before, price: Number(o.fillAvgPrice ?? 0) });
        }
      }
      const mapped = orderStatusFromFutu(o.orderStatus);
      if (mapped.final && !this.finished.has(id) && mapped.status !== 'filled') {
        this.finished.add(id);
        this.onOrderUpdate?.(id, { status: mapped.status, statusReason: `Futu: ${o.lastErrMsg || mapped.label}` });
      } else if (mapped.final) this.finished.add(id);
    }
    if (simulate) return;
    const fills = await this.request<{ orderFillList?: TFutuFill[] }>('GetOrderFillList', { header: this.header });
    for (const f of fills.orderFillList ?? []) {
      if (f.status !== undefined && f.status !== 0) continue; // cancelled or changed fills
      const id = f.orderID ? this.brokerIds.get(String(f.orderID)) : undefined;
      const symbol = this.symbolIndex(f.code, f.secMarket);
      if (!id || symbol < 0) continue;
      this.queueFill(symbol, { fillId: `futu:${f.fillID}`, id, side: sideFromFutu(f.trdSide), qty: Number(f.qty), price: Number(f.price) });
    }
  }

  private queueFill(symbol: number, fill: TPendingFill): void {
    if (this.fillsSeen.has(fill.fillId)) return;
    this.fillsSeen.add(fill.fillId);
    this.pendingFills[symbol].push(fill);
  }

  private symbolIndex(code: string, secMarket: number | undefined): number {
    const symbol = symbolFromFutu(code, secMarket, this.trdMarket);
    return this.universe.instruments.findIndex((i) => i.symbol === symbol);
  }

  private async listOrders(): Promise<TFutuOrder[]> {
    const reply = await this.request<{ orderList?: TFutuOrder[] }>('GetOrderList', { header: this.header, refreshCache: true });
    return reply.orderList ?? [];
  }

  private async request<S>(method: 'GetAccList' | 'GetOrderList' | 'GetOrderFillList' | 'GetPositionList' | 'GetFunds', c2s: Record<string, unknown>, needHeader = true): Promise<S> {
    if (!this.sdk || (needHeader && !this.header)) throw new FutuBrokerError('unreachable', 'not connected to OpenD');
    const reply: TFutuReply<S> = await callFutu<S>(this.sdk[method]({ c2s }));
    if (reply.retType !== 0) throw new FutuBrokerError(reply.retType === -200 ? 'unreachable' : 'request_failed', `${method} failed: ${reply.retMsg ?? reply.retType}`);
    return (reply.s2c ?? {}) as S;
  }
}

function roundToTick(price: number, tick: number): number {
  const t = tick > 0 ? tick : 0.01;
  const decimals = Math.max(0, Math.ceil(-Math.log10(t) - 1e-9));
  return Number((Math.round(price / t) * t).toFixed(decimals));
}
