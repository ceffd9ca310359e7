// Shared templates and strategy files through the real tRPC router (createCaller) on real databases
// (a temp SQLite file; a fresh PostgreSQL database when a server answers on 127.0.0.1:5432):
// gallery and filters, publish / fork / update / unpublish, visibility (unlisted not listed but
// reachable by id, a private strategy never reachable, unpublished gone, forks keep their version),
// no private data in anything another user receives, strategy-file import validation (nothing
// created on a bad file) and an export → import round trip carrying the AI decision cache, replayed
// by another user with zero model calls against a local OpenAI-protocol server.
import { randomBytes } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TGraph } from '@/nodes/sdk/graph-schema';
import { createCaller } from '@/server/api/root';
import { createLlmClient } from '@/server/ai/client/create-llm-client';
import { bundledMarketData } from '@/server/data/bundled-market-data';
import { InProcessJobRunner } from '@/server/jobs/in-process-runner';
import { installAiDeps } from '@/server/services/ai/ai-deps';
import { createBacktestJobs, installBacktestJobs, type TBacktestJobs } from '@/server/services/backtest/backtest-jobs';
import { runEngineInThread } from '@/server/services/backtest/run-engine';
import { TEMPLATES } from '@/templates';
import referenceResults from '@/templates/reference-results.json';
import { startFakeOpenAiServer, thresholdAnalyst, type TFakeOpenAiServer } from '../helpers/fake-openai-server';
import { graph, smaCrossGraph } from '../helpers/graphs';
import { createTempPostgresDb, probePostgres } from './helpers/postgres';
import { createTempSqliteDb, type TTestDb } from './helpers/sqlite';

const KEY = 'sk-template-secret-key-0123456789';
type TCaller = ReturnType<typeof createCaller>;

async function errorOf(p: Promise<unknown>): Promise<TRPCError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof TRPCError) return err;
    throw err;
  }
  throw new Error('expected the call to fail');
}

/** What the browser would get: tRPC code, app code, the field-level codes and the details. */
async function failure(p: Promise<unknown>) {
  const err = await errorOf(p);
  const cause = err.cause as { code?: string; details?: unknown; issues?: Array<{ path: PropertyKey[]; message: string }> } | undefined;
  return {
    code: err.code,
    appCode: cause?.code ?? err.message,
    details: cause?.details as Record<string, unknown> | undefined,
    fields: Object.fromEntries((cause?.issues ?? []).map((i) => [i.path.join('.'), i.message])),
  };
}

