// Each provider against a real HTTP server on 127.0.0.1 speaking its protocol (api-formats.md),
// including its error shapes; Futu at the futu-api SDK boundary with a hand-written stub.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { rangeBarColumns, type TBarColumns } from '@/server/data/bar-columns';
import { parseBarsCsv } from '@/server/data/parse-bars-csv';
import { createBinanceProvider } from '@/server/data/providers/binance';
import { createEastmoneyProvider } from '@/server/data/providers/eastmoney';
import { createFutuProvider, type TFutuReply, type TFutuSdk } from '@/server/data/providers/futu';
import { TProviderError } from '@/server/data/providers/provider-error';
import { createTushareProvider } from '@/server/data/providers/tushare';
import { createYahooProvider } from '@/server/data/providers/yahoo';
import { binanceKlinesAnswer, startFakeBinanceServer } from '@/tests/helpers/fake-binance-server';
import { eastmoneyAnswer, startFakeEastmoneyServer } from '@/tests/helpers/fake-eastmoney-server';
import { HTML_ERROR_PAGE } from '@/tests/helpers/fake-http-server';
import { startFakeTushareServer, tushareDailyAnswer } from '@/tests/helpers/fake-tushare-server';
import { startFakeYahooServer, yahooAnswer } from '@/tests/helpers/fake-yahoo-server';

function bundled(file: string): TBarColumns {
  const parsed = parseBarsCsv(fs.readFileSync(`data/market/${file}`));
  if (!parsed.ok) throw new Error(file);
  return parsed.bars;
}
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const MOUTAI = rangeBarColumns(bundled('600519.SH_daily.csv'), day('2021-01-01'), day('2021-12-31'));
const fast = { retries: 1, maxRetryWaitMs: 20, rateLimitPerMin: 60_000 };

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

async function failure(p: Promise<unknown>): Promise<TProviderError> {
  try {
    await p;
  } catch (error) {
    if (error instanceof TProviderError) return error;
    throw error;
  }
  throw new Error('expected a provider error');
}

