/**
 * HAND-WRITTEN STUB of futu-api's `ftWebsocket` (the only stand-in in the trading tests): FutuOpenD
 * is a logged-in desktop gateway that cannot run here. It answers like the SDK — resolving with
 * the decoded reply when retType is 0 and rejecting with the reply object otherwise — using the
 * reply shapes of futu-api's Trd_*.proto files (accList, orderList, orderFillList, positionList,
 * funds; 64-bit ids as strings). It keeps the broker's side of the world (orders, fills,
 * positions, cash) across broker instances, so restart tests can reconnect to "the same OpenD".
 */
import { createHash } from 'node:crypto';
import type { TFutuReply, TFutuTradeSdk } from '@/server/trading/brokers/futu/futu-trade-sdk';

type TReq = { c2s: Record<string, unknown> };

export interface TStubOrder {
  orderID: string;
  orderIDEx: string;
  trdSide: number;
  orderType: number;
  orderStatus: number;
  code: string;
  name: string;
  qty: number;
  price?: number;
  fillQty: number;
  fillAvgPrice?: number;
  secMarket: number;
  remark?: string;
  lastErrMsg?: string;
  createTime: string;
  updateTime: string;
}

export class OpenDState {
  orders: TStubOrder[] = [];
  fills: Array<Record<string, unknown>> = [];
  positions = new Map<string, { code: string; secMarket: number; qty: number; canSellQty: number; cost: number; price: number }>();
  cash = 1_000_000;
  placeCalls: Array<Record<string, unknown>> = [];
  nextId = 1000;
  /** the price market orders and marketable limits fill at, per code */
  price = new Map<string, number>();
  /** codes whose orders the broker rejects, with the message */
  rejectCodes = new Map<string, string>();
  /** fill orders as soon as they arrive */
  autoFill = true;
  accounts = [
    { trdEnv: 0, accID: '8001', trdMarketAuthList: [1], accType: 2 },
    { trdEnv: 1, accID: '9001', trdMarketAuthList: [1], accType: 2 },
    { trdEnv: 0, accID: '8004', trdMarketAuthList: [4], accType: 2 },
  ];
  tradePassword = '123456';
  loginOk = true;
  /** the next N requests fail as if the socket to OpenD dropped */
  disconnectNext = 0;
  /** the next PlaceOrder reaches OpenD but its reply times out */
  timeoutNextPlace = false;
  unlocked = false;
  stopped = 0;

  fill(order: TStubOrder, price: number): void {
    order.orderStatus = 11;
    order.fillQty = order.qty;
    order.fillAvgPrice = price;
    const key = `${order.secMarket}:${order.code}`;
    const pos = this.positions.get(key) ?? { code: order.code, secMarket: order.secMarket, qty: 0, canSellQty: 0, cost: 0, price };
    if (order.trdSide === 1) {
      pos.cost = (pos.cost * pos.qty + price * order.qty) / (pos.qty + order.qty);
      pos.qty += order.qty;
      pos.canSellQty += order.qty;
      this.cash -= price * order.qty;
    } else {
      pos.qty -= order.qty;
      pos.canSellQty -= order.qty;
      this.cash += price * order.qty;
    }
    pos.price = price;
    this.positions.set(key, pos);
    this.fills.push({ trdSide: order.trdSide, fillID: String(this.nextId++), fillIDEx: 'x', orderID: order.orderID, code: order.code, name: order.name, qty: order.qty, price, createTime: order.createTime, secMarket: order.secMarket, status: 0 });
  }
}

export class FutuSdkStub implements TFutuTradeSdk {
  onlogin: ((ret: boolean, msg: unknown) => void) | null = null;
  onPush = null;
  calls: string[] = [];

  constructor(readonly state: OpenDState) {}

  start(_host: string, _port: number, _ssl: boolean, key: string): void {
    setImmediate(() => this.onlogin?.(this.state.loginOk && key === 'ws-key', this.state.loginOk ? 'bad websocket key' : 'connect failed'));
  }

  stop(): void {
    this.state.stopped++;
  }

  getConnID(): string {
    return '7001';
  }

