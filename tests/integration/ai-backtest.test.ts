import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { createMemoryCacheStore, type TDecisionCacheStore } from '@/server/ai/cache/decision-cache-store';
import { exportDecisionCache, importDecisionCache } from '@/server/ai/cache/transfer-cache';
import { createLlmClient } from '@/server/ai/client/create-llm-client';
import { createLlmPort } from '@/server/ai/decide/create-llm-port';
import { ReplayMissError } from '@/server/ai/decide/replay-miss-error';
import { HEURISTIC_LABEL } from '@/server/ai/heuristic/heuristic-analyst';
import { createProviderDirectory, type TProviderDirectory } from '@/server/ai/providers/create-provider-directory';
import { createMemoryAiRecordStore } from '@/server/ai/record/ai-record-store';
import type { TProviderSettings } from '@/server/ai/settings/provider-settings';
import { createMemoryProviderSettingsStore } from '@/server/ai/settings/provider-settings-store';
import { saveProviderSettings } from '@/server/ai/settings/save-provider-settings';
import { sliceBarColumns } from '@/server/data/bar-columns';
import { runBacktest, type TBacktestRequest } from '@/server/engine/run-backtest';
import { loadMarketBars } from '../helpers/bars';
import { startFakeOpenAiServer, thresholdAnalyst, type TFakeOpenAiServer } from '../helpers/fake-openai-server';
import { graph } from '../helpers/graphs';

/**
 * The kernel running an AI-decision graph on bundled market data against a real HTTP server
 * speaking OpenAI's protocol: the calls are counted at the server.
 */
const KEY = 'sk-backtest-key-0123456789';
const appKey = randomBytes(32);
const moutai = sliceBarColumns(loadMarketBars('600519.SH_daily.csv'), 0, 400);
const spy = sliceBarColumns(loadMarketBars('SPY.US_daily.csv'), 0, 300);
let server: TFakeOpenAiServer;
let settings: TProviderSettings[];

beforeAll(async () => {
  server = await startFakeOpenAiServer({ apiKey: KEY });
  const store = createMemoryProviderSettingsStore();
  // an "openai" provider whose base URL is the local server: the cache key names the kind
  await saveProviderSettings(store, appKey, 'author', { kind: 'openai', name: 'OpenAI (test)', baseURL: server.url, apiKey: KEY, maxRetries: 1 });
  settings = await store.list('author');
});
afterAll(() => server.close());
beforeEach(() => {
  server.resetCounts();
  server.setReply(thresholdAnalyst('RSI(14)', 45, 55));
});

/** close → RSI(14) → AI decision (every 10 bars) → buy 95% / close. */
function aiGraph(ai: Record<string, unknown> = {}) {
  return graph(
    [
      ['close', 'data.bar', { field: 'close' }],
      ['rsi', 'indicator.rsi', { period: 14 }],
      ['ai', 'ai.decision', { provider: 'openai', model: 'gpt-4o-mini', everyBars: 10, bars: 10, labels: ['RSI(14)'], ...ai }],
      ['enter', 'orders.target-percent', { percent: 95 }],
      ['exit', 'orders.target-percent', { percent: 0 }],
    ],
    [
      ['close.value', 'rsi.source'],
      ['rsi.value', 'ai.v1'],
      ['ai.buy', 'enter.when'],
      ['ai.sell', 'exit.when'],
    ],
  );
}

async function backtest(args: { directory: TProviderDirectory; cache: TDecisionCacheStore; mode?: 'live' | 'replay-only'; graph?: unknown; symbols?: TBacktestRequest['symbols'] }) {
  const records = createMemoryAiRecordStore();
  const llm = createLlmPort({ client: createLlmClient({ backoff: { baseDelayMs: 1 } }), directory: args.directory, cache: args.cache, mode: args.mode, records, runId: 'run-1' });
  const outcome = await runBacktest({
    graph: args.graph ?? aiGraph(),
    symbols: args.symbols ?? [{ symbol: '600519.SH', market: 'cn-a', bars: moutai }],
    initialCash: 1_000_000,
    llm,
  });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return { result: outcome.result, records, stats: llm.stats };
}

// RSI(14) warms up over 14 bars; the node asks on its first trading bar and every 10th after
const ASKS = Math.ceil((400 - 14) / 10);