describe('Tushare Pro', () => {
  it('posts {api_name, token, params, fields}; turns lots into shares, thousand CNY into CNY, newest-first into ascending', async () => {
    const server = await startFakeTushareServer((body) => tushareDailyAnswer(MOUTAI, body.params));
    closers.push(server.close);
    const provider = createTushareProvider({ baseUrl: server.url, credential: 'tok-123', ...fast });
    const bars = await provider.fetchBars('600519.SH', '1d', day('2021-03-01'), day('2021-03-31'));
    const expected = rangeBarColumns(MOUTAI, day('2021-03-01'), day('2021-03-31'));
    expect(bars.length).toBe(expected.length);
    expect([...bars.time]).toEqual([...expected.time]);
    expect([...bars.close]).toEqual([...expected.close]);
    expect(bars.volume[0]).toBeCloseTo(expected.volume[0], 6);
    expect(bars.amount[0]).toBeCloseTo(expected.amount[0], 3);
    const body = JSON.parse(server.requests[0].body);
    expect(body).toMatchObject({ api_name: 'daily', token: 'tok-123', params: { ts_code: '600519.SH', start_date: '20210301', end_date: '20210331' } });
  });

  it('computes qfq and hfq from adj_factor like pro_bar', async () => {
    const factor = (iso: string) => (iso < '20210625' ? 8.0 : 8.1);
    const server = await startFakeTushareServer((body) => {
      if (body.api_name === 'adj_factor') {
        const items: unknown[][] = [];
        for (let i = MOUTAI.length - 1; i >= 0; i--) {
          const d = new Date(MOUTAI.time[i]).toISOString().slice(0, 10).replace(/-/g, '');
          if (d >= body.params.start_date && d <= body.params.end_date) items.push(['600519.SH', d, factor(d)]);
        }
        return { json: { code: 0, msg: '', data: { fields: ['ts_code', 'trade_date', 'adj_factor'], items } } };
      }
      return tushareDailyAnswer(MOUTAI, body.params);
    });
    closers.push(server.close);
    const provider = createTushareProvider({ baseUrl: server.url, credential: 't', ...fast });
    const raw = await provider.fetchBars('600519.SH', '1d', day('2021-06-01'), day('2021-07-30'));
    const qfq = await provider.fetchBars('600519.SH', '1d', day('2021-06-01'), day('2021-07-30'), { adjustment: 'qfq' });
    const hfq = await provider.fetchBars('600519.SH', '1d', day('2021-06-01'), day('2021-07-30'), { adjustment: 'hfq' });
    expect(qfq.close[0]).toBeCloseTo((raw.close[0] * 8.0) / 8.1, 9);
    expect(qfq.close[qfq.length - 1]).toBeCloseTo(raw.close[raw.length - 1], 9);
    expect(hfq.close[0]).toBeCloseTo(raw.close[0] * 8.0, 9);
  });

  it('says what is wrong: no token, code ≠ 0 with msg, HTML page, missing field, 429 and 500 after retries', async () => {
    let mode = 'code';
    const server = await startFakeTushareServer((body) => {
      if (mode === 'code') return { json: { code: 2002, msg: '抱歉，您没有访问该接口的权限', data: null } };
      if (mode === 'html') return { text: HTML_ERROR_PAGE };
      if (mode === 'missing') return tushareDailyAnswer(MOUTAI, body.params, ['vol']);
      if (mode === '429') return { status: 429, text: 'slow down', headers: { 'retry-after': '0' } };
      return { status: 500, text: 'oops' };
    });
    closers.push(server.close);
    const args = ['600519.SH', '1d', day('2021-03-01'), day('2021-03-31')] as const;
    expect((await failure(createTushareProvider({ baseUrl: server.url, ...fast }).fetchBars(...args))).code).toBe('not_configured');
    const provider = createTushareProvider({ baseUrl: server.url, credential: 't', ...fast });
    const code = await failure(provider.fetchBars(...args));
    expect(code).toMatchObject({ provider: 'tushare', code: 'api_error', params: { code: 2002 } });
    expect(code.message).toContain('没有访问该接口的权限');
    mode = 'html';
    const html = await failure(provider.fetchBars(...args));
    expect(html.code).toBe('not_json');
    expect(html.message).toMatch(/tushare: .*502 Bad Gateway/);
    mode = 'missing';
    const missing = await failure(provider.fetchBars(...args));
    expect(missing).toMatchObject({ code: 'missing_field', params: { field: 'data.fields: vol' } });
    mode = '429';
    const before = server.requests.length;
    expect((await failure(provider.fetchBars(...args))).code).toBe('rate_limited');
    expect(server.requests.length - before).toBe(2); // one retry
    mode = '500';
    expect(await failure(provider.fetchBars(...args))).toMatchObject({ code: 'http_error', params: { status: 500 } });
  });

  it('reports an unreachable server and a timeout by name', async () => {
    const down = createTushareProvider({ baseUrl: 'http://127.0.0.1:9', credential: 't', ...fast });
    expect(await failure(down.fetchBars('600519.SH', '1d', day('2021-03-01'), day('2021-03-05')))).toMatchObject({ provider: 'tushare', code: 'unreachable' });
    const server = await startFakeTushareServer(() => ({ json: {}, delayMs: 400 }));
    closers.push(server.close);
    const slow = createTushareProvider({ baseUrl: server.url, credential: 't', ...fast, retries: 0, timeoutMs: 100 });
    expect(await failure(slow.fetchBars('600519.SH', '1d', day('2021-03-01'), day('2021-03-05')))).toMatchObject({ code: 'timeout' });
  });

  it('lists symbols from stock_basic', async () => {
    const server = await startFakeTushareServer(() => ({ json: { code: 0, msg: '', data: { fields: ['ts_code', 'name', 'list_date'], items: [['600519.SH', '贵州茅台', '20010827']] } } }));
    closers.push(server.close);
    const list = await createTushareProvider({ baseUrl: server.url, credential: 't', ...fast }).listSymbols();
    expect(list).toEqual([{ symbol: '600519.SH', market: 'cn-a', name: { zh: '贵州茅台' }, listingDate: '2001-08-27' }]);
  });
});