  private reply(name: string, s2c: unknown, fail?: { retType: number; retMsg: string }): Promise<TFutuReply> {
    this.calls.push(name);
    if (this.state.disconnectNext > 0) {
      this.state.disconnectNext--;
      return Promise.reject({ retType: -200, retMsg: 'disconnected from OpenD', errCode: 0 });
    }
    if (fail) return Promise.reject({ ...fail, errCode: 1 });
    return Promise.resolve({ retType: 0, retMsg: '', errCode: 0, s2c });
  }

  GetAccList(): Promise<TFutuReply> {
    return this.reply('GetAccList', { accList: this.state.accounts });
  }

  UnlockTrade(req: TReq): Promise<TFutuReply> {
    const ok = req.c2s.pwdMD5 === createHash('md5').update(this.state.tradePassword).digest('hex');
    if (ok) this.state.unlocked = true;
    return this.reply('UnlockTrade', {}, ok ? undefined : { retType: -1, retMsg: '解锁失败: 交易密码错误' });
  }

  PlaceOrder(req: TReq): Promise<TFutuReply> {
    const c2s = req.c2s as Record<string, unknown> & { header: { accID: string }; code: string; qty: number; price?: number; trdSide: number; orderType: number; secMarket: number; remark?: string };
    this.state.placeCalls.push(c2s);
    const reject = this.state.rejectCodes.get(c2s.code);
    if (reject) return this.reply('PlaceOrder', null, { retType: -1, retMsg: reject });
    const order: TStubOrder = {
      orderID: String(this.state.nextId++),
      orderIDEx: 'ex',
      trdSide: c2s.trdSide,
      orderType: c2s.orderType,
      orderStatus: 5,
      code: c2s.code,
      name: c2s.code,
      qty: c2s.qty,
      price: c2s.price,
      fillQty: 0,
      secMarket: c2s.secMarket,
      remark: c2s.remark,
      createTime: '2024-01-01 10:00:00',
      updateTime: '2024-01-01 10:00:00',
    };
    this.state.orders.push(order);
    if (this.state.autoFill) this.state.fill(order, this.state.price.get(c2s.code) ?? c2s.price ?? 0);
    if (this.state.timeoutNextPlace) {
      this.state.timeoutNextPlace = false;
      this.calls.push('PlaceOrder');
      return Promise.reject({ retType: -100, retMsg: 'timeout', errCode: 0 });
    }
    return this.reply('PlaceOrder', { header: c2s.header, orderID: order.orderID, orderIDEx: order.orderIDEx });
  }

  ModifyOrder(req: TReq): Promise<TFutuReply> {
    const order = this.state.orders.find((o) => o.orderID === String(req.c2s.orderID));
    if (order && req.c2s.modifyOrderOp === 2) order.orderStatus = order.fillQty > 0 ? 14 : 15;
    return this.reply('ModifyOrder', { orderID: req.c2s.orderID });
  }

  GetOrderList(): Promise<TFutuReply> {
    return this.reply('GetOrderList', { header: {}, orderList: this.state.orders.map((o) => ({ ...o })) });
  }

  GetOrderFillList(): Promise<TFutuReply> {
    return this.reply('GetOrderFillList', { header: {}, orderFillList: this.state.fills.map((f) => ({ ...f })) });
  }

  GetPositionList(): Promise<TFutuReply> {
    const positionList = [...this.state.positions.values()].filter((p) => p.qty > 0).map((p) => ({ positionID: '1', positionSide: 0, code: p.code, name: p.code, qty: p.qty, canSellQty: p.canSellQty, price: p.price, val: p.qty * p.price, plVal: 0, secMarket: p.secMarket, averageCostPrice: p.cost }));
    return this.reply('GetPositionList', { header: {}, positionList });
  }

  GetFunds(): Promise<TFutuReply> {
    return this.reply('GetFunds', { header: {}, funds: { power: this.state.cash, totalAssets: this.state.cash, cash: this.state.cash, marketVal: 0, frozenCash: 0, debtCash: 0, avlWithdrawalCash: this.state.cash } });
  }
}
