import { describe, expect, it } from 'vitest';
import { sliceBarColumns, type TBarColumns } from '@/server/data/bar-columns';
import { getMarketRules } from '@/server/markets';
import { FutuBroker, FutuBrokerError, remarkOf, type TFutuBrokerConfig } from '@/server/trading/brokers/futu/futu-broker';
import { futuCode, futuTrdMarket, orderStatusFromFutu, symbolFromFutu } from '@/server/trading/brokers/futu/futu-enums';
import { replayBarSource } from '@/server/trading/feeds/bar-source';
import { MemoryTraderStore } from '@/server/trading/memory-trader-store';
import { runTrader } from '@/server/trading/run-trader';
import { SimulatedTimer } from '@/server/trading/scheduler/timer';
import { smaCrossGraph } from '../../helpers/graphs';
import { FutuSdkStub, OpenDState } from './futu-sdk-stub';
import { barsFile, spec, startBefore } from './helpers';

const hk = getMarketRules('hk')!;
const config = (over: Partial<TFutuBrokerConfig> = {}): TFutuBrokerConfig => ({ host: '127.0.0.1', port: 33333, ssl: false, websocketKey: 'ws-key', env: 'simulate', unlockPassword: null, accId: null, loginTimeoutMs: 500, ...over });
const universe = (symbols: string[]) => ({ traderId: 'T1', market: 'hk' as const, rules: hk, instruments: symbols.map((s) => hk.inferInstrument(s)) });

describe('Futu enum mapping', () => {
  it('maps codes, markets, sides and order statuses', () => {
    expect(futuCode('00700.HK')).toEqual({ code: '00700', secMarket: 1 });
    expect(futuCode('600519.SH')).toEqual({ code: '600519', secMarket: 31 });
    expect(futuCode('000001.SZ')).toEqual({ code: '000001', secMarket: 32 });
    expect(futuCode('AAPL.US')).toEqual({ code: 'AAPL', secMarket: 2 });
    expect(symbolFromFutu('600519', 31, 4)).toBe('600519.SH');
    expect(symbolFromFutu('700', undefined, 1)).toBe('00700.HK');
    expect(futuTrdMarket('cn-a')).toBe(4); // Stock Connect
    expect(() => futuTrdMarket('crypto')).toThrow();
    expect(orderStatusFromFutu(11)).toMatchObject({ status: 'filled', final: true });
    expect(orderStatusFromFutu(10)).toMatchObject({ status: 'partially-filled', final: false });
    expect(orderStatusFromFutu(14)).toMatchObject({ status: 'cancelled', final: true });
    expect(orderStatusFromFutu(21)).toMatchObject({ status: 'rejected', final: true });
    expect(orderStatusFromFutu(22)).toMatchObject({ status: 'expired', final: true });
    expect(orderStatusFromFutu(5)).toMatchObject({ status: 'submitted', final: false });
    expect(orderStatusFromFutu(-1)).toMatchObject({ status: 'submitted', final: false });
  });

  it('remarks fit Futu’s 64 bytes whatever the client order id', () => {
    const r = remarkOf('cmabcdefghijklmnopqrstuvwx:600519.SH:1700000000000:a-very-long-node-identifier-chosen-by-the-user');
    expect(Buffer.byteLength(r)).toBeLessThanOrEqual(64);
    expect(r).toBe(remarkOf('cmabcdefghijklmnopqrstuvwx:600519.SH:1700000000000:a-very-long-node-identifier-chosen-by-the-user'));
  });
});