describe('Eastmoney push2his', () => {
  it('reads close before high/low, lots → shares, secid and klt/fqt parameters', async () => {
    const server = await startFakeEastmoneyServer((req) => eastmoneyAnswer(MOUTAI, req.query));
    closers.push(server.close);
    const bars = await createEastmoneyProvider({ baseUrl: server.url, ...fast }).fetchBars('600519.SH', '1d', day('2021-03-01'), day('2021-03-31'), { adjustment: 'qfq' });
    const expected = rangeBarColumns(MOUTAI, day('2021-03-01'), day('2021-03-31'));
    expect([...bars.high]).toEqual([...expected.high]);
    expect([...bars.low]).toEqual([...expected.low]);
    expect([...bars.close]).toEqual([...expected.close]);
    expect(bars.volume[3]).toBeCloseTo(expected.volume[3], 6);
    expect(Object.fromEntries(server.requests[0].query)).toMatchObject({ secid: '1.600519', klt: '101', fqt: '1', beg: '20210301', end: '20210331' });
  });

  it('empty data is no bars; a kline with a bad number names it', async () => {
    let mode = 'empty';
    const server = await startFakeEastmoneyServer(() => (mode === 'empty' ? { json: { rc: 0, data: null } } : { json: { rc: 0, data: { klines: ['2021-03-01,2000,abc,2010,1990,100,1000'] } } }));
    closers.push(server.close);
    const provider = createEastmoneyProvider({ baseUrl: server.url, ...fast });
    expect((await provider.fetchBars('00700.HK', '1d', day('2021-03-01'), day('2021-03-05'))).length).toBe(0);
    expect(server.requests[0].query.get('secid')).toBe('116.00700');
    mode = 'bad';
    expect(await failure(provider.fetchBars('600519.SH', '1d', day('2021-03-01'), day('2021-03-05')))).toMatchObject({ provider: 'eastmoney', code: 'bad_value', params: { field: 'data.klines[0] close' } });
  });
});

describe('Yahoo chart v8', () => {
  const SPY = rangeBarColumns(bundled('SPY.US_daily.csv'), day('2016-01-01'), day('2016-12-31'));

  it('maps UTC timestamps to New York dates, skips null bars, scales qfq by adjclose', async () => {
    const server = await startFakeYahooServer((req) => yahooAnswer(SPY, req.query, { nullAt: [2], adjFactor: 0.5 }));
    closers.push(server.close);
    const provider = createYahooProvider({ baseUrl: server.url, ...fast });
    const bars = await provider.fetchBars('SPY.US', '1d', SPY.time[0], SPY.time[9]);
    expect(bars.length).toBe(9);
    expect(bars.time[0]).toBe(SPY.time[0]);
    expect(bars.time[2]).toBe(SPY.time[3]);
    expect(bars.close[0]).toBe(SPY.close[0]);
    expect(server.requests[0].path).toBe('/v8/finance/chart/SPY');
    const qfq = await provider.fetchBars('SPY.US', '1d', SPY.time[0], SPY.time[9], { adjustment: 'qfq' });
    expect(qfq.close[0]).toBeCloseTo(SPY.close[0] * 0.5, 9);
  });

  it('turns the error object into unknown_symbol / api_error', async () => {
    let mode = '404';
    const server = await startFakeYahooServer(() =>
      mode === '404'
        ? { status: 404, json: { chart: { result: null, error: { code: 'Not Found', description: 'No data found, symbol may be delisted' } } } }
        : { status: 400, json: { chart: { result: null, error: { code: 'Bad Request', description: 'Invalid input - interval=1m is not supported for the requested range' } } } },
    );
    closers.push(server.close);
    const provider = createYahooProvider({ baseUrl: server.url, ...fast });
    expect(await failure(provider.fetchBars('00700.HK', '1d', day('2021-01-04'), day('2021-01-08')))).toMatchObject({ provider: 'yahoo', code: 'unknown_symbol', params: { symbol: '0700.HK' } });
    mode = '400';
    expect(await failure(provider.fetchBars('AAPL.US', '1d', day('2021-01-04'), day('2021-01-08')))).toMatchObject({ code: 'api_error', params: { code: 'Bad Request' } });
  });
});

describe('Binance spot klines', () => {
  const BTC = rangeBarColumns(bundled('BTCUSDT_hourly.csv'), day('2022-01-01'), day('2022-03-31'));

  it('pages by open time through 1000-row answers', async () => {
    const server = await startFakeBinanceServer((req) => binanceKlinesAnswer(BTC, req.query, 3_600_000));
    closers.push(server.close);
    const bars = await createBinanceProvider({ baseUrl: server.url, ...fast }).fetchBars('BTCUSDT', '1h', BTC.time[0], BTC.time[BTC.length - 1]);
    expect(bars.length).toBe(BTC.length);
    expect(server.requests.length).toBe(Math.ceil(BTC.length / 1000) + (BTC.length % 1000 === 0 ? 1 : 0));
    expect([...bars.close]).toEqual([...BTC.close]);
  });

  it('-1121 is an unknown symbol; 418/429 is a rate limit', async () => {
    let mode = 'bad';
    const server = await startFakeBinanceServer(() => (mode === 'bad' ? { status: 400, json: { code: -1121, msg: 'Invalid symbol.' } } : { status: 429, json: { code: -1003, msg: 'Too many requests' }, headers: { 'retry-after': '0' } }));
    closers.push(server.close);
    const provider = createBinanceProvider({ baseUrl: server.url, ...fast });
    expect(await failure(provider.fetchBars('FOOUSDT', '1d', day('2022-01-01'), day('2022-01-05')))).toMatchObject({ code: 'unknown_symbol', params: { symbol: 'FOOUSDT' } });
    mode = '429';
    expect(await failure(provider.fetchBars('BTCUSDT', '1d', day('2022-01-01'), day('2022-01-05')))).toMatchObject({ provider: 'binance', code: 'rate_limited' });
  });
});

