/**
 * Wires the trading runtime (server/trading) to the app: trader rows become runnable launches
 * (pinned graph, bar source, timer, broker with decrypted credentials, LLM port), and one
 * TraderManager per process runs them. The first call to `getTraderManager()` resumes traders
 * that were running when the process stopped.
 */
import { decryptSecret } from '@/server/ai/secrets/encrypt-secret';
import type { TMarketDataReader } from '@/server/data/market-data';
import { getDb, type TDb } from '@/server/db';
import { getEnv } from '@/server/env';
import { getMarketRules, type TMarketId } from '@/server/markets';
import { createRunLlmPort } from '@/server/services/ai/create-run-llm-port';
import { createMarketData } from '@/server/services/market/get-market-data';
import { FutuBroker } from '@/server/trading/brokers/futu/futu-broker';
import { loadFutuTradeSdk } from '@/server/trading/brokers/futu/futu-trade-sdk';
import { readerBarSource } from '@/server/trading/feeds/bar-source';
import { marketHours } from '@/server/trading/scheduler/market-hours';
import { PacedTimer, WallTimer } from '@/server/trading/scheduler/timer';
import { toLocalTime, toUtcTime } from '@/server/trading/scheduler/zoned-time';
import type { TTraderTimeframe } from '@/server/trading/scheduler/bar-schedule';
import { TraderManager, type TTraderLaunch, type TTraderRepository } from '@/server/trading/trader-manager';
import type { TFillTiming } from '@/server/engine/kernel/sim-broker';
import type { TTraderStatus } from '@/server/trading/types';
import { EventingTraderStore } from './eventing-trader-store';
import { PrismaTraderStore } from './prisma-trader-store';
import { getTraderEventHub, type TraderEventHub } from './trader-event-hub';
import { ZRiskLimitsSchema } from './schemas';

export const brokerSecretContext = (ownerId: string, accountId: string, field: string) => `broker:${ownerId}:${accountId}:${field}`;

export interface TRuntimeOptions {
  marketData?: TMarketDataReader;
  appKey?: Buffer | null;
  /** where the runtime announces changes (default: the process's hub for this database) */
  events?: TraderEventHub;
}

export function createTraderRepository(db: TDb, options: TRuntimeOptions = {}): TTraderRepository {
  const events = options.events ?? getTraderEventHub(db);
  const store = new EventingTraderStore(new PrismaTraderStore(db), events);
  const reader = options.marketData ?? createMarketData(db);
  return {
    store,
    async launch(traderId): Promise<TTraderLaunch> {
      const row = await db.trader.findUnique({ where: { id: traderId }, include: { brokerAccount: true } });
      if (!row) throw new Error('the trader no longer exists');
      events.rememberOwner(row.id, row.ownerId);
      const market = row.market as TMarketId;
      const rules = getMarketRules(market);
      if (!rules) throw new Error(`market "${market}" has no rules`);
      const timeframe = row.timeframe as TTraderTimeframe;
      const spec = {
        id: row.id,
        graph: JSON.parse(row.graphJson) as unknown,
        market,
        symbols: JSON.parse(row.symbolsJson) as string[],
        timeframe,
        initialCash: row.initialCash,
        risk: ZRiskLimitsSchema.parse(JSON.parse(row.riskJson)),
        costs: JSON.parse(row.costsJson) as Record<string, number>,
        fillTiming: row.fillTiming as TFillTiming,
        activeFrom: row.activeFrom,
      };
      const source = readerBarSource(reader);
      const hours = marketHours(market);
      let timer: TTraderLaunch['timer'] = new WallTimer();
      let until: number | undefined;
      let delayMs = 5_000;
      if (row.dataSource === 'replay') {
        const from = row.lastBarTime ?? row.replayFrom ?? Date.UTC(2020, 0, 1);
        timer = new PacedTimer(toUtcTime(hours.timezone, from) + (row.lastBarTime === null ? 0 : 60_000), row.replaySpeedMs ?? 500);
        until = toLocalTime(hours.timezone, Date.now());
        delayMs = 1_000;
      }
      const appKey = options.appKey === undefined ? getEnv().keyEncryptionKey : options.appKey;
      let broker: TTraderLaunch['broker'] = null;
      if (row.brokerKind === 'futu') {
        const account = row.brokerAccount;
        if (!account) throw new Error('the trader’s broker account was deleted');
        if (!appKey) throw new Error('no key-encryption key to read the broker credentials');
        const secret = (field: string, token: string) => decryptSecret(token, appKey, brokerSecretContext(row.ownerId, account.id, field));
        broker = new FutuBroker(
          {
            host: account.host,
            port: account.port,
            ssl: account.useSsl,
            websocketKey: secret('websocketKey', account.websocketKeyEnc),
            env: account.env === 'real' ? 'real' : 'simulate',
            unlockPassword: account.unlockPasswordEnc ? secret('unlockPassword', account.unlockPasswordEnc) : null,
            accId: account.accId,
          },
          { traderId: row.id, market, rules, instruments: spec.symbols.map((s) => rules.inferInstrument(s)) },
          loadFutuTradeSdk,
        );
      }
      // AI nodes: the owner's providers and decision cache; decisions recorded under the trader
      const llm = await createRunLlmPort(db, { ownerId: row.ownerId, traderId: row.id, marketOf: () => market });
      return { spec, ownerId: row.ownerId, source, timer, until, delayMs, broker, llm };
    },
    async setStatus(traderId, status: TTraderStatus, reason) {
      await db.trader.updateMany({ where: { id: traderId }, data: { status, statusReason: reason, ...(status === 'running' ? { startedAt: new Date() } : {}) } });
      events.publishFor(traderId, { type: 'status', traderId, status, reason });
    },
    async setActiveFrom(traderId, time) {
      await db.trader.updateMany({ where: { id: traderId }, data: { activeFrom: time } });
    },
    async listActive() {
      const rows = await db.trader.findMany({ where: { status: { in: ['running', 'paused'] } }, select: { id: true, status: true } });
      return rows.map((r) => ({ id: r.id, status: r.status as TTraderStatus }));
    },
    async cancelOpenOrders(traderId, reason) {
      const result = await db.traderOrder.updateMany({ where: { traderId, status: { in: ['submitted', 'partially-filled'] } }, data: { status: 'cancelled', statusReason: reason } });
      return result.count;
    },
  };
}

const holder = globalThis as unknown as { __nofxTraderManagers?: Map<TDb, TraderManager> };

/** The process-wide manager over a database (the app has one); resumes its running traders on first use. */
export function getTraderManager(db: TDb = getDb()): TraderManager {
  // NOFX_TRADERS=worker: `nofx worker` runs them (with its own manager); two runners would trade twice
  if (getEnv().tradersMode === 'worker') throw new Error('traders run in `nofx worker` (NOFX_TRADERS=worker), not in this process');
  const managers = (holder.__nofxTraderManagers ??= new Map());
  let manager = managers.get(db);
  if (!manager) {
    manager = new TraderManager(createTraderRepository(db));
    managers.set(db, manager);
    manager.resumeAll().catch((err: unknown) => console.error('[traders] could not resume traders:', err));
  }
  return manager;
}
