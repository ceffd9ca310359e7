import { describe, expect, it } from 'vitest';
import { parseBarsCsv } from '@/server/data/parse-bars-csv';

const HEADER = 'date,open,high,low,close,volume';

function errorsOf(text: string) {
  const result = parseBarsCsv(text);
  if (result.ok) throw new Error('expected the CSV to fail');
  return result.errors;
}

describe('parseBarsCsv', () => {
  it('reads daily bars into columns, times as UTC midnight', () => {
    const result = parseBarsCsv(`${HEADER}\n2024-01-02,10,11,9.5,10.5,1000\n2024-01-03,10.5,12,10,11.75,2000\n`);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.bars.length).toBe(2);
    expect(Array.from(result.bars.time)).toEqual([Date.UTC(2024, 0, 2), Date.UTC(2024, 0, 3)]);
    expect(Array.from(result.bars.close)).toEqual([10.5, 11.75]);
    expect(Number.isNaN(result.bars.amount[0])).toBe(true);
    expect(result.intraday).toBe(false);
  });

  it('reads intraday datetimes, CRLF line ends, an amount column, a BOM and columns in any order', () => {
    const text = '\ufeffdatetime,close,open,high,low,volume,amount\r\n2024-01-02 09:31:00,10.5,10,11,9.5,100,1050\r\n2024-01-02 09:32,10.6,10.5,10.7,10.4,50,530\r\n';
    const result = parseBarsCsv(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.intraday).toBe(true);
    expect(result.bars.time[0]).toBe(Date.UTC(2024, 0, 2, 9, 31));
    expect(result.bars.time[1]).toBe(Date.UTC(2024, 0, 2, 9, 32));
    expect(Array.from(result.bars.open)).toEqual([10, 10.5]);
    expect(Array.from(result.bars.amount)).toEqual([1050, 530]);
  });

  it('parses numbers exactly like parseFloat, including exponents and long mantissas', () => {
    const values = ['0.1', '1234.5678', '2.175', '0.000123', '1e3', '-3.5', '123456789.123456789', '7'];
    const rows = values.map((v, k) => `2024-01-${String(k + 1).padStart(2, '0')},${v},${Math.max(Number(v), 1e9)},-1e9,${v},0`);
    const result = parseBarsCsv(`${HEADER}\n${rows.join('\n')}`);
    expect(result.ok).toBe(true);
    if (result.ok) expect(Array.from(result.bars.open)).toEqual(values.map(Number));
  });

  it('names the row and field of every bad value', () => {
    const errors = errorsOf(`${HEADER}\n2024-01-02,10,11,9,10,100\n2024-01-03,10,abc,9,10,100\n2024-02-30,10,11,9,10,100\n2024-01-05,10,11,9,,100\n`);
    expect(errors).toEqual([
      { row: 3, field: 'high', message: 'not a number: "abc"', code: 'not_a_number', params: { value: 'abc' } },
      { row: 4, field: 'date', message: expect.stringContaining('not a date: "2024-02-30"'), code: 'not_a_date', params: { value: '2024-02-30' } },
      { row: 5, field: 'close', message: 'empty value', code: 'empty_value' },
    ]);
  });

  it('rejects high below low, negative volume, unsorted and duplicate times', () => {
    const errors = errorsOf(`${HEADER}\n2024-01-03,10,9,11,10,100\n2024-01-04,10,11,9,10,-5\n2024-01-05,10,11,9,10,1\n2024-01-05,10,11,9,10,1\n2024-01-01,10,11,9,10,1\n`);
    expect(errors.map((e) => [e.row, e.field])).toEqual([
      [2, 'high'],
      [3, 'volume'],
      [5, 'date'],
      [6, 'date'],
    ]);
    expect(errors[2].message).toContain('duplicate');
    expect(errors[3].message).toContain('sorted');
  });

  it('reports missing columns and wrong field counts', () => {
    expect(errorsOf('date,open,high,low,volume\n')).toEqual([{ row: 1, field: 'close', message: 'missing column "close"', code: 'missing_column', params: { column: 'close' } }]);
    expect(errorsOf('open,high,low,close,volume\n')[0].message).toContain('no date column');
    expect(errorsOf(`${HEADER}\n2024-01-02,10,11,9,10\n`)).toEqual([{ row: 2, message: 'expected 6 fields, found 5', code: 'wrong_field_count', params: { expected: 6, found: 5 } }]);
  });

  it('reports an empty file and a header without bars', () => {
    expect(errorsOf('')[0].message).toBe('the file is empty');
    expect(errorsOf(`${HEADER}\n`)[0].message).toContain('no bars');
  });

  it('caps the list of errors but counts them all', () => {
    const rows = Array.from({ length: 50 }, (_, k) => `2024-01-${String((k % 28) + 1).padStart(2, '0')},x,1,1,1,1`);
    const result = parseBarsCsv(`${HEADER}\n${rows.join('\n')}`);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.length).toBe(20);
      expect(result.totalErrors).toBe(50);
    }
  });

  it('accepts bytes as well as text', () => {
    const bytes = new TextEncoder().encode(`${HEADER}\n20240102,1,2,0.5,1.5,10\n`);
    const result = parseBarsCsv(bytes);
    expect(result.ok && result.bars.time[0]).toBe(Date.UTC(2024, 0, 2));
  });
});

describe('parseBarsCsv with skipBadRows', () => {
  it('keeps the good rows and lists the skipped ones', () => {
    const result = parseBarsCsv(`${HEADER}\n2024-01-02,10,11,9,10,100\n2024-01-03,10,9,11,10,100\n2024-01-04,10,11,9,10.5,100\n`, { skipBadRows: true });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Array.from(result.bars.close)).toEqual([10, 10.5]);
    expect(result.skipped).toEqual([{ row: 3, field: 'high', message: 'high 9 is below low 11', code: 'high_below_low', params: { high: 9, low: 11 } }]);
    expect(result.totalSkipped).toBe(1);
  });
});