describe('Futu broker: connect, unlock, account', () => {
  const connect = async (state: OpenDState, over: Partial<TFutuBrokerConfig>) => {
    const broker = new FutuBroker(config(over), universe(['00700.HK']), () => new FutuSdkStub(state));
    return broker.connect().then(
      () => null,
      (e: FutuBrokerError) => e,
    );
  };

  it('simulate: logs in with the WebSocket key and needs no unlock', async () => {
    const state = new OpenDState();
    expect(await connect(state, {})).toBeNull();
    expect(state.unlocked).toBe(false);
  });

  it('real: unlocks with the trade password (MD5), and says so when it is wrong', async () => {
    const state = new OpenDState();
    expect(await connect(state, { env: 'real', unlockPassword: '123456' })).toBeNull();
    expect(state.unlocked).toBe(true);
    const wrong = await connect(new OpenDState(), { env: 'real', unlockPassword: 'nope' });
    expect(wrong).toMatchObject({ code: 'unlock_failed', message: 'unlocking trade failed: 解锁失败: 交易密码错误' });
    expect(await connect(new OpenDState(), { env: 'real', unlockPassword: null })).toMatchObject({ code: 'unlock_failed' });
  });

  it('a wrong WebSocket key, an unreachable OpenD, or no account for the market', async () => {
    expect(await connect(new OpenDState(), { websocketKey: 'wrong' })).toMatchObject({ code: 'login_failed' });
    const down = new OpenDState();
    down.loginOk = false;
    expect(await connect(down, {})).toMatchObject({ code: 'login_failed' });
    expect(await connect(new OpenDState(), { accId: '123' })).toMatchObject({ code: 'no_account' });
    class SilentOpenD extends FutuSdkStub {
      override start(): void {}
    }
    const silent = new FutuBroker(config(), universe(['00700.HK']), () => new SilentOpenD(new OpenDState()));
    await expect(silent.connect()).rejects.toMatchObject({ code: 'unreachable' });
  });
});

/** A live trader on replayed bars against the stub; the stub fills market orders at the latest close. */
async function runLive(state: OpenDState, store: MemoryTraderStore, bars: TBarColumns, startUtc?: number) {
  const s = spec({ graph: smaCrossGraph(5, 15), market: 'hk', symbols: ['00700.HK'], timeframe: '1d', activeFrom: bars.time[0], initialCash: 1_000_000 });
  const source = replayBarSource({ '00700.HK': bars });
  const pricing = {
    async fetchBars(req: Parameters<typeof source.fetchBars>[0]) {
      const got = await source.fetchBars(req);
      if (got.length > 0) state.price.set('00700', got.close[got.length - 1]);
      return got;
    },
  };
  const broker = new FutuBroker(config(), universe(['00700.HK']), () => new FutuSdkStub(state));
  const timer = new SimulatedTimer(startUtc ?? startBefore(s, bars.time[0]));
  await runTrader(s, { store, source: pricing, timer, broker, delayMs: 1000, until: bars.time[bars.length - 1] });
  return { broker, timer };
}

const tencent = sliceBarColumns(barsFile('data/market/00700.HK_daily.csv'), 2000, 2250);
const remarks = (state: OpenDState) => state.placeCalls.map((c) => c.remark as string);

