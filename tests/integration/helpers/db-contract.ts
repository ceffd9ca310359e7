// The same database checks for every provider: migrations apply, CRUD works, constraints hold.
import { expect, it } from 'vitest';
import { migrateDatabase } from '@/server/db/migrate';
import { seedDatabase } from '@/server/db/seed';
import type { TTestDb } from './sqlite';

export function dbContract(get: () => TTestDb) {
  it('re-running migrations applies nothing new', async () => {
    const { target } = get();
    const again = await migrateDatabase(target);
    expect(again.applied).toEqual([]);
    expect(again.total).toBeGreaterThan(0);
  });

  it('seeding is idempotent', async () => {
    const { db } = get();
    await seedDatabase(db);
    const first = await db.appSetting.findUnique({ where: { key: 'app.firstStartedAt' } });
    await seedDatabase(db);
    const second = await db.appSetting.findUnique({ where: { key: 'app.firstStartedAt' } });
    expect(first?.value).toBeTruthy();
    expect(second?.value).toBe(first?.value);
  });

  it('creates, reads, updates and deletes users, strategies, versions and runs', async () => {
    const { db } = get();
    const user = await db.user.create({ data: { email: 'crud@example.com', name: 'Crud', passwordHash: 'x' } });
    const s = await db.strategy.create({ data: { ownerId: user.id, name: '均线交叉', graphJson: '{"version":1,"nodes":[],"edges":[]}' } });
    const v = await db.strategyVersion.create({ data: { strategyId: s.id, version: 1, graphJson: s.graphJson } });
    const run = await db.backtestRun.create({
      data: { ownerId: user.id, strategyId: s.id, strategyVersionId: v.id, paramsJson: '{"from":"2020-01-01"}', progress: 0.25 },
    });
    expect((await db.strategy.findUniqueOrThrow({ where: { id: s.id } })).name).toBe('均线交叉');
    expect(run.status).toBe('queued');
    expect(run.progress).toBeCloseTo(0.25);

    await db.strategy.update({ where: { id: s.id }, data: { name: 'MA cross' } });
    expect((await db.strategy.findUniqueOrThrow({ where: { id: s.id } })).name).toBe('MA cross');

    // Unique (strategyId, version) stops two saves from claiming one version number.
    await expect(db.strategyVersion.create({ data: { strategyId: s.id, version: 1, graphJson: '{}' } })).rejects.toMatchObject({
      code: 'P2002',
    });
    await expect(db.user.create({ data: { email: 'crud@example.com', name: 'Dup', passwordHash: 'x' } })).rejects.toMatchObject({
      code: 'P2002',
    });

    // Deleting a strategy removes its versions and keeps the run (strategy link set to null).
    await db.strategy.delete({ where: { id: s.id } });
    expect(await db.strategyVersion.count({ where: { strategyId: s.id } })).toBe(0);
    const kept = await db.backtestRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(kept.strategyId).toBeNull();
    expect(kept.strategyVersionId).toBeNull();

    // Deleting the user removes everything they own.
    await db.user.delete({ where: { id: user.id } });
    expect(await db.backtestRun.count({ where: { ownerId: user.id } })).toBe(0);
  });

  it('runs interactive transactions and rolls back on error', async () => {
    const { db } = get();
    const user = await db.user.create({ data: { email: 'tx@example.com', name: 'Tx', passwordHash: 'x' } });
    await expect(
      db.$transaction(async (tx) => {
        await tx.strategy.create({ data: { ownerId: user.id, name: 'rolled back', graphJson: '{}' } });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await db.strategy.count({ where: { ownerId: user.id } })).toBe(0);
  });
}
