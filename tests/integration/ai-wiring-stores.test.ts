// The AI layer's database stores (AiProvider, AiCacheEntry, AiDecision, AiDebate) on a real
// SQLite file and, when a server answers, PostgreSQL: owner scoping, first-answer-wins caching,
// records, and a backtest with an AI node wired through createRunLlmPort against a local
// OpenAI-protocol server (calls counted at the server; a rerun makes none; the run's cache
// exported, imported by another user and replayed offline).
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TCacheEntry } from '@/server/ai/cache/cache-entry';
import { hashCacheKey } from '@/server/ai/cache/hash-cache-key';
import { createLlmClient } from '@/server/ai/client/create-llm-client';
import { ReplayMissError } from '@/server/ai/decide/replay-miss-error';
import type { TDebateTranscript, TDecisionRecord } from '@/server/ai/record/ai-records';
import { saveProviderSettings } from '@/server/ai/settings/save-provider-settings';
import { createDbAiRecordStore } from '@/server/ai/stores/db-ai-record-store';
import { createDbCacheStore } from '@/server/ai/stores/db-decision-cache-store';
import { createDbProviderSettingsStore } from '@/server/ai/stores/db-provider-settings-store';
import { sliceBarColumns } from '@/server/data/bar-columns';
import type { TDb } from '@/server/db';
import { runBacktest } from '@/server/engine/run-backtest';
import { installAiDeps } from '@/server/services/ai/ai-deps';
import { createRunLlmPort } from '@/server/services/ai/create-run-llm-port';
import { deleteRunAiRecords } from '@/server/services/ai/delete-run-ai-records';
import { exportAiCache } from '@/server/services/ai/export-ai-cache';
import { importAiCache } from '@/server/services/ai/import-ai-cache';
import { listRunDecisions } from '@/server/services/ai/list-run-decisions';
import { loadMarketBars } from '../helpers/bars';
import { startFakeOpenAiServer, thresholdAnalyst, type TFakeOpenAiServer } from '../helpers/fake-openai-server';
import { graph } from '../helpers/graphs';
import { createTempPostgresDb, probePostgres } from './helpers/postgres';
import { createTempSqliteDb, type TTestDb } from './helpers/sqlite';

const KEY = 'sk-proj-WiringSecret-0123456789abcdef';
const appKey = randomBytes(32);
const moutai = sliceBarColumns(loadMarketBars('600519.SH_daily.csv'), 0, 200);
// RSI(14) warms up over 14 bars; the node asks on its first trading bar and every 10th after
const ASKS = Math.ceil((200 - 14) / 10);

let server: TFakeOpenAiServer;
beforeAll(async () => {
  server = await startFakeOpenAiServer({ apiKey: KEY });
});
afterAll(() => server.close());

function cacheEntry(over: Partial<TCacheEntry> = {}): TCacheEntry {
  const base = {
    provider: 'openai',
    model: 'gpt-4o-mini',
    messages: [
      { role: 'system' as const, content: 'You are a trader.' },
      { role: 'user' as const, content: `600519.SH ${over.answer ?? ''} ${Math.random()}` },
    ],
    params: { temperature: 0.2, jsonMode: true, maxTokens: null },
  };
  const entry = { ...base, answer: '{"action":"BUY","confidence":0.7,"reasoning":"cheap"}', refusal: null, promptTokens: 120, completionTokens: 20, createdAt: '2025-01-02T03:04:05.000Z', ...over };
  return { ...entry, key: over.key ?? hashCacheKey(entry) };
}

function transcript(id: string, over: Partial<TDebateTranscript> = {}): TDebateTranscript {
  const answer = {
    provider: 'heuristic',
    model: 'heuristic-analyst-v1',
    source: 'heuristic' as const,
    cacheKey: null,
    messages: [{ role: 'user' as const, content: 'ctx' }],
    rawAnswer: '{}',
    parsed: { action: 'BUY' as const, confidence: 0.6, reasoning: 'up' },
    parseNotes: [],
    failure: null,
    latencyMs: 0,
    attempts: 0,
    promptTokens: 0,
    completionTokens: 0,
    tokensEstimated: false,
    cost: null,
  };
  return {
    id,
    runId: 'run-x',
    nodeId: 'debate',
    symbol: '600519.SH',
    barTime: Date.UTC(2024, 5, 3),
    language: 'zh-CN',
    rounds: 1,
    participants: [
      { role: 'bull', provider: 'heuristic', model: '' },
      { role: 'bear', provider: 'heuristic', model: '' },
    ],
    context: '贵州茅台 行情',
    messages: [
      { round: 1, participant: 0, role: 'bull', answer },
      { round: 1, participant: 1, role: 'bear', answer: { ...answer, parsed: { action: 'SELL', confidence: 0.4, reasoning: 'down' } } },
    ],
    verdict: { method: 'vote', decision: { action: 'BUY', confidence: 0.6, reasoning: 'vote' }, tally: { BUY: 0.6, SELL: 0.4, HOLD: 0 }, judge: null, note: null },
    createdAt: '2025-01-02T03:04:05.000Z',
    ...over,
  };
}

