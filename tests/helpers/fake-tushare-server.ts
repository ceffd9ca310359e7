// Speaks Tushare Pro's protocol (POST {api_name, token, params, fields} → {code, msg, data:{fields, items}}),
// newest row first, vol in lots and amount in thousand CNY, as api-formats.md describes.
import type { TBarColumns } from '@/server/data/bar-columns';
import { startFakeHttpServer, type TFakeAnswer, type TFakeRequest } from './fake-http-server';

export type TTushareBody = { api_name: string; token: string; params: Record<string, string>; fields: string };
const ymd = (ms: number) => new Date(ms).toISOString().slice(0, 10).replace(/-/g, '');

export function tushareDailyAnswer(bars: TBarColumns, params: Record<string, string>, drop: string[] = []): TFakeAnswer {
  const fields = ['ts_code', 'trade_date', 'open', 'high', 'low', 'close', 'pre_close', 'change', 'pct_chg', 'vol', 'amount'].filter((f) => !drop.includes(f));
  const items: unknown[][] = [];
  for (let i = bars.length - 1; i >= 0; i--) {
    const d = ymd(bars.time[i]);
    if (d < params.start_date || d > params.end_date) continue;
    const row: Record<string, unknown> = { ts_code: params.ts_code, trade_date: d, open: bars.open[i], high: bars.high[i], low: bars.low[i], close: bars.close[i], pre_close: 0, change: 0, pct_chg: 0, vol: bars.volume[i] / 100, amount: bars.amount[i] / 1000 };
    items.push(fields.map((f) => row[f]));
  }
  return { json: { request_id: 'test', code: 0, msg: null, data: { fields, items } } };
}

export async function startFakeTushareServer(answer: (body: TTushareBody, req: TFakeRequest) => TFakeAnswer) {
  return startFakeHttpServer((req) => answer(JSON.parse(req.body) as TTushareBody, req));
}
