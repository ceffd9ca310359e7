// Speaks Yahoo's chart v8 protocol: UTC-second timestamps at the session open, quote arrays with nulls.
import type { TBarColumns } from '@/server/data/bar-columns';
import { fromWallClock } from '@/server/data/time-zones';
import { startFakeHttpServer, type TFakeAnswer, type TFakeRequest } from './fake-http-server';

const ZONE = 'America/New_York';

export function yahooAnswer(bars: TBarColumns, q: URLSearchParams, options: { nullAt?: number[]; adjFactor?: number } = {}): TFakeAnswer {
  const p1 = Number(q.get('period1')) * 1000;
  const p2 = Number(q.get('period2')) * 1000;
  const timestamp: number[] = [];
  const quote = { open: [] as (number | null)[], high: [] as (number | null)[], low: [] as (number | null)[], close: [] as (number | null)[], volume: [] as (number | null)[] };
  const adjclose: number[] = [];
  for (let i = 0; i < bars.length; i++) {
    const ts = fromWallClock(bars.time[i] + 9.5 * 3_600_000, ZONE); // 09:30 New York, the session open
    if (ts < p1 || ts >= p2) continue;
    const blank = options.nullAt?.includes(i);
    timestamp.push(ts / 1000);
    quote.open.push(blank ? null : bars.open[i]);
    quote.high.push(blank ? null : bars.high[i]);
    quote.low.push(blank ? null : bars.low[i]);
    quote.close.push(blank ? null : bars.close[i]);
    quote.volume.push(blank ? null : bars.volume[i]);
    adjclose.push(bars.close[i] * (options.adjFactor ?? 1));
  }
  const meta = { currency: 'USD', symbol: 'SPY', exchangeName: 'PCX', instrumentType: 'ETF', gmtoffset: -14400, timezone: 'EDT', exchangeTimezoneName: ZONE, dataGranularity: '1d' };
  return { json: { chart: { result: [{ meta, ...(timestamp.length ? { timestamp } : {}), indicators: { quote: [quote], adjclose: [{ adjclose }] } }], error: null } } };
}

export async function startFakeYahooServer(answer: (req: TFakeRequest) => TFakeAnswer) {
  return startFakeHttpServer(answer);
}