/** close → RSI(14) → AI decision (every 10 bars, the local server as "openai") → buy 95% / close. */
const AI_GRAPH = graph(
  [
    ['close', 'data.bar', { field: 'close' }],
    ['rsi', 'indicator.rsi', { period: 14 }],
    ['ai', 'ai.decision', { provider: 'openai', model: 'gpt-4o-mini', everyBars: 10, bars: 10, labels: ['RSI(14)'] }],
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

function storeContract(get: () => TTestDb) {
  let db: TDb;
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    db = get().db;
    installAiDeps(db, { appKey, client: createLlmClient({ backoff: { baseDelayMs: 1 } }) });
    alice = (await db.user.create({ data: { email: `alice-${Math.random()}@example.com`, name: 'Alice', passwordHash: 'x' } })).id;
    bob = (await db.user.create({ data: { email: `bob-${Math.random()}@example.com`, name: 'Bob', passwordHash: 'x' } })).id;
  });
  beforeEach(() => {
    server.resetCounts();
    server.setReply(thresholdAnalyst('RSI(14)', 45, 55));
  });

  it('provider settings: saved with the id bound into the key, listed per owner, updated in place, default moved, foreign ids absent', async () => {
    const store = createDbProviderSettingsStore(db);
    const first = await saveProviderSettings(store, appKey, alice, { kind: 'deepseek', name: 'DeepSeek', apiKey: KEY, pricing: { 'deepseek-chat': { input: 1, output: 2, currency: 'CNY' } }, isDefault: true });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.provider).toMatchObject({ kind: 'deepseek', hasKey: true, keyHint: expect.stringMatching(/cdef$/), isDefault: true });
    expect(JSON.stringify(first.provider)).not.toContain(KEY);

    const second = await saveProviderSettings(store, appKey, alice, { kind: 'custom', name: 'Local vLLM', baseURL: 'http://127.0.0.1:8000/v1', jsonMode: true, concurrency: 2, timeoutMs: 5000, maxRetries: 0, isDefault: true });
    expect(second.ok).toBe(true);
    const listed = await store.list(alice);
    expect(listed.map((p) => [p.name, p.isDefault])).toEqual([
      ['DeepSeek', false],
      ['Local vLLM', true],
    ]);
    const stored = listed[0];
    expect(stored.apiKeyEnc).not.toContain(KEY);
    expect(stored.pricing).toEqual({ 'deepseek-chat': { input: 1, output: 2, currency: 'CNY' } });
    expect(listed[1]).toMatchObject({ jsonMode: true, concurrency: 2, timeoutMs: 5000, maxRetries: 0, baseURL: 'http://127.0.0.1:8000/v1', apiKeyEnc: null });

    // an update without a key keeps the stored ciphertext
    const renamed = await saveProviderSettings(store, appKey, alice, { id: stored.id, kind: 'deepseek', name: 'DeepSeek (work)' });
    expect(renamed.ok && renamed.provider.hasKey).toBe(true);
    expect((await store.get(alice, stored.id))?.apiKeyEnc).toBe(stored.apiKeyEnc);

    // Bob cannot see, update or delete Alice's provider
    expect(await store.list(bob)).toEqual([]);
    expect(await store.get(bob, stored.id)).toBeNull();
    expect(await saveProviderSettings(store, appKey, bob, { id: stored.id, kind: 'openai', name: 'stolen' })).toMatchObject({ ok: false, code: 'not_found' });
    await expect(store.save({ ...stored, ownerId: bob })).rejects.toThrow(/another user/);
    expect(await store.remove(bob, stored.id)).toBe(false);
    expect((await store.get(alice, stored.id))?.name).toBe('DeepSeek (work)');
    expect(await store.remove(alice, stored.id)).toBe(true);
    expect(await store.get(alice, stored.id)).toBeNull();
  });

  it('decision cache: per owner, first answer wins, listed by keys, concurrent puts of one key keep one row', async () => {
    const a = createDbCacheStore(db, alice);
    const b = createDbCacheStore(db, bob);
    const entry = cacheEntry();
    await a.put(entry);
    await a.put({ ...entry, answer: 'a later, different answer' });
    expect(await a.get(entry.key)).toEqual(entry);
    expect(await b.get(entry.key)).toBeNull();
    expect(await b.size()).toBe(0);

    const others = [cacheEntry({ answer: 'x' }), cacheEntry({ answer: 'y', refusal: 'no', createdAt: '2025-02-01T00:00:00.000Z' })];
    await Promise.all([...others.map((e) => a.put(e)), a.put(others[0]), a.put(others[0])]);
    expect(await a.size()).toBe(3);
    expect((await a.list(new Set([others[1].key, 'missing']))).map((e) => e.answer)).toEqual(['y']);
    expect((await a.list()).map((e) => e.key).sort()).toEqual([entry.key, ...others.map((e) => e.key)].sort());
  });

  it('records: decisions with their answer, debate transcripts inserted or completing a running row', async () => {
    const records = createDbAiRecordStore(db, { ownerId: alice, traderId: 'trader-1' });
    const decision: TDecisionRecord = {
      id: `d-${Math.random()}`,
      runId: null,
      nodeId: 'ai',
      kind: 'debate',
      symbol: '600519.SH',
      barTime: Date.UTC(2024, 5, 3),
      barIndex: 42,
      decision: { action: 'SELL', confidence: 0.55, reasoning: '跌破均线' },
      error: null,
      answer: null,
      transcriptId: 't-1',
      createdAt: '2025-01-02T03:04:05.000Z',
    };
    await records.saveDecision(decision);
    const row = await db.aiDecision.findUniqueOrThrow({ where: { id: decision.id } });
    expect(row).toMatchObject({ ownerId: alice, traderId: 'trader-1', runId: null, action: 'SELL', reasoning: '跌破均线', barIndex: 42, transcriptId: 't-1' });
    expect(Number(row.barTime)).toBe(decision.barTime);

    const t = transcript(`t-${Math.random()}`);
    await records.saveTranscript(t);
    const inserted = await db.aiDebate.findUniqueOrThrow({ where: { id: t.id } });
    expect(inserted).toMatchObject({ ownerId: alice, status: 'finished', runId: 'run-x', nodeId: 'debate', language: 'zh-CN', context: '贵州茅台 行情' });
    expect(JSON.parse(inserted.verdictJson!)).toEqual(t.verdict);

    const running = `t-${Math.random()}`;
    await db.aiDebate.create({ data: { id: running, ownerId: alice, symbol: '600519.SH', barTime: 0n, language: 'en-US', rounds: 1, participantsJson: '[]', context: '', status: 'running', createdAt: new Date() } });
    await records.saveTranscript(transcript(running, { runId: null, nodeId: null }));
    const completed = await db.aiDebate.findUniqueOrThrow({ where: { id: running } });
    expect(completed.status).toBe('finished');
    expect(JSON.parse(completed.messagesJson)).toHaveLength(2);
  });

  it('a backtest with an AI node through createRunLlmPort: calls counted at the server, decisions stored per run, a rerun makes 0 calls', async () => {
    const store = createDbProviderSettingsStore(db);
    await saveProviderSettings(store, appKey, alice, { kind: 'openai', name: 'OpenAI (local test server)', baseURL: server.url, apiKey: KEY, maxRetries: 1 });
    const run = async (runId: string, owner = alice, mode: 'live' | 'replay-only' = 'live') => {
      const llm = await createRunLlmPort(db, { ownerId: owner, runId, mode });
      const outcome = await runBacktest({ graph: AI_GRAPH, symbols: [{ symbol: '600519.SH', market: 'cn-a', bars: moutai }], initialCash: 1_000_000, llm });
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
      return { result: outcome.result, stats: llm.stats };
    };

    const first = await run('run-a');
    expect(server.calls).toBe(ASKS);
    expect(server.requests[0].authorization).toBe(`Bearer ${KEY}`);
    expect(first.stats).toMatchObject({ decisions: ASKS, modelCalls: ASKS, cacheHits: 0, failures: 0 });
    const decisions = await listRunDecisions(db, { ownerId: alice, runId: 'run-a', limit: 5000 });
    expect(decisions).toHaveLength(ASKS);
    expect(decisions[0]).toMatchObject({ runId: 'run-a', nodeId: 'ai', kind: 'decision', symbol: '600519.SH', barIndex: 14, barTime: moutai.time[14], error: null });
    expect(decisions[0].answer).toMatchObject({ provider: 'openai', model: 'gpt-4o-mini', source: 'model', attempts: 1 });
    expect(decisions[0].prompt?.[1].content).toContain('RSI(14)');
    expect(decisions.map((d) => d.barTime)).toEqual([...decisions.map((d) => d.barTime)].sort((x, y) => x - y));
    // another user sees nothing of the run
    expect(await listRunDecisions(db, { ownerId: bob, runId: 'run-a', limit: 5000 })).toEqual([]);

    server.resetCounts();
    const second = await run('run-b');
    expect(server.calls).toBe(0);
    expect(second.stats).toMatchObject({ decisions: ASKS, modelCalls: 0, cacheHits: ASKS });
    expect(second.result.fills).toEqual(first.result.fills);

    // the run's answers, shared: Bob (no provider, no key) replays the run offline
    const shared = JSON.parse(JSON.stringify(await exportAiCache(db, { ownerId: alice, runId: 'run-a' })));
    expect(shared.entries).toHaveLength(ASKS);
    await expect(run('run-bob-miss', bob, 'replay-only')).rejects.toThrow(ReplayMissError);
    expect(await importAiCache(db, { ownerId: bob, data: shared })).toEqual({ imported: ASKS, existing: 0, rejected: 0 });
    server.resetCounts();
    const replayed = await run('run-bob', bob, 'replay-only');
    expect(server.calls).toBe(0);
    expect(replayed.result.fills).toEqual(first.result.fills);

    expect(await deleteRunAiRecords(db, { ownerId: alice, runId: 'run-a' })).toEqual({ decisions: ASKS, debates: 0 });
    expect(await listRunDecisions(db, { ownerId: alice, runId: 'run-a', limit: 5000 })).toEqual([]);
    expect(await createDbCacheStore(db, alice).size()).toBeGreaterThanOrEqual(ASKS);
  });

  it('deleting a user removes their providers, cache, decisions and debates', async () => {
    const carol = (await db.user.create({ data: { email: `carol-${Math.random()}@example.com`, name: 'Carol', passwordHash: 'x' } })).id;
    await saveProviderSettings(createDbProviderSettingsStore(db), appKey, carol, { kind: 'openai', name: 'x', apiKey: KEY });
    await createDbCacheStore(db, carol).put(cacheEntry());
    await createDbAiRecordStore(db, { ownerId: carol }).saveTranscript(transcript(`t-${Math.random()}`));
    await db.user.delete({ where: { id: carol } });
    const left = await Promise.all([db.aiProvider.count({ where: { ownerId: carol } }), db.aiCacheEntry.count({ where: { ownerId: carol } }), db.aiDebate.count({ where: { ownerId: carol } })]);
    expect(left).toEqual([0, 0, 0]);
  });
}

