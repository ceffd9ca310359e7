// Session-aware resampling on the bundled intraday files: CN 5-minute bars into hours (no bar
// across the lunch break), HK 1-minute into 15 minutes and days, crypto hours into UTC days.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rangeBarColumns, type TBarColumns } from '@/server/data/bar-columns';
import { parseBarsCsv } from '@/server/data/parse-bars-csv';
import { canResample, resampleBars } from '@/server/data/resample-bars';

function load(file: string): TBarColumns {
  const parsed = parseBarsCsv(fs.readFileSync(`data/market/${file}`));
  if (!parsed.ok) throw new Error(file);
  return parsed.bars;
}
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const clock = (bars: TBarColumns) => [...bars.time].map((t) => new Date(t).toISOString().slice(11, 16));
const sum = (a: Float64Array) => a.reduce((x, y) => x + y, 0);

describe('resampleBars', () => {
  it('CN 5m → 1h: 10:30, 11:30, 14:00, 15:00 with OHLCV aggregated', () => {
    const five = rangeBarColumns(load('510300.SH_5min.csv'), day('2022-01-18'), day('2022-01-19') - 1);
    const hours = resampleBars(five, { from: '5m', to: '1h', market: 'cn-a', barTime: 'end' });
    expect(clock(hours)).toEqual(['10:30', '11:30', '14:00', '15:00']);
    expect(hours.open[0]).toBe(five.open[0]);
    expect(hours.close[3]).toBe(five.close[five.length - 1]);
    expect(hours.high[0]).toBe(Math.max(...five.high.subarray(0, 12)));
    expect(sum(hours.volume)).toBeCloseTo(sum(five.volume), 6);
  });

  it('HK 1m → 15m puts the 09:30 auction bar into the first bucket and ends the morning at 12:00', () => {
    const minutes = rangeBarColumns(load('00700.HK_1min.csv'), day('2019-01-02'), day('2019-01-03') - 1);
    const q = resampleBars(minutes, { from: '1m', to: '15m', market: 'hk', barTime: 'end' });
    const c = clock(q);
    expect(c[0]).toBe('09:45');
    expect(c).toContain('12:00');
    expect(c).not.toContain('12:15');
    expect(c[c.indexOf('12:00') + 1]).toBe('13:15');
    expect(c.at(-1)).toBe('16:00');
    expect(q.length).toBe(10 + 12);
    expect(q.open[0]).toBe(minutes.open[0]);
    const d = resampleBars(minutes, { from: '1m', to: '1d', market: 'hk', barTime: 'end' });
    expect(d.length).toBe(1);
    expect(d.time[0]).toBe(day('2019-01-02'));
    expect(d.volume[0]).toBe(sum(minutes.volume));
  });

  it('HK half day (Lunar New Year eve 2019-02-04) has morning buckets only', () => {
    const minutes = rangeBarColumns(load('00700.HK_1min.csv'), day('2019-02-04'), day('2019-02-05') - 1);
    const h = resampleBars(minutes, { from: '1m', to: '1h', market: 'hk', barTime: 'end' });
    expect(clock(h)).toEqual(['10:30', '11:30', '12:00']);
  });

  it('crypto hours (stamped at their start) → UTC days and Monday weeks', () => {
    const hours = rangeBarColumns(load('BTCUSDT_hourly.csv'), day('2022-01-01'), day('2022-01-31') - 1);
    const days = resampleBars(hours, { from: '1h', to: '1d', market: 'crypto', barTime: 'start' });
    const daily = rangeBarColumns(load('BTCUSDT_daily.csv'), day('2022-01-01'), day('2022-01-30'));
    expect(days.length).toBe(30);
    expect(days.open[0]).toBe(daily.open[0]);
    expect(days.close[5]).toBe(daily.close[5]);
    const weeks = resampleBars(daily, { from: '1d', to: '1w', market: 'crypto', barTime: 'start' });
    expect(new Date(weeks.time[1]).getUTCDay()).toBe(0); // labelled by the week's last day (Sunday for 24/7 markets)
  });

  it('refuses to go finer', () => {
    expect(canResample('1d', '1h')).toBe(false);
    expect(() => resampleBars(load('SPY.US_daily.csv'), { from: '1d', to: '1h', market: 'us', barTime: 'end' })).toThrow();
  });
});