describe('Futu broker under a live trader (stubbed OpenD)', () => {
  it('places each order once with its remark, turns order progress into fills and journals them', async () => {
    const state = new OpenDState();
    const store = new MemoryTraderStore();
    await runLive(state, store, tencent);
    expect(state.placeCalls.length).toBeGreaterThan(3);
    expect(new Set(remarks(state)).size).toBe(state.placeCalls.length);
    const sent = [...store.orders.values()].filter((o) => o.stage === 'broker');
    expect(sent.map((o) => remarkOf(o.clientOrderId)).sort()).toEqual([...remarks(state)].sort());
    expect(sent.every((o) => o.brokerOrderId !== null)).toBe(true);
    // HK board lot of 00700 is 100: every quantity sent is whole lots
    expect(state.placeCalls.every((c) => (c.qty as number) % 100 === 0 && c.orderType === 2)).toBe(true);
    const filled = sent.filter((o) => o.status === 'filled');
    expect(filled.length).toBe(store.fills.size);
    const held = state.positions.get('1:00700')?.qty ?? 0;
    expect(store.positions.reduce((a, p) => a + p.qty, 0)).toBe(held);
  });

  it('kill -9 mid-run, restart: positions reconciled with the broker, no client order id sent twice', async () => {
    const reference = new OpenDState();
    await runLive(reference, new MemoryTraderStore(), tencent);
    for (const cut of [60, 140, 260]) {
      const state = new OpenDState();
      const store = new MemoryTraderStore();
      store.failAfterWrites = cut;
      await expect(runLive(state, store, tencent)).rejects.toThrow('simulated crash');
      store.failAfterWrites = Infinity;
      const restartAt = store.lastBarTime === null ? undefined : Date.parse(new Date(store.lastBarTime).toISOString().slice(0, 10) + 'T08:00:30Z');
      await runLive(state, store, tencent, restartAt);
      expect(new Set(remarks(state)).size).toBe(state.placeCalls.length);
      expect(store.logs.some((l) => l.code === 'reconciled')).toBe(true);
      // the same orders reached the broker as in a run that never stopped
      expect(remarks(state).sort()).toEqual(remarks(reference).sort());
    }
  });

  it('an order the broker rejects is journaled with Futu’s reason and the trader goes on', async () => {
    const state = new OpenDState();
    state.rejectCodes.set('00700', '购买力不足');
    const store = new MemoryTraderStore();
    await runLive(state, store, tencent);
    const sent = [...store.orders.values()].filter((o) => o.stage === 'broker');
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((o) => o.status === 'rejected' && o.statusReason === 'Futu: 购买力不足')).toBe(true);
    expect(store.lastBarTime).toBe(tencent.time[tencent.length - 1]);
  });

  it('a dropped connection stops the run with the reason; reconnecting resumes without resending', async () => {
    const state = new OpenDState();
    const store = new MemoryTraderStore();
    const s = spec({ graph: smaCrossGraph(5, 15), market: 'hk', symbols: ['00700.HK'], timeframe: '1d', activeFrom: tencent.time[0], initialCash: 1_000_000 });
    let polls = 0;
    const source = replayBarSource({ '00700.HK': tencent });
    const flaky = {
      async fetchBars(req: Parameters<typeof source.fetchBars>[0]) {
        const got = await source.fetchBars(req);
        if (got.length > 0) state.price.set('00700', got.close[got.length - 1]);
        if (++polls === 120) state.disconnectNext = 1;
        return got;
      },
    };
    const broker = new FutuBroker(config(), universe(['00700.HK']), () => new FutuSdkStub(state));
    const err = await runTrader(s, { store, source: flaky, timer: new SimulatedTimer(startBefore(s, tencent.time[0])), broker, delayMs: 1000, until: tencent.time[tencent.length - 1] }).catch((e) => e);
    expect(err).toBeInstanceOf(FutuBrokerError);
    expect(err.code).toBe('unreachable');
    const before = state.placeCalls.length;
    const restartAt = Date.parse(new Date(store.lastBarTime!).toISOString().slice(0, 10) + 'T08:00:30Z');
    await runLive(state, store, tencent, restartAt);
    expect(state.placeCalls.length).toBeGreaterThanOrEqual(before);
    expect(new Set(remarks(state)).size).toBe(state.placeCalls.length);
  });

  it('a PlaceOrder whose reply times out is found by its remark and never resent', async () => {
    const state = new OpenDState();
    state.timeoutNextPlace = true;
    const store = new MemoryTraderStore();
    await runLive(state, store, tencent);
    expect(new Set(remarks(state)).size).toBe(state.placeCalls.length);
    const first = [...store.orders.values()].filter((o) => o.stage === 'broker').sort((a, b) => a.barTime - b.barTime)[0];
    expect(first.status).toBe('filled');
  });

  it('the kill switch cancels this trader’s open orders only', async () => {
    const state = new OpenDState();
    state.autoFill = false;
    const broker = new FutuBroker(config(), universe(['00700.HK']), () => new FutuSdkStub(state));
    broker.prepare([{ clientOrderId: 'T1:00700.HK:1:buy', symbol: '00700.HK', side: 'buy', type: 'market', qty: 100, limitPrice: null, nodeId: 'buy', reason: '', barTime: 1, stage: 'broker', status: 'submitted', statusReason: '', filledQty: 0, avgFillPrice: null, brokerOrderId: null }]);
    await broker.connect();
    const stub = new FutuSdkStub(state);
    await stub.PlaceOrder({ c2s: { header: { accID: '8001' }, code: '00700', qty: 100, trdSide: 1, orderType: 2, secMarket: 1, remark: remarkOf('T1:00700.HK:1:buy') } });
    await stub.PlaceOrder({ c2s: { header: { accID: '8001' }, code: '00700', qty: 100, trdSide: 1, orderType: 2, secMarket: 1, remark: 'someone else' } });
    expect(await broker.cancelAll()).toBe(1);
    expect(state.orders.map((o) => o.orderStatus)).toEqual([15, 5]);
  });
});
