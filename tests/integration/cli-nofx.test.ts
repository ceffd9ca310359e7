import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = process.cwd();
function nofx(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, 'cli/nofx.mjs'), ...args], { encoding: 'utf8', cwd: root });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const market = (f: string) => path.join(root, 'data/market', f);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nofx-cli-'));
const write = (name: string, text: string) => {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, text);
  return file;
};

describe('nofx backtest', () => {
  it('prints one JSON object with metrics, trades, fills, equity and timing', () => {
    const r = nofx('backtest', '--strategy', 'sma-crossover', '--data', market('ORCL.US_daily.csv'), '--market', 'us', '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(Object.keys(out.metrics)).toEqual(expect.arrayContaining(['finalEquity', 'totalReturn', 'annualReturn', 'maxDrawdown', 'sharpe', 'sortino', 'calmar', 'volatility', 'trades', 'winRate', 'profitFactor', 'fees', 'exposure']));
    expect(out.metrics.trades).toBe(out.trades.length);
    expect(out.trades[0]).toEqual(expect.objectContaining({ symbol: 'ORCL.US', side: 'long', entryTime: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }));
    expect(out.fills[0]).toEqual(expect.objectContaining({ side: 'buy', symbol: 'ORCL.US' }));
    expect(out.equity.length).toBe(5036);
    expect(out.equity.at(-1).equity).toBeCloseTo(out.metrics.finalEquity, 6);
    expect(out.timing).toEqual({ bars: 5036, loadMs: expect.any(Number), compileMs: expect.any(Number), runMs: expect.any(Number) });
  });

  it('takes param overrides, a date range, close fills and a benchmark', () => {
    const r = nofx('backtest', '--strategy', 'sma-crossover', '--data', market('SPY.US_daily.csv'), '--param', 'fast.period=5', '--param', 'slow.period=20',
      '--from', '2010-01-01', '--to', '2012-12-31', '--fill', 'close', '--benchmark', market('SPX.US_daily.csv'), '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.equity[0].time).toBe('2010-01-04');
    expect(out.equity.at(-1).time).toBe('2012-12-31');
    expect(out.metrics.beta).toBeGreaterThan(0);
    expect(out.metrics.benchmarkReturn).toBeGreaterThan(0);
    const base = JSON.parse(nofx('backtest', '--strategy', 'sma-crossover', '--data', market('SPY.US_daily.csv'), '--from', '2010-01-01', '--to', '2012-12-31', '--fill', 'close', '--json').out);
    expect(out.metrics.trades).not.toBe(base.metrics.trades); // the override changed the strategy
  });

  it('prints a readable summary without --json', () => {
    const r = nofx('backtest', '--strategy', 'sma-crossover', '--data', market('SPY.US_daily.csv'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Final equity\s+1,578,294\.49/);
    expect(r.out).toContain('Sharpe');
  });

  it('a bad CSV exits 1 naming the file, row and reason — no stack trace', () => {
    const file = write('bad.csv', 'date,open,high,low,close,volume\n2024-01-02,1,2,0.5,1,10\n2024-01-03,1,0.5,2,1,10\n');
    const r = nofx('backtest', '--strategy', 'sma-crossover', '--data', file);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${file}: row 3, field "high": high 0.5 is below low 2`);
    expect(r.err).not.toMatch(/\bat .*\.m?js:\d+/);
  });

  it('missing files, columns and options get one clear line each', () => {
    expect(nofx('backtest', '--strategy', 'sma-crossover', '--data', path.join(tmp, 'nope.csv')).err).toContain('no such file');
    expect(nofx('backtest', '--strategy', 'sma-crossover', '--data', write('cols.csv', 'date,open,high,low\n')).err).toContain('missing column "close"');
    expect(nofx('backtest', '--strategy', 'sma-crossover', '--data', write('empty.csv', '')).err).toContain('the file is empty');
    expect(nofx('backtest', '--strategy', 'sma-crossover').err).toContain('--data is required');
    expect(nofx('backtest', '--bogus').err).toContain('unknown option --bogus');
    expect(nofx('backtest', '--strategy', 'nope', '--data', market('SPY.US_daily.csv')).err).toContain('neither a graph JSON file nor a built-in template');
    expect(nofx('backtest', '--strategy', 'sma-crossover', '--data', market('SPY.US_daily.csv'), '--param', 'fast.period=0').err).toContain('node "fast" [invalid_param]');
    expect(nofx('backtest', '--strategy', 'sma-crossover', '--data', market('SPY.US_daily.csv'), '--cash', 'lots').err).toContain('--cash must be a number');
  });
});

describe('nofx validate', () => {
  it('ok for a template, per-node errors and exit 1 for a broken graph', () => {
    const good = nofx('validate', 'sma-crossover');
    expect(good.code).toBe(0);
    expect(good.out).toContain('ok');
    const broken = write('broken.json', JSON.stringify({ version: 1, nodes: [{ id: 'a', type: 'indicator.sma', params: { period: -3 } }, { id: 'b', type: 'wat' }], edges: [] }));
    const r = nofx('validate', broken);
    expect(r.code).toBe(1);
    expect(r.err).toContain('node "a" [invalid_param]');
    expect(r.err).toContain('node "b" [unknown_node_type]');
    expect(r.err).toContain('graph [no_order_output]');
    const notJson = write('x.json', '{ nope');
    expect(nofx('validate', notJson).err).toContain('is not valid JSON');
  });
});
