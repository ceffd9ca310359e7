// strategy.getVersion (the editor's version history: preview and restore) through the real router
// on a real SQLite database.
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller } from '@/server/api/root';
import { createTempSqliteDb, type TTestDb } from './helpers/sqlite';

let t: TTestDb;
let alice: ReturnType<typeof createCaller>;
let bob: ReturnType<typeof createCaller>;

beforeAll(async () => {
  t = await createTempSqliteDb();
  const anonymous = createCaller({ db: t.db, userId: null });
  const a = await anonymous.auth.signUp({ email: 'alice-v@example.com', name: 'Alice', password: 'alice-password' });
  const b = await anonymous.auth.signUp({ email: 'bob-v@example.com', name: 'Bob', password: 'bob-password' });
  alice = createCaller({ db: t.db, userId: a.id });
  bob = createCaller({ db: t.db, userId: b.id });
});
afterAll(async () => {
  await t?.cleanup();
});

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (err instanceof TRPCError) return err.code;
    throw err;
  }
  throw new Error('expected the call to fail');
}

const graphWith = (period: number) => ({
  version: 1,
  nodes: [{ id: 'sma', type: 'indicator.sma', params: { period }, position: { x: 0, y: 0 } }],
  edges: [],
});

describe('strategy.getVersion', () => {
  it('returns the graph each version saved, with its note', async () => {
    const s = await alice.strategy.create({ name: 'history' });
    await alice.strategy.saveGraph({ id: s.id, graph: graphWith(5) });
    await alice.strategy.saveGraph({ id: s.id, graph: graphWith(10), note: 'restore:1' });
    const v1 = await alice.strategy.getVersion({ id: s.id, version: 1 });
    expect(v1).toMatchObject({ version: 1, note: '', graph: graphWith(5) });
    expect(Date.parse(v1.createdAt)).not.toBeNaN();
    expect(await alice.strategy.getVersion({ id: s.id, version: 2 })).toMatchObject({ version: 2, note: 'restore:1', graph: graphWith(10) });
  });

  it('another user, an unknown version or a bad number is refused', async () => {
    const s = await alice.strategy.create({ name: 'private' });
    await alice.strategy.saveGraph({ id: s.id, graph: graphWith(5) });
    expect(await codeOf(bob.strategy.getVersion({ id: s.id, version: 1 }))).toBe('NOT_FOUND');
    expect(await codeOf(alice.strategy.getVersion({ id: s.id, version: 7 }))).toBe('NOT_FOUND');
    expect(await codeOf(alice.strategy.getVersion({ id: s.id, version: 0 }))).toBe('BAD_REQUEST');
  });
});
