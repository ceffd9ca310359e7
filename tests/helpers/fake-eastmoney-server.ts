// Speaks Eastmoney's push2his kline protocol: klines as "date,open,CLOSE,HIGH,LOW,vol(lots),amount,…".
import type { TBarColumns } from '@/server/data/bar-columns';
import { startFakeHttpServer, type TFakeAnswer, type TFakeRequest } from './fake-http-server';

const ymd = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function eastmoneyAnswer(bars: TBarColumns, q: URLSearchParams, volumeDivisor = 100): TFakeAnswer {
  const beg = q.get('beg')!;
  const end = q.get('end')!;
  const klines: string[] = [];
  for (let i = 0; i < bars.length; i++) {
    const d = ymd(bars.time[i]);
    const compact = d.replace(/-/g, '');
    if (compact < beg || compact > end) continue;
    klines.push([d, bars.open[i], bars.close[i], bars.high[i], bars.low[i], bars.volume[i] / volumeDivisor, bars.amount[i].toFixed(2), '2.96', '1.64', '0.10', '1.03'].join(','));
  }
  return { json: { rc: 0, rt: 17, svr: 1, lt: 1, full: 0, dlmkts: '', data: klines.length ? { code: q.get('secid')!.split('.')[1], market: 1, name: '贵州茅台', decimal: 2, dktotal: klines.length, preKPrice: 1, klines } : null } };
}

export async function startFakeEastmoneyServer(answer: (req: TFakeRequest) => TFakeAnswer) {
  return startFakeHttpServer(answer);
}
