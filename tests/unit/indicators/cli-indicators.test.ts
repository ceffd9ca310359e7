import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runIndicatorsCommand, resolveIndicators } from '@/cli/commands/indicators';
import { CliError } from '@/cli/cli-error';
import { FIXTURES, loadTalib, maxError } from './helpers';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const PARITY_SPEC = 'sma:20,ema:20,rsi:14,macd:12:26:9,bbands:20:2:2,atr:14,stoch:14:3:3,adx:14,cci:20,obv,willr:14,mfi:14,kama:30,sar:0.02:0.2';
/** TA-Lib reference column → `nofx indicators` column (the names compare_talib.py expects) */
const COLUMN_MAP: Record<string, string> = {
  sma20: 'sma:20', ema20: 'ema:20', rsi14: 'rsi:14', macd: 'macd:12:26:9.macd', macd_signal: 'macd:12:26:9.signal', macd_hist: 'macd:12:26:9.hist',
  bb_upper: 'bbands:20:2:2.upper', bb_middle: 'bbands:20:2:2.middle', bb_lower: 'bbands:20:2:2.lower', atr14: 'atr:14',
  stoch_k: 'stoch:14:3:3.k', stoch_d: 'stoch:14:3:3.d', adx14: 'adx:14', cci20: 'cci:20', obv: 'obv', willr14: 'willr:14',
  mfi14: 'mfi:14', kama30: 'kama:30', sar: 'sar:0.02:0.2',
};

async function capture(argv: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    const code = await runIndicatorsCommand(argv);
    return { code, out };
  } finally {
    spy.mockRestore();
  }
}

function parseCsv(text: string): { header: string[]; rows: string[][] } {
  const lines = text.trim().split('\n');
  return { header: lines[0].split(','), rows: lines.slice(1).map((l) => l.split(',')) };
}

afterEach(() => vi.restoreAllMocks());

describe('nofx indicators', () => {
  it('prints every TA-Lib reference column, matching TA-Lib within 1e-9', async () => {
    const { code, out } = await capture(['--data', path.join(FIXTURES, 'BTCUSDT_daily.csv'), '--ind', PARITY_SPEC, '--format', 'csv']);
    expect(code).toBe(0);
    const { header, rows } = parseCsv(out);
    expect(header[0]).toBe('date');
    expect(header.slice(1).sort()).toEqual(Object.values(COLUMN_MAP).sort());
    const ref = loadTalib('BTCUSDT_daily');
    expect(rows.length).toBe(ref.sma20.length);
    expect(rows[0][0]).toBe('2017-08-17');
    for (const [refCol, col] of Object.entries(COLUMN_MAP)) {
      const k = header.indexOf(col);
      const ours = Float64Array.from(rows, (r) => (r[k] === '' ? NaN : Number(r[k])));
      expect(maxError(ref[refCol], ours), col).toBeLessThanOrEqual(1e-9);
      // empty exactly where TA-Lib has no value
      ref[refCol].forEach((v, i) => expect(rows[i][k] === '', `${col} row ${i}`).toBe(Number.isNaN(v)));
    }
  });

  it('prints JSON rows with null before the first value; Chinese specs and candle signals', async () => {
    const { code, out } = await capture(['--data', path.join(FIXTURES, '09988.HK_daily.csv'), '--ind', 'rsi:14,kdj:9:3:3,boll,tdx_macd,cdl_engulfing', '--format', 'json']);
    expect(code).toBe(0);
    const rows = JSON.parse(out) as Array<Record<string, unknown>>;
    expect(rows[0].date).toBe('2019-11-26');
    expect(rows[13]['rsi:14']).toBeNull();
    expect(typeof rows[14]['rsi:14']).toBe('number');
    expect(Object.keys(rows[0])).toEqual([
      'date', 'rsi:14', 'kdj:9:3:3.k', 'kdj:9:3:3.d', 'kdj:9:3:3.j', 'boll.upper', 'boll.middle', 'boll.lower',
      'tdx_macd.macd', 'tdx_macd.signal', 'tdx_macd.hist', 'cdl_engulfing.bullish', 'cdl_engulfing.bearish',
    ]);
    expect(rows[0]['kdj:9:3:3.k']).not.toBeNull();
    expect(rows[18]['boll.middle']).toBeNull();
    expect(typeof rows[19]['boll.middle']).toBe('number');
    expect(rows[1]['cdl_engulfing.bullish']).toBeNull(); // before the pattern's lookback (2)
    expect(typeof rows[20]['cdl_engulfing.bullish']).toBe('boolean');
  });

  it('names the problem in one line for a bad spec', () => {
    const bad = (s: string) => {
      try {
        resolveIndicators(s);
      } catch (e) {
        expect(e).toBeInstanceOf(CliError);
        expect((e as Error).message).not.toContain('\n');
        return (e as Error).message;
      }
      throw new Error(`"${s}" was accepted`);
    };
    expect(bad('rsx:14')).toMatch(/unknown indicator "rsx".*valid names: sma, ema/);
    expect(bad('rsi:abc')).toMatch(/"rsi:abc": period must be a number/);
    expect(bad('rsi:1')).toMatch(/"rsi:1": period: /);
    expect(bad('sma:20:3')).toMatch(/takes at most 1 parameter \(period\), got 2/);
    expect(bad('obv:3')).toMatch(/obv takes no parameters/);
    expect(bad('rsi,rsi')).toMatch(/listed twice/);
    expect(bad(' , ')).toMatch(/--ind is empty/);
  });

  it('names the file, row and field for a bad CSV', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nofx-ind-'));
    const file = path.join(dir, 'bad.csv');
    fs.writeFileSync(file, 'date,open,high,low,close,volume\n2024-01-02,1,2,0.5,1.5,100\n2024-01-03,1,x,0.5,1.5,100\n2024-01-04,1,2,0.5,,100\n');
    await expect(runIndicatorsCommand(['--data', file, '--ind', 'sma:2'])).rejects.toThrow(/bad\.csv: row 3, field "high": not a number: "x" \(and 1 more bad row\)/);
    await expect(runIndicatorsCommand(['--data', path.join(dir, 'none.csv'), '--ind', 'sma:2'])).rejects.toThrow(/cannot read .*none\.csv: no such file/);
    await expect(runIndicatorsCommand(['--ind', 'sma:2'])).rejects.toThrow(/--data <bars.csv> is required/);
    await expect(runIndicatorsCommand(['--data', file])).rejects.toThrow(/--ind .* is required/);
    await expect(runIndicatorsCommand(['--data', file, '--ind', 'sma', '--format', 'xml'])).rejects.toThrow(/--format must be csv or json/);
    fs.rmSync(dir, { recursive: true });
  });

  it('through the real launcher: exit 1 and a single line on stderr', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'cli/nofx.mjs'), 'indicators', '--data', path.join(FIXTURES, 'BTCUSDT_daily.csv'), '--ind', 'nope'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^nofx indicators: unknown indicator "nope"/);
    const ok = execFileSync(process.execPath, [path.join(ROOT, 'cli/nofx.mjs'), 'indicators', '--data', path.join(FIXTURES, '09988.HK_daily.csv'), '--ind', 'sma:3'], { encoding: 'utf8' });
    const lines = ok.trim().split('\n');
    expect(lines[0]).toBe('date,sma:3');
    expect(lines[1]).toBe('2019-11-26,');
    expect(lines[3]).toMatch(/^2019-11-28,\d/);
    expect(lines.length).toBe(690);
  });
});