describe('Futu OpenD (futu-api SDK boundary, stubbed)', () => {
  function stubSdk(replies: TFutuReply[], login = true) {
    const calls: Record<string, unknown>[] = [];
    const sdk: TFutuSdk & { stopped: boolean } = {
      onlogin: null,
      stopped: false,
      start(_host, _port, _ssl, key) {
        setTimeout(() => sdk.onlogin?.(login && key === 'ws-key', login ? 'ok' : 'auth failed'), 1);
      },
      stop() {
        sdk.stopped = true;
      },
      async RequestHistoryKL(req) {
        calls.push(req.c2s);
        return replies.shift() ?? { retType: -1, retMsg: 'no more stub replies' };
      },
    };
    return { sdk, calls };
  }
  const kl = (time: string, close: number, extra: Record<string, unknown> = {}) => ({ time, isBlank: false, highPrice: close + 1, openPrice: close, lowPrice: close - 1, closePrice: close, lastClosePrice: close, volume: '58625939', turnover: 26193545519, timestamp: 0, ...extra });

  it('logs in, pages with nextReqKey, skips blank bars, volume strings → numbers, stops the socket', async () => {
    const { sdk, calls } = stubSdk([
      { retType: 0, retMsg: '', s2c: { security: { market: 1, code: '00700' }, klList: [kl('2021-08-05 00:00:00', 439), kl('2021-08-06 00:00:00', 0, { isBlank: true })], nextReqKey: 'page2' } },
      { retType: 0, retMsg: '', s2c: { security: { market: 1, code: '00700' }, klList: [kl('2021-08-09 00:00:00', 441)] } },
    ]);
    const provider = createFutuProvider({ credential: 'ws-key', rateLimitPerMin: 60_000 }, () => sdk);
    const bars = await provider.fetchBars('00700.HK', '1d', day('2021-08-01'), day('2021-08-31'));
    expect([...bars.time]).toEqual([day('2021-08-05'), day('2021-08-09')]);
    expect(bars.volume[0]).toBe(58625939);
    expect(calls[0]).toMatchObject({ rehabType: 1, klType: 2, security: { market: 1, code: '00700' }, beginTime: '2021-08-01', endTime: '2021-08-31' });
    expect(calls[1].nextReqKey).toBe('page2');
    expect(sdk.stopped).toBe(true);
  });

  it('retType ≠ 0, missing fields and failed logins become named errors', async () => {
    const failing = stubSdk([{ retType: -1, retMsg: '未知股票', errCode: 2 }]);
    expect(await failure(createFutuProvider({ credential: 'ws-key' }, () => failing.sdk).fetchBars('00700.HK', '1d', day('2021-08-01'), day('2021-08-31')))).toMatchObject({ provider: 'futu', code: 'api_error', params: { msg: '未知股票' } });
    const missing = stubSdk([{ retType: 0, s2c: { klList: [{ time: '2021-08-05 00:00:00', openPrice: 1, highPrice: 2, lowPrice: 0.5, volume: '1' }] } }]);
    expect(await failure(createFutuProvider({ credential: 'ws-key' }, () => missing.sdk).fetchBars('00700.HK', '1d', day('2021-08-01'), day('2021-08-31')))).toMatchObject({ code: 'bad_value', params: { field: 's2c.klList[0].closePrice' } });
    const denied = stubSdk([], false);
    expect(await failure(createFutuProvider({ credential: 'ws-key' }, () => denied.sdk).fetchBars('00700.HK', '1d', day('2021-08-01'), day('2021-08-31')))).toMatchObject({ code: 'api_error', params: { code: 'login' } });
    expect((await failure(createFutuProvider({}, () => denied.sdk).fetchBars('00700.HK', '1d', 0, 1))).code).toBe('not_configured');
  });
});
