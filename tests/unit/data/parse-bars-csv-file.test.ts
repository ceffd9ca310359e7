import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseBarsCsv, parseBarsCsvFile, type TParseBarsOptions, type TParseBarsResult } from '@/server/data/parse-bars-csv';

/**
 * parseBarsCsvFile reads a file in 1 MB pieces; it must give exactly what parseBarsCsv gives on
 * the whole file: the same bars, and the same errors with the same row numbers, including rows
 * cut by a piece boundary.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nofx-csv-file-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function both(name: string, text: string, options: TParseBarsOptions = {}): [TParseBarsResult, TParseBarsResult] {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return [parseBarsCsvFile(file, options), parseBarsCsv(fs.readFileSync(file), options)];
}

function plain(r: TParseBarsResult) {
  if (!r.ok) return r;
  const { bars, ...rest } = r;
  return { ...rest, columns: Object.fromEntries(Object.entries(bars).map(([k, v]) => [k, typeof v === 'number' ? v : Array.from(v as Float64Array)])) };
}

/** ~3.5 MB of daily rows, so pieces end mid-row; `bad` rows (0-based data row → text) replace good ones. */
function bigCsv(rows: number, bad: Record<number, string> = {}, eol = '\n'): string {
  const lines = ['date,open,high,low,close,volume'];
  let day = Date.UTC(1990, 0, 1);
  for (let i = 0; i < rows; i++) {
    const d = new Date(day).toISOString().slice(0, 10);
    const p = 100 + (i % 977) / 7;
    lines.push(bad[i] ?? `${d},${p.toFixed(2)},${(p + 1.25).toFixed(2)},${(p - 1.5).toFixed(3)},${(p + 0.5).toFixed(2)},${1000 + i}`);
    day += 86_400_000;
  }
  return lines.join(eol) + eol;
}

describe('parseBarsCsvFile', () => {
  it('reads a multi-piece file exactly as parseBarsCsv reads it whole', () => {
    const [file, whole] = both('big.csv', bigCsv(60_000));
    expect(file.ok && file.bars.length).toBe(60_000);
    expect(plain(file)).toEqual(plain(whole));
  });

  it('reports the same bad rows, with the same row numbers, wherever they fall', () => {
    const bad = { 10: '1990-01-11,abc,2,1,1,5', 23_000: '1990-01-01,1,2,1,1,5', 30_000: '1990-02-30,1,2,1,1,5', 40_000: '2100-01-01,1,2,3', 45_000: '2100-01-01,1,1,2,1,-5' };
    const [file, whole] = both('bad.csv', bigCsv(50_000, bad));
    expect(file.ok).toBe(false);
    expect(plain(file)).toEqual(plain(whole));
    const [fileSkip, wholeSkip] = both('bad-skip.csv', bigCsv(50_000, bad), { skipBadRows: true });
    expect(fileSkip.ok).toBe(true);
    expect(plain(fileSkip)).toEqual(plain(wholeSkip));
  });

  it('handles CRLF, a BOM, no final line feed, short rows after a long first row, and empty files', () => {
    const crlf = bigCsv(30_000, {}, '\r\n');
    expect(plain(both('crlf.csv', crlf)[0])).toEqual(plain(both('crlf.csv', crlf)[1]));
    const bom = '\ufeff' + bigCsv(300).trimEnd();
    const [a, b] = both('bom.csv', bom);
    expect(a.ok && a.bars.length).toBe(300);
    expect(plain(a)).toEqual(plain(b));
    // the first row is padded, so the capacity guessed from it is too small and the columns grow
    const padded = bigCsv(10_000).replace(/\n(\d{4}-\d\d-\d\d),/, (_m, d: string) => `\n${d},${' '.repeat(400)}`);
    const [c, d] = both('padded.csv', padded);
    expect(c.ok && c.bars.length).toBe(10_000);
    expect(plain(c)).toEqual(plain(d));
    for (const text of ['', 'date,open,high,low,close,volume\n', 'date,open\n2020-01-01,1\n']) {
      const [e, f] = both('small.csv', text);
      expect(e.ok).toBe(false);
      expect(plain(e)).toEqual(plain(f));
    }
  });

  it('throws the file system error for a missing file', () => {
    expect(() => parseBarsCsvFile(path.join(dir, 'missing.csv'))).toThrow(/ENOENT/);
  });
});