describe('AI decision graph backtested against a local OpenAI-protocol server', () => {
  it('asks the model on schedule, trades on its answers, records each decision; a rerun makes 0 calls with identical results', async () => {
    const cache = createMemoryCacheStore();
    const directory = createProviderDirectory(settings, appKey);
    const first = await backtest({ directory, cache });
    expect(server.calls).toBe(ASKS);
    expect(first.stats).toMatchObject({ decisions: ASKS, modelCalls: ASKS, cacheHits: 0, failures: 0 });
    expect(first.result.fills.length).toBeGreaterThan(2);
    const decisions = first.records.decisions;
    expect(decisions).toHaveLength(ASKS);
    expect(decisions[0]).toMatchObject({ runId: 'run-1', nodeId: 'ai', kind: 'decision', symbol: '600519.SH', barIndex: 14, barTime: moutai.time[14], error: null });
    const answer = decisions[0].answer!;
    expect(answer).toMatchObject({ provider: 'openai', model: 'gpt-4o-mini', source: 'model', attempts: 1 });
    expect(answer.promptTokens).toBeGreaterThan(0);
    expect(answer.cost?.currency).toBe('USD');
    expect(answer.messages[1].content).toContain('T+1');
    expect(answer.messages[1].content).toContain('Last 10 bars');
    // the fill follows a BUY: the first buy fill is on the bar after a BUY decision
    const firstBuy = decisions.find((d) => d.decision.action === 'BUY')!;
    const buyFill = first.result.fills.find((f) => f.side === 'buy')!;
    expect(buyFill.time).toBe(moutai.time[firstBuy.barIndex + 1]);

    server.resetCounts();
    const second = await backtest({ directory, cache });
    expect(server.calls).toBe(0);
    expect(second.stats).toMatchObject({ decisions: ASKS, modelCalls: 0, cacheHits: ASKS, promptTokens: 0 });
    expect(second.result.fills).toEqual(first.result.fills);
    expect(Array.from(second.result.equity)).toEqual(Array.from(first.result.equity));
  });

  it('replay-only fails the run on a miss without calling, and replays an imported cache for a user with no key', async () => {
    const fresh = createMemoryCacheStore();
    const directory = createProviderDirectory(settings, appKey);
    await expect(backtest({ directory, cache: fresh, mode: 'replay-only' })).rejects.toThrow(ReplayMissError);
    await expect(backtest({ directory, cache: fresh, mode: 'replay-only' })).rejects.toThrow(/replay only: no cached answer for node "ai" on 600519\.SH/);
    expect(server.calls).toBe(0);

    const authorCache = createMemoryCacheStore();
    const live = await backtest({ directory, cache: authorCache });
    const shared = JSON.parse(JSON.stringify(await exportDecisionCache(authorCache)));
    const theirCache = createMemoryCacheStore();
    expect(await importDecisionCache(theirCache, shared)).toMatchObject({ ok: true, result: { imported: ASKS, rejected: 0 } });
    server.resetCounts();
    const replay = await backtest({ directory: createProviderDirectory([], null, { replay: true }), cache: theirCache, mode: 'replay-only' });
    expect(server.calls).toBe(0);
    expect(replay.result.fills).toEqual(live.result.fills);
  });

  it('runs a universe of two symbols, asking per symbol, and reruns from the cache', async () => {
    const cache = createMemoryCacheStore();
    const directory = createProviderDirectory(settings, appKey);
    const symbols: TBacktestRequest['symbols'] = [
      { symbol: '600519.SH', market: 'cn-a', bars: moutai },
      { symbol: 'SPY.US', market: 'us', bars: spy },
    ];
    const first = await backtest({ directory, cache, symbols });
    const perSymbol = (s: string) => first.records.decisions.filter((d) => d.symbol === s).length;
    expect(perSymbol('600519.SH')).toBe(ASKS);
    expect(perSymbol('SPY.US')).toBe(Math.ceil((300 - 14) / 10));
    expect(server.calls).toBe(first.records.decisions.length);
    server.resetCounts();
    const second = await backtest({ directory, cache, symbols });
    expect(server.calls).toBe(0);
    expect(second.result.fills).toEqual(first.result.fills);
  });

  it('keeps running through garbage, refusals and server errors: HOLD where the answer failed, failures counted', async () => {
    const analyst = thresholdAnalyst('RSI(14)', 45, 55);
    server.setReply((req, n) => (n % 5 === 0 ? { content: 'no idea, sorry mate' } : n % 7 === 0 ? { status: 500, errorMessage: 'boom' } : analyst(req)));
    const { stats, records, result } = await backtest({ directory: createProviderDirectory(settings, appKey), cache: createMemoryCacheStore() });
    expect(stats.decisions).toBe(ASKS);
    expect(stats.failedDecisions).toBeGreaterThan(0);
    expect(stats.failures).toBe(stats.failedDecisions);
    expect(Object.keys(stats.failuresByCode).sort()).toEqual(expect.arrayContaining(['unparsable']));
    const failed = records.decisions.filter((d) => d.error !== null);
    expect(failed.every((d) => d.decision.action === 'HOLD' && d.decision.confidence === 0)).toBe(true);
    expect(result.bars).toBe(400);
  });

  it('with a provider missing its key: no calls, every decision HOLD saying why, the backtest completes', async () => {
    const store = createMemoryProviderSettingsStore();
    await saveProviderSettings(store, appKey, 'u', { kind: 'openai', name: 'OpenAI', baseURL: server.url });
    const { stats, records, result } = await backtest({ directory: createProviderDirectory(await store.list('u'), appKey), cache: createMemoryCacheStore() });
    expect(server.calls).toBe(0);
    expect(stats).toMatchObject({ decisions: ASKS, failedDecisions: ASKS, modelCalls: 0, failuresByCode: { missing_key: ASKS } });
    expect(records.decisions[0].decision.reasoning).toContain('has no API key');
    expect(result.fills).toEqual([]);
  });

  it('with nothing configured, the heuristic analyst answers offline and says what it is', async () => {
    const { stats, records, result } = await backtest({ directory: createProviderDirectory([], null), cache: createMemoryCacheStore(), graph: aiGraph({ provider: 'auto', model: '' }) });
    expect(server.calls).toBe(0);
    expect(stats).toMatchObject({ decisions: ASKS, heuristicAnswers: ASKS, modelCalls: 0, failures: 0 });
    expect(records.decisions.every((d) => d.answer?.provider === 'heuristic' && d.decision.reasoning.startsWith(HEURISTIC_LABEL.en))).toBe(true);
    expect(result.fills.length).toBeGreaterThan(0);
  });
});
