// Speaks Binance's spot klines protocol: arrays of 12, prices as strings, at most `limit` per call.
import type { TBarColumns } from '@/server/data/bar-columns';
import { startFakeHttpServer, type TFakeAnswer, type TFakeRequest } from './fake-http-server';

export function binanceKlinesAnswer(bars: TBarColumns, q: URLSearchParams, intervalMs: number): TFakeAnswer {
  const start = Number(q.get('startTime'));
  const end = Number(q.get('endTime'));
  const limit = Number(q.get('limit') ?? 500);
  const rows: unknown[][] = [];
  for (let i = 0; i < bars.length && rows.length < limit; i++) {
    const t = bars.time[i];
    if (t < start || t > end) continue;
    rows.push([t, String(bars.open[i]), String(bars.high[i]), String(bars.low[i]), String(bars.close[i]), String(bars.volume[i]), t + intervalMs - 1, '0', 10, '0', '0', '0']);
  }
  return { json: rows };
}

export async function startFakeBinanceServer(answer: (req: TFakeRequest) => TFakeAnswer) {
  return startFakeHttpServer(answer);
}
