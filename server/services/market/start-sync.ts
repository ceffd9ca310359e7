/**
 * Starts a provider sync in the background and records it as a MarketDataImport row whose
 * progress the Data page polls. One sync per series at a time; a row left `running` by a
 * process that died is marked `interrupted` the next time anyone starts a sync.
 */
import { createProvider } from '@/server/data/providers/create-provider';
import { TProviderError } from '@/server/data/providers/provider-error';
import type { TMarketDataProvider } from '@/server/data/providers/provider-types';
import type { TDb } from '@/server/db';
import { AppError } from '@/server/services/errors';
import { resolveProviderConfig } from './provider-settings';
import type { TStartSync } from './schemas';
import { syncSeries } from './sync-series';

const running = new Map<string, AbortController>();

export async function startSync(
  db: TDb,
  input: TStartSync & { createdById?: string | null },
  options: { provider?: TMarketDataProvider; appKey?: Buffer } = {},
): Promise<{ importId: string; done: Promise<void> }> {
  const config = await resolveProviderConfig(db, input.provider, options.appKey);
  if (!config.enabled) throw new AppError('provider_disabled', 'provider');
  const provider = options.provider ?? createProvider(input.provider, config);
  if (!provider.supports(input.symbol, input.timeframe)) throw new AppError('provider_unsupported', 'symbol');
  const adjustment = input.adjustment ?? provider.defaultAdjustment(input.symbol);
  if (!provider.adjustments.includes(adjustment)) throw new AppError('provider_unsupported', 'adjustment');

  const key = { symbol: input.symbol, timeframe: input.timeframe, adjustment };
  const stale = await db.marketDataImport.findMany({ where: { ...key, kind: 'sync', status: 'running' }, select: { id: true } });
  for (const row of stale) {
    if (running.has(row.id)) throw new AppError('sync_running', 'symbol');
    await db.marketDataImport.update({ where: { id: row.id }, data: { status: 'failed', errorCode: 'interrupted', finishedAt: new Date() } });
  }
  const row = await db.marketDataImport.create({ data: { kind: 'sync', ...key, source: provider.id, status: 'running', createdById: input.createdById ?? null } });
  const controller = new AbortController();
  running.set(row.id, controller);
  const from = input.from ? Date.parse(`${input.from}T00:00:00Z`) : undefined;
  const done = (async () => {
    try {
      const result = await syncSeries(db, provider, { ...key, from }, {
        signal: controller.signal,
        onProgress: async (p) => {
          await db.marketDataImport.update({ where: { id: row.id }, data: { progress: p.progress, rowsWritten: p.rowsWritten } });
        },
      });
      await db.marketDataImport.update({
        where: { id: row.id },
        data: {
          status: result.status,
          progress: result.status === 'succeeded' ? 1 : undefined,
          rowsWritten: result.rowsWritten,
          errorCode: result.error ? result.error.code : null,
          errorJson: result.error ? JSON.stringify({ ...result.error.toJSON(), message: result.error.message }) : result.refreshed ? JSON.stringify({ refreshed: true }) : null,
          finishedAt: new Date(),
        },
      });
    } catch (error) {
      // A bug or a database failure: recorded as internal, the details stay in the server log.
      console.error(`[market-sync] ${provider.id} ${key.symbol} ${key.timeframe}:`, error instanceof TProviderError ? error.message : error);
      await db.marketDataImport.update({ where: { id: row.id }, data: { status: 'failed', errorCode: 'internal_error', finishedAt: new Date() } }).catch(() => {});
    } finally {
      running.delete(row.id);
    }
  })();
  return { importId: row.id, done };
}

export async function cancelSync(db: TDb, input: { id: string }): Promise<{ cancelled: boolean }> {
  const controller = running.get(input.id);
  if (!controller) {
    const row = await db.marketDataImport.findUnique({ where: { id: input.id }, select: { id: true } });
    if (!row) throw new AppError('not_found');
    return { cancelled: false };
  }
  controller.abort(new Error('cancelled by the user'));
  return { cancelled: true };
}
