import { compileGraph } from '@/server/engine/compile';
import type { TDb } from '@/server/db';
import { getMarketRules } from '@/server/markets';
import { parseSymbol } from '@/server/markets/symbols';
import { AppError } from '@/server/services/errors';
import { ZCreateTraderSchema, type TCreateTrader, type TTraderSummary } from './schemas';
import { toTraderSummary } from './to-trader-dto';

/**
 * A trader pins one saved version of the owner's strategy (its graph is copied), a universe of
 * symbols of one market, a timeframe, a broker (paper or a Futu account of the owner) and risk
 * limits. It is created stopped.
 */
export async function createTrader(db: TDb, input: TCreateTrader & { ownerId: string }): Promise<TTraderSummary> {
  const parsed = ZCreateTraderSchema.parse(input);
  const strategy = await db.strategy.findFirst({ where: { id: parsed.strategyId, ownerId: input.ownerId }, select: { id: true } });
  if (!strategy) throw new AppError('not_found', 'strategyId');
  const version = await db.strategyVersion.findFirst({
    where: { strategyId: strategy.id, ...(parsed.version ? { version: parsed.version } : {}) },
    orderBy: { version: 'desc' },
  });
  if (!version) throw new AppError('graph_invalid', 'version');
  const compiled = compileGraph(JSON.parse(version.graphJson));
  if (!compiled.ok) throw new AppError('graph_compile_failed', 'strategyId', compiled.errors);

  const symbols = [...new Set(parsed.symbols.map((s) => parseSymbol(s).symbol))];
  const markets = new Set(symbols.map((s) => parseSymbol(s).market));
  if (markets.size !== 1) throw new AppError('symbol_invalid', 'symbols');
  const market = [...markets][0];
  if (!getMarketRules(market)) throw new AppError('symbol_invalid', 'symbols');

  let brokerAccountId: string | null = null;
  if (parsed.broker === 'futu') {
    if (market === 'crypto') throw new AppError('provider_unsupported', 'broker');
    const account = parsed.brokerAccountId ? await db.brokerAccount.findFirst({ where: { id: parsed.brokerAccountId, ownerId: input.ownerId }, select: { id: true } }) : null;
    if (!account) throw new AppError('not_found', 'brokerAccountId');
    brokerAccountId = account.id;
  }
  const replayFrom = parsed.dataSource === 'replay' ? Date.parse(`${parsed.replayFrom ?? '2020-01-02'}T00:00:00Z`) : null;

  const row = await db.trader.create({
    data: {
      ownerId: input.ownerId,
      name: parsed.name,
      strategyId: strategy.id,
      strategyVersionId: version.id,
      strategyVersion: version.version,
      graphJson: version.graphJson,
      market,
      symbolsJson: JSON.stringify(symbols),
      timeframe: parsed.timeframe,
      brokerKind: parsed.broker,
      brokerAccountId,
      initialCash: parsed.initialCash,
      riskJson: JSON.stringify(parsed.risk),
      dataSource: parsed.dataSource,
      replayFrom,
      replaySpeedMs: parsed.dataSource === 'replay' ? (parsed.replaySpeedMs ?? 500) : null,
    },
  });
  return toTraderSummary(row, []);
}