describe('AI stores on SQLite', () => {
  let t: TTestDb;
  beforeAll(async () => {
    t = await createTempSqliteDb();
  });
  afterAll(async () => {
    await t?.cleanup();
  });
  storeContract(() => t);

  it('the API key is nowhere in the database files in clear', async () => {
    const id = (await t.db.user.create({ data: { email: 'keys@example.com', name: 'Keys', passwordHash: 'x' } })).id;
    const saved = await saveProviderSettings(createDbProviderSettingsStore(t.db), appKey, id, { kind: 'openai', name: 'Mine', apiKey: KEY });
    expect(saved.ok).toBe(true);
    const filename = t.target.provider === 'sqlite' ? t.target.filename : '';
    const files = [filename, `${filename}-wal`].filter((f) => fs.existsSync(f));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const bytes = fs.readFileSync(f);
      expect(bytes.includes(KEY)).toBe(false);
      expect(bytes.includes('WiringSecret')).toBe(false);
      expect(bytes.includes(Buffer.from(KEY).toString('base64'))).toBe(false);
    }
  });
});

const probe = await probePostgres();
if (probe.ok) {
  describe('AI stores on PostgreSQL', () => {
    let t: TTestDb;
    beforeAll(async () => {
      t = await createTempPostgresDb(probe.url);
    });
    afterAll(async () => {
      await t?.cleanup();
    });
    storeContract(() => t);
  });
} else {
  console.warn(`[ai-wiring-stores] PostgreSQL SKIPPED: ${probe.reason}`);
  describe('AI stores on PostgreSQL', () => {
    it.skip(`skipped: ${probe.reason}`, () => {});
  });
}