/** close → RSI(14) → AI decision every 10 bars → buy 95% / close; `provider` names who answers. */
function aiGraph(provider: string): TGraph {
  return graph(
    [
      ['close', 'data.bar', { field: 'close' }],
      ['rsi', 'indicator.rsi', { period: 14 }],
      ['ai', 'ai.decision', { provider, model: 'gpt-4o-mini', everyBars: 10, bars: 10, labels: ['RSI(14)'] }],
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

const SPY_2015 = { symbols: [{ symbol: 'SPY.US' }], from: '2015-01-01', to: '2015-12-31', initialCash: 1_000_000 };

function templateApiSuite(label: string, makeDb: () => Promise<TTestDb>) {
  describe(label, () => {
    let t: TTestDb;
    let server: TFakeOpenAiServer;
    let jobs: TBacktestJobs;
    let alice: TCaller;
    let bob: TCaller;
    let carol: TCaller;
    let anonymous: TCaller;
    let aliceProviderId: string;

    beforeAll(async () => {
      t = await makeDb();
      server = await startFakeOpenAiServer({ apiKey: KEY });
      server.setReply(thresholdAnalyst('RSI(14)', 45, 55));
      installAiDeps(t.db, { appKey: randomBytes(32), client: createLlmClient({ backoff: { baseDelayMs: 1 } }), reader: bundledMarketData() });
      jobs = createBacktestJobs(t.db, new InProcessJobRunner({ concurrency: 1 }), { runEngine: runEngineInThread, log: () => undefined });
      installBacktestJobs(t.db, jobs);
      anonymous = createCaller({ db: t.db, userId: null });
      const a = await anonymous.auth.signUp({ email: 'alice.private@example.com', name: 'Alice Author', password: 'alice-password' });
      const b = await anonymous.auth.signUp({ email: 'bob.private@example.com', name: 'Bob', password: 'bob-password' });
      const c = await anonymous.auth.signUp({ email: 'carol@example.com', name: 'Carol', password: 'carol-password' });
      alice = createCaller({ db: t.db, userId: a.id });
      bob = createCaller({ db: t.db, userId: b.id });
      carol = createCaller({ db: t.db, userId: c.id });
      await carol.user.setLocale({ locale: 'zh-CN' });
      // Alice's model: an "openai" provider whose base URL is the local server (the cache key names the kind).
      const saved = await alice.aiProvider.save({ kind: 'openai', name: 'Alice private OpenAI', baseURL: server.url, apiKey: KEY, defaultModel: 'gpt-4o-mini', isDefault: true });
      aliceProviderId = saved.id;
    });
    afterAll(async () => {
      await jobs?.runner.close();
      await server?.close();
      await t?.cleanup();
    });

    async function runBacktest(caller: TCaller, strategyId: string, extra: Record<string, unknown> = {}) {
      const { id } = await caller.backtest.start({ ...SPY_2015, strategyId, ...extra });
      await jobs.runner.idle();
      return caller.backtest.get({ id });
    }

    async function aliceStrategy(name: string, g: TGraph) {
      const s = await alice.strategy.create({ name });
      await alice.strategy.saveGraph({ id: s.id, graph: g });
      return s.id;
    }

    describe('gallery', () => {
      it('lists every built-in template with its reference backtest, filters by market, style and AI, searches in both languages', async () => {
        const all = await bob.template.list({});
        const builtins = all.filter((c) => c.kind === 'builtin');
        expect(builtins.map((c) => c.id)).toEqual(TEMPLATES.map((tpl) => tpl.id));
        expect(builtins.length).toBeGreaterThanOrEqual(12);
        const sma = builtins.find((c) => c.id === 'sma-crossover')!;
        const ref = (referenceResults as Record<string, { metrics: { totalReturn: number; maxDrawdown: number; sharpe: number }; equityCurve: unknown[] }>)['sma-crossover'];
        expect(sma.reference).toMatchObject({ symbol: 'SPY.US', market: 'us', metrics: { totalReturn: ref.metrics.totalReturn, maxDrawdown: ref.metrics.maxDrawdown, sharpe: ref.metrics.sharpe } });
        expect(sma.reference!.curve).toHaveLength(ref.equityCurve.length);
        expect(sma).toMatchObject({ title: { en: 'SMA crossover', zh: '双均线交叉' }, usesAi: false, author: null });

        const cnOnly = await bob.template.list({ market: 'cn-a' });
        expect(cnOnly.length).toBeGreaterThan(0);
        expect(cnOnly.every((c) => c.markets.includes('cn-a'))).toBe(true);
        const meanRev = await bob.template.list({ style: 'mean-reversion' });
        expect(meanRev.map((c) => c.id)).toContain('rsi-reversion');
        expect(meanRev.every((c) => c.tags.includes('mean-reversion'))).toBe(true);
        const ai = await bob.template.list({ usesAi: true });
        expect(ai.map((c) => c.id).sort()).toEqual(['ai-debate-risk-gate', 'ai-trend-gate']);
        expect((await bob.template.list({ usesAi: false })).some((c) => c.usesAi)).toBe(false);
        expect((await bob.template.list({ search: '双均线' })).map((c) => c.id)).toEqual(['sma-crossover']);
        expect((await bob.template.list({ search: 'sma CROSSOVER' })).map((c) => c.id)).toEqual(['sma-crossover']);
        expect(await bob.template.list({ search: 'no template is called this' })).toEqual([]);
      });

      it('bad filters are BAD_REQUEST, signed-out callers UNAUTHORIZED', async () => {
        expect((await failure(bob.template.list({ market: 'mars' as never }))).code).toBe('BAD_REQUEST');
        expect((await failure(anonymous.template.list({}))).code).toBe('UNAUTHORIZED');
        expect((await failure(anonymous.template.fork({ id: 'sma-crossover' }))).code).toBe('UNAUTHORIZED');
      });

      it('a built-in template opens with its graph, idea and suggestions; "use" forks it in the user’s language', async () => {
        const detail = await carol.template.get({ id: 'sma-crossover' });
        expect(detail.graph.nodes.length).toBeGreaterThan(0);
        expect(detail.idea?.zh).toBeTruthy();
        expect(detail.suggested?.symbols).toContain('SPY.US');
        const fork = await carol.template.fork({ id: 'sma-crossover' });
        expect(fork).toMatchObject({ name: '双均线交叉', templateId: 'sma-crossover', version: 1 });
        const s = await carol.strategy.get({ id: fork.strategyId });
        expect(s.graph.nodes.map((n) => n.id)).toEqual(detail.graph.nodes.map((n) => n.id));
        expect(s.latestVersion).toBe(1);
        const card = (await bob.template.list({ search: 'SMA crossover' }))[0];
        expect(card).toMatchObject({ id: 'sma-crossover', uses: 1, forks: 1 });
        expect((await failure(bob.template.get({ id: 'no-such-template' }))).code).toBe('NOT_FOUND');
      });
    });

    describe('publishing', () => {
      let strategyId: string;
      let templateId: string;
      let bobForkV1: string;

      it('publishes a strategy that compiles, with the author’s latest matching backtest as its reference', async () => {
        strategyId = await aliceStrategy('Alice SMA 5/20', smaCrossGraph(5, 20));
        const run = await runBacktest(alice, strategyId);
        expect(run.error).toBeNull();
        expect(run.status).toBe('succeeded');
        const published = await alice.template.publish({ strategyId, title: '  Fast SMA cross  ', description: 'Five over twenty.', tags: ['Trend', 'moving-average', 'trend'], markets: ['us', 'crypto'] });
        templateId = published.id;
        expect(published).toMatchObject({ title: 'Fast SMA cross', visibility: 'public', version: 1, uses: 0, forks: 0, strategyId });
        expect(templateId).toMatch(/^[A-Za-z0-9_-]{16}$/);
        const detail = await bob.template.get({ id: templateId });
        expect(detail).toMatchObject({ kind: 'published', author: 'Alice Author', tags: ['trend', 'moving-average'], markets: ['us', 'crypto'], usesAi: false, version: 1, owner: null, mine: false });
        expect(detail.reference).toMatchObject({ symbol: 'SPY.US', market: 'us', from: '2015-01-02', metrics: { totalReturn: run.metrics!.totalReturn, sharpe: run.metrics!.sharpe, maxDrawdown: run.metrics!.maxDrawdown } });
        expect(detail.reference!.curve[0][1]).toBe(1);
        expect(detail.reference!.curve.length).toBeLessThanOrEqual(120);
        // the author sees the source strategy and the versions
        expect((await alice.template.get({ id: templateId })).owner).toMatchObject({ strategyId, versions: [{ version: 1 }] });
        expect(await alice.template.forStrategy({ strategyId })).toMatchObject({ id: templateId });
        expect(await bob.template.forStrategy({ strategyId })).toBeNull();
        // public: listed for everyone, searchable by author and tag
        expect((await bob.template.list({ search: 'alice author' })).map((c) => c.id)).toEqual([templateId]);
        expect((await bob.template.list({ market: 'cn-a' })).map((c) => c.id)).not.toContain(templateId);
      });

      it('refuses bad input by field, a graph that does not compile by node, and a second publish of the same strategy', async () => {
        expect(await failure(alice.template.publish({ strategyId, title: '   ' }))).toMatchObject({ code: 'BAD_REQUEST', fields: { title: 'title_required' } });
        expect(await failure(alice.template.publish({ strategyId, title: 'x'.repeat(81) }))).toMatchObject({ fields: { title: 'title_too_long' } });
        expect(await failure(alice.template.publish({ strategyId, title: 'ok', tags: ['no spaces allowed'] }))).toMatchObject({ fields: { 'tags.0': 'tag_invalid' } });
        expect(await failure(alice.template.publish({ strategyId, title: 'ok', tags: Array.from({ length: 9 }, (_, i) => `t${i}`) }))).toMatchObject({ fields: { tags: 'tags_too_many' } });
        expect(await failure(alice.template.publish({ strategyId, title: 'ok', visibility: 'secret' as never }))).toMatchObject({ code: 'BAD_REQUEST' });
        expect(await failure(alice.template.publish({ strategyId, title: 'again' }))).toMatchObject({ code: 'CONFLICT', appCode: 'template_already_published', details: { templateId } });

        const broken = await aliceStrategy('Broken', graph([['close', 'data.bar', { field: 'close' }], ['sma', 'indicator.sma', { period: 0 }], ['enter', 'orders.target-percent', { percent: 95 }]], [['close.value', 'sma.source']]));
        const err = await failure(alice.template.publish({ strategyId: broken, title: 'Broken' }));
        expect(err).toMatchObject({ code: 'BAD_REQUEST', appCode: 'graph_compile_failed' });
        const nodeErrors = err.details!.nodeErrors as Array<{ nodeId: string; code: string; message: string; messageZh: string }>;
        expect(nodeErrors).toEqual(expect.arrayContaining([expect.objectContaining({ nodeId: 'sma', code: 'invalid_param' }), expect.objectContaining({ nodeId: 'enter', code: 'required_input_missing' })]));
        expect(nodeErrors.every((e) => e.message && e.messageZh)).toBe(true);
        expect(await alice.template.forStrategy({ strategyId: broken })).toBeNull();
      });

      it('another user can neither publish, update nor unpublish what is not theirs, nor reach a private strategy through templates', async () => {
        expect((await failure(bob.template.publish({ strategyId, title: 'Stolen' }))).code).toBe('NOT_FOUND');
        expect((await failure(bob.template.update({ id: templateId, title: 'Stolen' }))).code).toBe('NOT_FOUND');
        expect((await failure(bob.template.unpublish({ id: templateId }))).code).toBe('NOT_FOUND');
        const privateId = await aliceStrategy('Alice private idea', smaCrossGraph(3, 9));
        expect((await failure(bob.template.get({ id: privateId }))).code).toBe('NOT_FOUND');
        expect((await failure(bob.template.fork({ id: privateId }))).code).toBe('NOT_FOUND');
        expect((await failure(bob.template.exportStrategy({ id: privateId }))).code).toBe('NOT_FOUND');
        expect(JSON.stringify(await bob.template.list({}))).not.toContain('Alice private idea');
        expect((await alice.template.get({ id: templateId })).title.en).toBe('Fast SMA cross');
      });

      it('fork copies the current version into the user’s strategies and counts uses (distinct users) and forks', async () => {
        const fork = await bob.template.fork({ id: templateId });
        bobForkV1 = fork.strategyId;
        expect(fork).toMatchObject({ name: 'Fast SMA cross', templateId, version: 1, aiCacheImported: 0 });
        const copy = await bob.strategy.get({ id: fork.strategyId });
        expect(copy.graph).toEqual(smaCrossGraph(5, 20));
        expect(copy.description).toBe('Five over twenty.');
        await bob.template.fork({ id: templateId });
        await carol.template.fork({ id: templateId });
        expect(await bob.template.get({ id: templateId })).toMatchObject({ uses: 2, forks: 3 });
        // Bob's copy is his: Alice cannot see it, and editing it does not touch the template
        expect((await failure(alice.strategy.get({ id: fork.strategyId }))).code).toBe('NOT_FOUND');
      });

      it('an update publishes a new version; forks keep the version they copied; older versions stay forkable', async () => {
        await alice.strategy.saveGraph({ id: strategyId, graph: smaCrossGraph(8, 21) });
        const updated = await alice.template.update({ id: templateId, title: 'Fast SMA cross v2', tags: ['trend'] });
        expect(updated).toMatchObject({ version: 2, newVersion: true, title: 'Fast SMA cross v2' });
        const detail = await bob.template.get({ id: templateId });
        expect(detail).toMatchObject({ version: 2, tags: ['trend'], uses: 2, forks: 3 });
        expect(detail.graph.nodes.find((n) => n.id === 'fast')!.params).toEqual({ period: 8 });
        // the v2 reference is not the v1 backtest (different logic): none until Alice runs v2
        expect(detail.reference).toBeNull();
        expect((await bob.strategy.get({ id: bobForkV1 })).graph).toEqual(smaCrossGraph(5, 20));
        const v2 = await bob.template.fork({ id: templateId });
        expect(v2.version).toBe(2);
        expect((await bob.strategy.get({ id: v2.strategyId })).graph.nodes.find((n) => n.id === 'slow')!.params).toEqual({ period: 21 });
        const v1Again = await bob.template.fork({ id: templateId, version: 1 });
        expect((await bob.strategy.get({ id: v1Again.strategyId })).graph).toEqual(smaCrossGraph(5, 20));
        expect((await bob.template.get({ id: templateId, version: 1 })).version).toBe(1);
        expect((await failure(bob.template.fork({ id: templateId, version: 9 }))).code).toBe('NOT_FOUND');
        // no change to the graph: texts only, no new version
        expect(await alice.template.update({ id: templateId, description: 'Eight over twenty-one.' })).toMatchObject({ version: 2, newVersion: false });
        // a backtest of v2 becomes its reference without a new version
        await runBacktest(alice, strategyId);
        expect(await alice.template.update({ id: templateId })).toMatchObject({ version: 2, newVersion: false });
        expect((await bob.template.get({ id: templateId })).reference?.symbol).toBe('SPY.US');
      });

      it('unlisted: not in the gallery, reachable and forkable by id; public again lists it', async () => {
        await alice.template.update({ id: templateId, visibility: 'unlisted' });
        expect((await bob.template.list({})).map((c) => c.id)).not.toContain(templateId);
        expect((await bob.template.list({ search: 'Fast SMA' })).length).toBe(0);
        expect(await bob.template.get({ id: templateId })).toMatchObject({ visibility: 'unlisted', title: { en: 'Fast SMA cross v2' } });
        expect((await carol.template.fork({ id: templateId })).version).toBe(2);
        // the author still sees it among their own
        expect((await alice.template.mine()).map((m) => m.id)).toContain(templateId);
        await alice.template.update({ id: templateId, visibility: 'public' });
        expect((await bob.template.list({})).map((c) => c.id)).toContain(templateId);
      });

      it('unpublish removes the template and its link; forks stay with their users', async () => {
        const forksBefore = await bob.strategy.list();
        expect(await alice.template.unpublish({ id: templateId })).toEqual({ id: templateId });
        expect((await failure(bob.template.get({ id: templateId }))).code).toBe('NOT_FOUND');
        expect((await failure(bob.template.fork({ id: templateId }))).code).toBe('NOT_FOUND');
        expect((await bob.template.list({})).map((c) => c.id)).not.toContain(templateId);
        expect((await failure(alice.template.unpublish({ id: templateId }))).code).toBe('NOT_FOUND');
        expect(await bob.strategy.list()).toEqual(forksBefore);
        expect((await bob.strategy.get({ id: bobForkV1 })).graph).toEqual(smaCrossGraph(5, 20));
        expect(await alice.template.forStrategy({ strategyId })).toBeNull();
        // the strategy can be published again (a new template, new link)
        const again = await alice.template.publish({ strategyId, title: 'Fast SMA cross', visibility: 'unlisted' });
        expect(again.id).not.toBe(templateId);
        await alice.template.unpublish({ id: again.id });
      });
    });

    describe('no private data in what others receive', () => {
      it('an AI strategy published with its cache: provider ids replaced, no e-mail, key or provider settings anywhere', async () => {
        const s = await aliceStrategy('Alice AI gate', aiGraph(aliceProviderId));
        server.resetCounts();
        const run = await runBacktest(alice, s);
        expect(run.status).toBe('succeeded');
        const calls = server.calls;
        expect(calls).toBeGreaterThan(5);
        const published = await alice.template.publish({ strategyId: s, title: 'AI RSI gate', tags: ['ai'], visibility: 'unlisted', includeAiCache: true });
        expect(published.hasAiCache).toBe(true);
        const detail = await bob.template.get({ id: published.id });
        expect(detail).toMatchObject({ usesAi: true, hasAiCache: true, author: 'Alice Author' });
        // the author's provider row id becomes its kind: shared answers are keyed by kind
        expect(detail.graph.nodes.find((n) => n.id === 'ai')!.params).toMatchObject({ provider: 'openai', model: 'gpt-4o-mini' });
        const everything = JSON.stringify([detail, await bob.template.list({}), await bob.template.list({ search: 'alice' })]);
        for (const secret of ['alice.private@example.com', KEY, KEY.slice(-4), aliceProviderId, 'Alice private OpenAI', server.url, 'passwordHash', 'scrypt$']) {
          expect(everything).not.toContain(secret);
        }
        // Bob forks it: the answers land in his cache, and the fork replays offline (he has no provider) with 0 calls
        const fork = await bob.template.fork({ id: published.id });
        expect(fork.aiCacheImported).toBe(calls);
        server.resetCounts();
        const replay = await runBacktest(bob, fork.strategyId, { aiMode: 'replay-only' });
        expect(replay.status).toBe('succeeded');
        expect(server.calls).toBe(0);
        expect(replay.metrics!.finalEquity).toBe(run.metrics!.finalEquity);
        await alice.template.unpublish({ id: published.id });
      });
    });

    describe('strategy files', () => {
      async function strategyCount(caller: TCaller) {
        return (await caller.strategy.list()).length;
      }

      it('a bad file gets a clear message naming the field or node, and nothing is created', async () => {
        const before = await strategyCount(bob);
        const cacheBefore = (await bob.aiCache.stats()).entries;
        const good = { format: 'nofx-strategy', formatVersion: 1, name: 'Imported', description: '', graph: smaCrossGraph(), exportedAt: new Date().toISOString() };

        expect(await failure(bob.template.importStrategy({ text: '{ not json' }))).toMatchObject({ code: 'BAD_REQUEST', appCode: 'strategy_file_not_json' });
        expect(await failure(bob.template.importStrategy({ text: JSON.stringify({ version: 1, nodes: [], edges: [] }) }))).toMatchObject({ appCode: 'strategy_file_unsupported' });
        expect(await failure(bob.template.importStrategy({ text: JSON.stringify({ ...good, formatVersion: 7 }) }))).toMatchObject({ appCode: 'strategy_file_unsupported', details: { formatVersion: 7 } });

        const noName = await failure(bob.template.importStrategy({ text: JSON.stringify({ ...good, name: '' }) }));
        expect(noName).toMatchObject({ appCode: 'strategy_file_invalid' });
        expect(noName.details!.problems).toEqual([expect.objectContaining({ path: 'name', code: 'too_small' })]);

        const badShape = await failure(bob.template.importStrategy({ text: JSON.stringify({ ...good, graph: { version: 1, nodes: [{ id: 'a', type: 7 }], edges: 'x' } }) }));
        const problems = badShape.details!.problems as Array<{ path: string; code: string; message: string; messageZh: string }>;
        expect(problems.map((p) => p.path)).toEqual(expect.arrayContaining(['graph.nodes[0].type', 'graph.edges']));
        expect(problems.every((p) => p.message.startsWith(p.path) && p.messageZh.startsWith(p.path))).toBe(true);

        const badNodes = smaCrossGraph();
        badNodes.nodes[1] = { ...badNodes.nodes[1], type: 'indicator.nope' };
        const compile = await failure(bob.template.importStrategy({ text: JSON.stringify({ ...good, graph: badNodes }) }));
        expect(compile).toMatchObject({ appCode: 'graph_compile_failed' });
        expect(compile.details!.nodeErrors).toEqual(expect.arrayContaining([expect.objectContaining({ nodeId: 'fast', code: 'unknown_node_type' })]));

        // a good graph with one forged cache entry: refused as a whole, no strategy, no entries
        const forged = await failure(
          bob.template.importStrategy({
            text: JSON.stringify({ ...good, aiCache: { format: 'nofx-ai-cache', version: 1, exportedAt: '', entries: [{ key: 'abc', provider: 'openai', model: 'm', messages: [{ role: 'user', content: 'x' }], params: { temperature: 0, jsonMode: true, maxTokens: null }, answer: '{}', refusal: null, promptTokens: 1, completionTokens: 1, createdAt: '2025-01-01T00:00:00.000Z' }] } }),
          }),
        );
        expect(forged).toMatchObject({ appCode: 'strategy_file_invalid', details: { problems: [expect.objectContaining({ path: 'aiCache.entries[0]', code: 'cache_entry_tampered' })] } });

        expect(await failure(bob.template.importStrategy({ text: 'x'.repeat(10_000_001) }))).toMatchObject({ code: 'BAD_REQUEST', fields: { text: 'strategy_file_too_large' } });
        expect(await strategyCount(bob)).toBe(before);
        expect((await bob.aiCache.stats()).entries).toBe(cacheBefore);
      });

      it('export → import round trip: same name, description and graph; the AI cache travels and replays with 0 calls', async () => {
        const s = await aliceStrategy('Alice AI file', aiGraph('openai'));
        await alice.strategy.updateDescription({ id: s, description: 'RSI asked to a model' });
        const run = await runBacktest(alice, s);
        expect(run.status).toBe('succeeded');
        // the same questions were asked in the previous test: the answers come from Alice's cache
        const decisions = (await alice.ai.decisions({ runId: run.id })).length;
        expect(decisions).toBeGreaterThan(5);
        const calls = decisions;

        const plain = await alice.template.exportStrategy({ id: s });
        expect(plain).toMatchObject({ format: 'nofx-strategy', formatVersion: 1, name: 'Alice AI file', description: 'RSI asked to a model' });
        expect(plain.aiCache).toBeUndefined();
        const file = await alice.template.exportStrategy({ id: s, includeAiCache: true });
        expect(file.aiCache!.entries.length).toBe(calls);
        const text = JSON.stringify(file, null, 2);
        for (const secret of ['alice.private@example.com', KEY, aliceProviderId]) expect(text).not.toContain(secret);

        const imported = await carol.template.importStrategy({ text });
        expect(imported).toMatchObject({ name: 'Alice AI file', aiCacheImported: calls });
        const copy = await carol.strategy.get({ id: imported.id });
        expect(copy.graph).toEqual(aiGraph('openai'));
        expect(copy.description).toBe('RSI asked to a model');
        expect(copy.latestVersion).toBe(1);
        // importing again adds a second strategy but no duplicate cache entries
        expect((await carol.template.importStrategy({ text })).aiCacheImported).toBe(0);

        server.resetCounts();
        const replay = await runBacktest(carol, imported.id, { aiMode: 'replay-only' });
        expect(replay.status).toBe('succeeded');
        expect(server.calls).toBe(0);
        expect(replay.metrics!.finalEquity).toBe(run.metrics!.finalEquity);
        // the exported graph alone also reads in the editor's importer: it is the saved format
        expect(file.graph).toEqual(copy.graph);
      });
    });
  });
}

templateApiSuite('templates API on SQLite', createTempSqliteDb);

// Probed before the suite is declared so an unreachable server shows up as a named skip.
const probe = await probePostgres();
if (probe.ok) templateApiSuite('templates API on PostgreSQL', () => createTempPostgresDb(probe.url));
else {
  console.warn(`[template-api] PostgreSQL SKIPPED: ${probe.reason}`);
  describe('templates API on PostgreSQL', () => {
    it.skip(`skipped: ${probe.reason}`, () => {});
  });
}
