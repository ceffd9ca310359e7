import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBarsCsv } from '@/server/data/parse-bars-csv';
import { rangeBarColumns, type TBarColumns } from '@/server/data/bar-columns';
import { replayBarSource, type TBarSource } from '@/server/trading/feeds/bar-source';
import { liveFeed, type TFeedEvent } from '@/server/trading/feeds/live-feed';
import { marketHours } from '@/server/trading/scheduler/market-hours';
import { SimulatedTimer } from '@/server/trading/scheduler/timer';

function fixture(file: string): TBarColumns {
  const parsed = parseBarsCsv(fs.readFileSync(path.join(process.cwd(), 'tests/fixtures/markets', file)));
  if (!parsed.ok) throw new Error(file);
  return parsed.bars;
}

const etf = fixture('510300.SH_5min_2022-01-18_19.csv'); // close-stamped 5-minute bars, 2 days
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

async function collect(feed: ReturnType<typeof liveFeed>) {
  const out: Array<Array<string | null>> = [];
  for await (const chunk of feed.chunks()) out.push(chunk.bars.map((b) => (b.length === 1 ? iso(b.time[0]) : b.length === 0 ? null : `x${b.length}`)));
  return out;
}

describe('live feed', () => {
  it('catches up on finished bars, then yields one chunk per new bar as the scheduler ticks', async () => {
    // 2022-01-18 10:02 Shanghai: the bars up to 10:00 are finished
    const timer = new SimulatedTimer(Date.parse('2022-01-18T02:02:00Z'));
    const events: TFeedEvent[] = [];
    const feed = liveFeed({
      symbols: ['510300.SH'],
      timeframe: '5m',
      hours: marketHours('cn-a'),
      source: replayBarSource({ '510300.SH': etf }),
      timer,
      from: etf.time[0],
      stamp: 'close',
      delayMs: 1000,
      until: Date.UTC(2022, 0, 19, 15),
      onEvent: (e) => events.push(e),
    });
    const chunks = await collect(feed);
    expect(chunks.length).toBe(etf.length);
    expect(chunks.map((c) => c[0])).toEqual(Array.from(etf.time, iso));
    expect(events.find((e) => e.kind === 'caught-up')).toEqual({ kind: 'caught-up', time: Date.UTC(2022, 0, 18, 10) });
  });

  it('drops re-sent bars and the bar still forming, and fills a gap after a failed fetch', async () => {
    const timer = new SimulatedTimer(Date.parse('2022-01-18T01:31:00Z')); // 09:31, nothing finished yet
    let calls = 0;
    const source: TBarSource = {
      async fetchBars({ symbol, to }) {
        calls++;
        if (calls === 3) throw new Error('HTTP 502');
        // a sloppy provider: always the whole day so far, plus the bar still forming
        return rangeBarColumns(etf, etf.time[0] - 1, to + 5 * 60_000);
        void symbol;
      },
    };
    const events: TFeedEvent[] = [];
    const feed = liveFeed({ symbols: ['510300.SH'], timeframe: '5m', hours: marketHours('cn-a'), source, timer, from: etf.time[0], stamp: 'close', until: Date.UTC(2022, 0, 18, 10, 0), onEvent: (e) => events.push(e) });
    const chunks = await collect(feed);
    expect(chunks.map((c) => c[0])).toEqual(['2022-01-18 09:35', '2022-01-18 09:40', '2022-01-18 09:45', '2022-01-18 09:50', '2022-01-18 09:55', '2022-01-18 10:00']);
    expect(events.filter((e) => e.kind === 'fetch-failed')).toEqual([{ kind: 'fetch-failed', symbol: '510300.SH', error: 'HTTP 502' }]);
  });

  it('several symbols: one chunk per bar time, a symbol without a bar at that time gets an empty slice', async () => {
    const a = rangeBarColumns(etf, 0, Date.UTC(2022, 0, 18, 9, 50));
    const b = rangeBarColumns(etf, Date.UTC(2022, 0, 18, 9, 45), Date.UTC(2022, 0, 18, 10, 0));
    const timer = new SimulatedTimer(Date.parse('2022-01-18T02:30:00Z'));
    const feed = liveFeed({ symbols: ['A', 'B'], timeframe: '5m', hours: marketHours('cn-a'), source: replayBarSource({ A: a, B: b }), timer, from: 0, stamp: 'close', until: 0 });
    expect(await collect(feed)).toEqual([
      ['2022-01-18 09:35', null],
      ['2022-01-18 09:40', null],
      ['2022-01-18 09:45', '2022-01-18 09:45'],
      ['2022-01-18 09:50', '2022-01-18 09:50'],
      [null, '2022-01-18 09:55'],
      [null, '2022-01-18 10:00'],
    ]);
  });

  it('open-stamped 1-minute bars (HK): a bar is finished when the next minute starts', async () => {
    const hk = fixture('00700.HK_1min_2019-02-01_04.csv');
    const timer = new SimulatedTimer(Date.parse('2019-02-01T01:33:30Z')); // 09:33:30 HK
    const feed = liveFeed({ symbols: ['00700.HK'], timeframe: '1m', hours: marketHours('hk'), source: replayBarSource({ '00700.HK': hk }), timer, from: 0, delayMs: 0, until: Date.UTC(2019, 1, 1, 9, 35) });
    // 09:30, 09:31, 09:32 finished at start; then ticks at 09:34 (bar 09:33) and 09:35 (bar 09:34)
    expect((await collect(feed)).map((c) => c[0])).toEqual(['2019-02-01 09:30', '2019-02-01 09:31', '2019-02-01 09:32', '2019-02-01 09:33', '2019-02-01 09:34']);
  });
});
