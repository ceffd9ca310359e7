// `nofx worker` as a real child process on a temp SQLite DATA_DIR, with this test process as the
// app in worker mode (NOFX_TRADERS=worker): the worker resumes a trader left running, writes its
// orders; the app's start/pause/resume/kill switch reach it through the rows; the app's live feed
// (trader.events) comes from watching those rows; SIGTERM stops it cleanly (exit 0) and leaves the
// statuses for the next worker. The env switch refuses a worker while the app runs traders.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller } from '@/server/api/root';
import { createDb, type TDb } from '@/server/db/client';
import { migrateDatabase } from '@/server/db/migrate';
import { resolveDbTarget } from '@/server/db/target';
import { parseEnv } from '@/server/env';
import type { TTraderEvent } from '@/server/services/trader/schemas';
import { getTemplate } from '@/templates';

// This process plays the app server in worker mode (read once, at the first getEnv()).
process.env.NOFX_TRADERS = 'worker';

const ROOT = process.cwd();
const SMA = getTemplate('sma-crossover')!.graph;
const noLimits = { maxOrderValue: null, maxPositionPct: null, maxDailyLossPct: null, maxOrdersPerDay: null };

let dir: string;
let db: TDb;
let alice: ReturnType<typeof createCaller>;
let strategyId: string;
let worker: ChildProcess | null = null;
let out = '';

function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dir, ...extra };
  delete env.DATABASE_URL; // the same database as this "app": the SQLite file in DATA_DIR
  delete env.VITEST;
  return env;
}

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; worker output:\n${out.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const logCodes = async (traderId: string) => (await db.traderLog.findMany({ where: { traderId }, select: { code: true } })).map((l) => l.code);

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'nofx-worker-'));
  const target = resolveDbTarget({ dataDir: dir });
  await migrateDatabase(target);
  db = createDb(target);
  const anonymous = createCaller({ db, userId: null });
  const a = await anonymous.auth.signUp({ email: 'alice@example.com', name: 'Alice', password: 'alice-password' });
  alice = createCaller({ db, userId: a.id });
  const s = await alice.strategy.create({ name: 'SMA crossover' });
  await alice.strategy.saveGraph({ id: s.id, graph: SMA as never });
  strategyId = s.id;
}, 120_000);

afterAll(async () => {
  if (worker && worker.exitCode === null) worker.kill('SIGKILL');
  await db?.$disconnect();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('nofx worker', () => {
  it('NOFX_TRADERS accepts app or worker and names itself when wrong', () => {
    expect(parseEnv({ NOFX_TRADERS: 'worker' }).NOFX_TRADERS).toBe('worker');
    expect(parseEnv({ NOFX_TRADERS: '' }).NOFX_TRADERS).toBeUndefined();
    expect(() => parseEnv({ NOFX_TRADERS: 'both' })).toThrow(/NOFX_TRADERS: must be app or worker/);
  });

  it('refuses to start unless the app is in worker mode too (exactly one process runs traders)', () => {
    const r = spawnSync(process.execPath, ['cli/nofx.mjs', 'worker'], { cwd: ROOT, env: childEnv({ NOFX_TRADERS: 'app' }), encoding: 'utf8', timeout: 120_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('NOFX_TRADERS=worker');
  }, 130_000);

  it('resumes a running replay trader, follows the app’s requests, feeds the app’s live events, exits cleanly on SIGTERM', async () => {
    // a trader the "previous process" left running
    const left = await alice.trader.create({ name: 'left running', strategyId, symbols: ['SPY.US'], timeframe: '1d', initialCash: 100_000, risk: noLimits, dataSource: 'replay', replayFrom: '2010-01-04', replaySpeedMs: 20 });
    await db.trader.update({ where: { id: left.id }, data: { status: 'running', startedAt: new Date() } });

    worker = spawn(process.execPath, ['cli/nofx.mjs', 'worker', '--poll-ms', '200'], { cwd: ROOT, env: childEnv({ NOFX_TRADERS: 'worker' }), stdio: ['ignore', 'pipe', 'pipe'] });
    worker.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    worker.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => worker!.on('exit', (code) => resolve(code)));

    await until(() => db.traderOrder.count({ where: { traderId: left.id } }), (n) => n >= 2, 'the resumed trader’s orders', 120_000);
    expect(out).toContain(`trader ${left.id} (left running) running`);
    expect(await db.traderFill.count({ where: { traderId: left.id } })).toBeGreaterThanOrEqual(1);

    // the app's live feed in worker mode: its rows, watched every second
    const feed = (await alice.trader.events({ traderId: left.id }))[Symbol.asyncIterator]();
    const batch = (await feed.next()).value as unknown as [string, { events: TTraderEvent[] }];
    expect(batch[1].events.some((e) => e.type === 'bar' && e.traderId === left.id)).toBe(true);

    // pause / resume from the app: the worker carries them out and logs them
    expect((await alice.trader.pause({ id: left.id })).status).toBe('paused');
    await until(() => logCodes(left.id), (c) => c.includes('paused'), 'the worker to pause it');
    const statusEvent = async () => {
      for (;;) {
        const next = (await feed.next()).value as unknown as [string, { events: TTraderEvent[] }];
        if (next[1].events.some((e) => e.type === 'status')) return next[1].events;
      }
    };
    await statusEvent(); // the app's own request, announced at once
    expect((await alice.trader.resume({ id: left.id })).status).toBe('running');
    await until(() => logCodes(left.id), (c) => c.includes('resumed'), 'the worker to resume it');

    // the kill switch: open orders cancelled and stopped by the worker, with its log line
    await alice.trader.stop({ id: left.id, cancelOrders: true });
    const killed = await until(
      () => db.trader.findUniqueOrThrow({ where: { id: left.id } }),
      (r) => r.status === 'stopped' && r.statusReason === '',
      'the kill switch',
    );
    expect(killed.status).toBe('stopped');
    expect(await logCodes(left.id)).toContain('kill_switch');
    expect(await db.traderOrder.count({ where: { traderId: left.id, status: 'submitted' } })).toBe(0);
    await feed.return?.(undefined);

    // a trader started from the app runs in the worker, not here
    const fresh = await alice.trader.create({ name: 'fresh', strategyId, symbols: ['SPY.US'], timeframe: '1d', initialCash: 100_000, risk: noLimits, dataSource: 'replay', replayFrom: '2012-01-03', replaySpeedMs: 20 });
    expect((await alice.trader.start({ id: fresh.id })).status).toBe('running');
    await until(() => db.traderOrder.count({ where: { traderId: fresh.id } }), (n) => n >= 1, 'the started trader’s orders', 120_000);

    worker.kill('SIGTERM');
    const code = await Promise.race([exited, new Promise<'hung'>((r) => setTimeout(() => r('hung'), 20_000))]);
    expect(code, out.slice(-2000)).toBe(0);
    expect(out).toContain('SIGTERM');
    expect(out).toContain('traders stopped, exiting');
    // its status stays running, so the next worker resumes it from its journal
    expect((await db.trader.findUniqueOrThrow({ where: { id: fresh.id } })).status).toBe('running');
    expect(out).not.toMatch(/Unhandled|TypeError/);
  }, 240_000);
});
