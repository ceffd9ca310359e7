// "Rules of this run" through the tRPC router on SQLite with the bundled data: an A-share run
// across the 2022 transfer-fee and 2023 stamp-duty cuts shows both changes with their dates; an
// HK run shows its board lot and stamp duty; a US run the generic rules; another user gets NOT_FOUND.
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InProcessJobRunner } from '@/server/jobs/in-process-runner';
import { createBacktestJobs, installBacktestJobs, type TBacktestJobs } from '@/server/services/backtest/backtest-jobs';
import { runEngineInThread } from '@/server/services/backtest/run-engine';
import { getTemplate } from '@/templates';
import { createTempSqliteDb, type TTestDb } from './helpers/sqlite';
import { signUpAliceAndBob, type TCaller } from './helpers/users';

let t: TTestDb;
let jobs: TBacktestJobs;
let alice: TCaller;
let bob: TCaller;

beforeAll(async () => {
  t = await createTempSqliteDb();
  jobs = createBacktestJobs(t.db, new InProcessJobRunner({ concurrency: 1 }), { runEngine: runEngineInThread, log: () => undefined });
  installBacktestJobs(t.db, jobs);
  ({ alice, bob } = await signUpAliceAndBob(t.db));
});
afterAll(async () => {
  await jobs?.runner.close();
  await t?.cleanup();
});

async function run(symbol: string, from: string, to: string, costs: Record<string, number> = {}) {
  const { id } = await alice.backtest.start({ graph: getTemplate('sma-crossover')!.graph as never, symbols: [{ symbol }], from, to, initialCash: 1_000_000, costs });
  await jobs.runner.idle();
  expect((await alice.backtest.get({ id })).status).toBe('succeeded');
  return id;
}

describe('backtest.rules', () => {
  it('A-shares: the rules on the first bar, and the fee cuts that happened during the run', async () => {
    const id = await run('600519.SH', '2022-01-04', '2023-12-29', { minCommission: 1 });
    const [moutai] = await alice.backtest.rules({ id });
    expect(moutai).toMatchObject({ symbol: '600519.SH', market: 'cn-a', currency: 'CNY', lotSize: 100 });
    const rule = (rid: string) => moutai.rules.find((r) => r.id === rid)!;
    expect(rule('stamp-duty').value).toMatch(/^0\.1% of value, sells only/);
    expect(rule('stamp-duty').changed).toMatchObject({ since: '2023-08-28' });
    expect(rule('stamp-duty').changed!.value).toMatch(/^0\.05% of value/);
    expect(rule('transfer-fee').changed).toMatchObject({ since: '2022-04-29' });
    expect(rule('price-limit').value).toMatch(/±10%/);
    expect(rule('price-limit').changed).toBeUndefined();
    expect(rule('settlement').value).toMatch(/^T\+1/);
    // Market defaults under the run's own settings: CN commission 0.025%, minimum overridden to 1.
    expect(moutai.costs).toEqual({ commissionRate: 0.00025, minCommission: 1, slippageBps: 0 });
  });

  it('HK: board lot, the 2021-08-01 stamp-duty rise during the run, no price limit', async () => {
    const id = await run('00700.HK', '2021-01-04', '2021-10-21');
    const [tencent] = await alice.backtest.rules({ id });
    expect(tencent).toMatchObject({ market: 'hk', lotSize: 100, currency: 'HKD' });
    const duty = tencent.rules.find((r) => r.id === 'stamp-duty')!;
    expect(duty.value).toMatch(/0\.1%/);
    expect(duty.changed).toMatchObject({ since: '2021-08-01' });
    expect(duty.changed!.value).toMatch(/0\.13%/);
    expect(tencent.rules.some((r) => r.id === 'price-limit' && /limit/i.test(r.value))).toBe(false);
  });

  it('US: generic rules (whole shares, T+0, no limit); other users cannot read them', async () => {
    const id = await run('SPY.US', '2016-01-04', '2016-12-30');
    const [spy] = await alice.backtest.rules({ id });
    expect(spy.rules.map((r) => [r.id, r.value])).toEqual([
      ['lot', 'whole shares'],
      ['settlement', 'T+0: sellable the day they are bought'],
      ['price-limit', 'none'],
    ]);
    const err = await bob.backtest.rules({ id }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TRPCError);
    expect((err as TRPCError).code).toBe('NOT_FOUND');
  });
});
