// The strategy API through the real tRPC router (createCaller) on a real SQLite database:
// ownership isolation, input errors, versions.
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller } from '@/server/api/root';
import { createTempSqliteDb, type TTestDb } from './helpers/sqlite';

let t: TTestDb;
let alice: ReturnType<typeof createCaller>;
let bob: ReturnType<typeof createCaller>;
let anonymous: ReturnType<typeof createCaller>;

beforeAll(async () => {
  t = await createTempSqliteDb();
  anonymous = createCaller({ db: t.db, userId: null });
  const a = await anonymous.auth.signUp({ email: 'alice@example.com', name: 'Alice', password: 'alice-password' });
  const b = await anonymous.auth.signUp({ email: 'bob@example.com', name: 'Bob', password: 'bob-password' });
  alice = createCaller({ db: t.db, userId: a.id });
  bob = createCaller({ db: t.db, userId: b.id });
});
afterAll(async () => {
  await t?.cleanup();
});

async function errorOf(p: Promise<unknown>): Promise<TRPCError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof TRPCError) return err;
    throw err;
  }
  throw new Error('expected the call to fail');
}

describe('strategy isolation between users', () => {
  it('user B cannot list, read, rename, describe, save, version or delete user A’s strategy', async () => {
    const s = await alice.strategy.create({ name: 'Alice MA cross' });
    expect(await bob.strategy.list()).toEqual([]);
    for (const call of [
      bob.strategy.get({ id: s.id }),
      bob.strategy.rename({ id: s.id, name: 'stolen' }),
      bob.strategy.updateDescription({ id: s.id, description: 'mine now' }),
      bob.strategy.saveGraph({ id: s.id, graph: { version: 1, nodes: [], edges: [] } }),
      bob.strategy.listVersions({ id: s.id }),
      bob.strategy.delete({ id: s.id }),
    ]) {
      const err = await errorOf(call);
      expect(err.code).toBe('NOT_FOUND');
    }
    // Nothing changed for Alice.
    const mine = await alice.strategy.get({ id: s.id });
    expect(mine.name).toBe('Alice MA cross');
    expect(mine.description).toBe('');
    expect(mine.latestVersion).toBeNull();
  });

  it('signed-out callers get UNAUTHORIZED from every strategy procedure', async () => {
    expect((await errorOf(anonymous.strategy.list())).code).toBe('UNAUTHORIZED');
    expect((await errorOf(anonymous.strategy.create({ name: 'x' }))).code).toBe('UNAUTHORIZED');
  });
});

describe('strategy input validation', () => {
  it('trims names and rejects empty and too-long names with field codes', async () => {
    const s = await alice.strategy.create({ name: '  RSI reversion  ' });
    expect(s.name).toBe('RSI reversion');
    const empty = await errorOf(alice.strategy.create({ name: '   ' }));
    expect(empty.code).toBe('BAD_REQUEST');
    const long = await errorOf(alice.strategy.rename({ id: s.id, name: 'x'.repeat(81) }));
    expect(long.code).toBe('BAD_REQUEST');
    expect((long.cause as unknown as { issues: { message: string }[] }).issues[0].message).toBe('name_too_long');
    expect((await alice.strategy.rename({ id: s.id, name: 'y'.repeat(80) })).name).toHaveLength(80);
  });

  it('malformed input is BAD_REQUEST, not a server error', async () => {
    const bad = alice.strategy as unknown as Record<string, (input: unknown) => Promise<unknown>>;
    for (const input of [undefined, null, 42, 'x', { name: 7 }, { id: 3, name: ['x'] }]) {
      expect((await errorOf(bad.create(input))).code).toBe('BAD_REQUEST');
      expect((await errorOf(bad.rename(input))).code).toBe('BAD_REQUEST');
    }
    const s = await alice.strategy.create({ name: 'graph checks' });
    expect((await errorOf(bad.saveGraph({ id: s.id, graph: { nodes: 'no' } }))).code).toBe('BAD_REQUEST');
  });
});

describe('graph saves and versions', () => {
  it('creates with an empty graph and numbers each save as a new version', async () => {
    const s = await alice.strategy.create({ name: 'versions', description: 'demo' });
    const fresh = await alice.strategy.get({ id: s.id });
    expect(fresh.graph).toEqual({ version: 1, nodes: [], edges: [] });
    expect(fresh.description).toBe('demo');

    const graph = {
      version: 1,
      nodes: [
        { id: 'n1', type: 'data.bars', params: {}, position: { x: 0, y: 0 } },
        { id: 'n2', type: 'indicator.sma', params: { period: 20 }, position: { x: 200, y: 0 }, label: '20-day SMA' },
      ],
      edges: [{ id: 'e1', source: 'n1', sourceHandle: 'close', target: 'n2', targetHandle: 'source' }],
    };
    expect((await alice.strategy.saveGraph({ id: s.id, graph, note: 'first' })).version).toBe(1);
    expect((await alice.strategy.saveGraph({ id: s.id, graph })).version).toBe(2);

    const loaded = await alice.strategy.get({ id: s.id });
    expect(loaded.graph).toEqual(graph);
    expect(loaded.latestVersion).toBe(2);
    const versions = await alice.strategy.listVersions({ id: s.id });
    expect(versions.map((v) => [v.version, v.note])).toEqual([
      [2, ''],
      [1, 'first'],
    ]);

    await alice.strategy.delete({ id: s.id });
    expect((await errorOf(alice.strategy.get({ id: s.id }))).code).toBe('NOT_FOUND');
    expect(await t.db.strategyVersion.count({ where: { strategyId: s.id } })).toBe(0);
  });
});

describe('accounts', () => {
  it('rejects a duplicate e-mail (any case) with CONFLICT / email_taken', async () => {
    const err = await errorOf(anonymous.auth.signUp({ email: 'ALICE@example.com', name: 'Again', password: 'whatever-123' }));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toBe('email_taken');
  });

  it('never returns the password hash', async () => {
    const me = await alice.user.me();
    expect(me.email).toBe('alice@example.com');
    expect(JSON.stringify(me)).not.toContain('scrypt');
  });
});
