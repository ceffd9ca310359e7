// The AI API through the real tRPC router on a temp SQLite database: providers (keys in, hints
// out, zod error codes per field, test and model list against a local OpenAI-protocol server),
// prompt defaults and preview, Debate Arena (start, live events with catch-up and resume,
// verdict, list, get, toNode, cancel, delete), the decision cache, and owner isolation: another
// user's provider or debate is NOT_FOUND everywhere.
import { randomBytes } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { aiDebate } from '@/nodes/ai/ai-debate';
import { createLlmClient } from '@/server/ai/client/create-llm-client';
import { bundledMarketData } from '@/server/data/bundled-market-data';
import { installAiDeps } from '@/server/services/ai/ai-deps';
import type { TArenaEvent } from '@/server/services/ai/schemas';
import { startFakeOpenAiServer, type TFakeOpenAiServer, type TFakeRequest } from '../helpers/fake-openai-server';
import { createTempSqliteDb, type TTestDb } from './helpers/sqlite';
import { signUpAliceAndBob, type TCaller } from './helpers/users';

const KEY = 'sk-arena-test-key-0123456789';
let t: TTestDb;
let server: TFakeOpenAiServer;
let alice: TCaller;
let bob: TCaller;
let providerId: string;

/** Bulls buy, bears sell, the judge sides with the bull; each answer names its role. */
function debater(request: TFakeRequest) {
  const system = request.messages[0]?.content ?? '';
  const all = request.messages.map((m) => m.content).join('\n');
  if (/judge|research manager|裁判|研究经理/i.test(system)) return { content: JSON.stringify({ action: 'BUY', confidence: 0.7, reasoning: 'The bull case is stronger.' }) };
  const bear = /\bbear\b|空头/i.test(system) && !/\bbull\b|多头/i.test(system);
  return { content: JSON.stringify({ action: bear ? 'SELL' : 'BUY', confidence: bear ? 0.4 : 0.8, reasoning: `${bear ? 'Bear' : 'Bull'}: ${all.includes('600519.SH') ? 'Moutai' : '?'} looks ${bear ? 'expensive' : 'cheap'}.` }) };
}

beforeAll(async () => {
  t = await createTempSqliteDb();
  server = await startFakeOpenAiServer({ apiKey: KEY, models: ['fake-model', 'fake-model-pro'] });
  installAiDeps(t.db, { appKey: randomBytes(32), client: createLlmClient({ backoff: { baseDelayMs: 1 } }), reader: bundledMarketData() });
  ({ alice, bob } = await signUpAliceAndBob(t.db));
});
afterAll(async () => {
  await server?.close();
  await t?.cleanup();
});
beforeEach(() => {
  server.resetCounts();
  server.setReply(debater);
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

/** The appCode and field errors the browser would get for a failed call. */
async function failure(p: Promise<unknown>) {
  const err = await errorOf(p);
  const issues = (err.cause as { issues?: Array<{ path: PropertyKey[]; message: string }> } | undefined)?.issues;
  return { code: err.code, appCode: (err.cause as { code?: string } | undefined)?.code ?? err.message, fields: Object.fromEntries((issues ?? []).map((i) => [i.path.join('.'), i.message])) };
}

async function collect(stream: AsyncIterable<unknown>, stopAt?: (e: TArenaEvent) => boolean): Promise<Array<{ id: string; event: TArenaEvent }>> {
  const out: Array<{ id: string; event: TArenaEvent }> = [];
  for await (const item of stream) {
    // the server-side caller yields tracked() envelopes: [id, data, marker]
    const [id, data] = item as [string, TArenaEvent];
    out.push({ id, event: data });
    if (data.type === 'debate-finished' || stopAt?.(data)) break;
  }
  return out;
}

describe('AI providers', () => {
  it('saves a provider: the key goes in, only a hint comes out, presets and the heuristic analyst are listed', async () => {
    const saved = await alice.aiProvider.save({ kind: 'custom', name: 'Local test server', baseURL: server.url, apiKey: KEY, defaultModel: 'fake-model', jsonMode: true, isDefault: true });
    providerId = saved.id;
    expect(saved).toMatchObject({ kind: 'custom', hasKey: true, keyHint: expect.stringMatching(/6789$/), isDefault: true });
    const list = await alice.aiProvider.list();
    expect(list.providers).toHaveLength(1);
    expect(JSON.stringify(list)).not.toContain(KEY);
    expect(list.providers[0]).not.toHaveProperty('apiKeyEnc');
    expect(list.presets.map((p) => p.kind)).toEqual(['openai', 'deepseek', 'qwen', 'zhipu', 'moonshot', 'ollama', 'vllm', 'custom']);
    expect(list.presets.find((p) => p.kind === 'deepseek')).toMatchObject({ baseURL: 'https://api.deepseek.com/v1', needsKey: true, jsonMode: true });
    expect(list.heuristic.label.en).toContain('not an AI model');
    expect(await bob.aiProvider.list()).toMatchObject({ providers: [] });
  });

  it('bad input comes back as error codes on the field', async () => {
    expect(await failure(alice.aiProvider.save({ kind: 'openai', name: '  ' }))).toMatchObject({ code: 'BAD_REQUEST', fields: { name: 'name_required' } });
    expect(await failure(alice.aiProvider.save({ kind: 'openai', name: 'x', baseURL: 'ftp://example.com' }))).toMatchObject({ fields: { baseURL: 'base_url_invalid' } });
    expect(await failure(alice.aiProvider.save({ kind: 'openai', name: 'x', baseURL: 'https://user:pw@example.com/v1' }))).toMatchObject({ fields: { baseURL: 'base_url_has_credentials' } });
    expect(await failure(alice.aiProvider.save({ kind: 'custom', name: 'x' }))).toMatchObject({ code: 'BAD_REQUEST', appCode: 'base_url_required' });
    expect(await failure(alice.aiProvider.save({ id: 'no-such-id', kind: 'openai', name: 'x' }))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('tests the connection and lists models with the stored key; a wrong key says so', async () => {
    expect(await alice.aiProvider.test({ id: providerId })).toMatchObject({ ok: true, model: 'fake-model', jsonOk: true });
    expect(server.requests.at(-1)?.authorization).toBe(`Bearer ${KEY}`);
    expect(await alice.aiProvider.models({ id: providerId })).toEqual({ ok: true, models: ['fake-model', 'fake-model-pro'] });
    const unknown = await alice.aiProvider.test({ id: providerId, model: 'gpt-9' });
    expect(unknown).toMatchObject({ ok: false, code: 'unknown_model' });

    const wrong = await alice.aiProvider.save({ kind: 'custom', name: 'Wrong key', baseURL: server.url, apiKey: 'sk-wrong-0000', defaultModel: 'fake-model' });
    const result = await alice.aiProvider.test({ id: wrong.id, language: 'zh-CN' });
    expect(result).toMatchObject({ ok: false, code: 'auth_failed' });
    expect(JSON.stringify(result)).not.toContain('sk-wrong-0000');
    await alice.aiProvider.delete({ id: wrong.id });
    expect((await alice.aiProvider.list()).providers.map((p) => p.id)).toEqual([providerId]);
  });

  it('another user cannot test, list models of, update or delete the provider', async () => {
    expect((await errorOf(bob.aiProvider.test({ id: providerId }))).code).toBe('NOT_FOUND');
    expect((await errorOf(bob.aiProvider.models({ id: providerId }))).code).toBe('NOT_FOUND');
    expect((await errorOf(bob.aiProvider.save({ id: providerId, kind: 'custom', name: 'mine now', baseURL: server.url }))).code).toBe('NOT_FOUND');
    expect((await errorOf(bob.aiProvider.delete({ id: providerId }))).code).toBe('NOT_FOUND');
    expect((await alice.aiProvider.list()).providers[0].name).toBe('Local test server');
  });
});

describe('prompts', () => {
  it('gives the template defaults and previews a node prompt on real bars, naming unknown placeholders', async () => {
    const defaults = await alice.ai.promptDefaults({ language: 'zh-CN' });
    expect(defaults.variables).toContain('bars');
    expect(defaults.templates.stock).toContain('{{');
    const preview = await alice.ai.previewPrompt({ symbol: '600519', at: '2024-06-03', nodeParams: { language: 'zh-CN', template: '{{symbol}} {{bars}} {{nonsense}}', bars: 5 } });
    expect(preview.symbol).toBe('600519.SH');
    expect(preview.barTime).toBeLessThanOrEqual(Date.UTC(2024, 5, 3, 23, 59, 59));
    expect(preview.unknownPlaceholders).toEqual(['nonsense']);
    expect(preview.messages[1].content).toContain('600519.SH');
    expect(await failure(alice.ai.previewPrompt({ symbol: 'NOPE.XX', nodeParams: {} }))).toMatchObject({ code: 'BAD_REQUEST', appCode: 'unknown_symbol' });
  });
});

describe('Debate Arena', () => {
  let debateId: string;
  let events: Array<{ id: string; event: TArenaEvent }>;

  it('finds symbols by code or Chinese name', async () => {
    expect((await alice.arena.symbols({ query: '茅台' })).map((s) => s.symbol)).toContain('600519.SH');
    expect((await alice.arena.symbols({ query: '600519' }))[0].symbol).toBe('600519.SH');
  });

  it('runs a debate: bubbles stream per participant, calls per round, the judge decides, the transcript is stored', async () => {
    const started = await alice.arena.start({
      symbol: '600519.SH',
      at: '2024-06-03',
      participants: [
        { role: 'bull', provider: providerId, model: '' },
        { role: 'bear', provider: providerId, model: 'fake-model-pro' },
        { role: 'risk-manager', provider: 'heuristic', model: '' },
      ],
      rounds: 2,
      verdict: 'judge',
      judge: { provider: providerId, model: '' },
      language: 'en-US',
    });
    debateId = started.debateId;
    events = await collect(await alice.arena.events({ debateId }));
    const types = events.map((e) => e.event.type);
    expect(types[0]).toBe('debate-started');
    expect(types.at(-1)).toBe('debate-finished');
    expect(types.filter((x) => x === 'message-started')).toHaveLength(6);
    expect(types.filter((x) => x === 'message-finished')).toHaveLength(6);
    expect(types.filter((x) => x === 'message-delta').length).toBeGreaterThanOrEqual(4 * 3);
    expect(types).toContain('judge-started');
    expect(events.map((e) => Number(e.id))).toEqual(events.map((_, k) => k + 1));
    // 2 model participants × 2 rounds + the judge; the heuristic analyst makes no call
    expect(server.calls).toBe(5);
    expect(server.requests.filter((r) => r.model === 'fake-model-pro')).toHaveLength(2);
    // participants stream their bubbles; the judge's answer comes whole
    expect(server.requests.filter((r) => r.stream)).toHaveLength(4);

    const finished = events.at(-1)!.event as Extract<TArenaEvent, { type: 'debate-finished' }>;
    const debate = finished.debate;
    expect(debate).toMatchObject({ id: debateId, status: 'finished', symbol: '600519.SH', rounds: 2, language: 'en-US', verdict: { method: 'judge', action: 'BUY', confidence: 0.7 } });
    expect(debate.messages).toHaveLength(6);
    const heuristic = debate.messages.find((m) => m.role === 'risk-manager')!;
    expect(heuristic.answer).toMatchObject({ provider: 'heuristic', source: 'heuristic' });
    expect(heuristic.answer.parsed?.reasoning).toContain('not an AI model');
    expect(debate.messages.find((m) => m.role === 'bear')!.answer.parsed?.action).toBe('SELL');
    expect(debate.verdictDetail?.tally).toEqual({ BUY: expect.any(Number), SELL: 0.4, HOLD: expect.any(Number) });
    expect(debate.context).toContain('600519.SH');
    expect(debate.setup).toMatchObject({ at: '2024-06-03', verdict: 'judge', judge: { provider: providerId, model: '' }, bars: 20 });
    expect(JSON.stringify(debate)).not.toContain(KEY);

    expect(await alice.arena.get({ id: debateId })).toEqual(debate);
    expect((await alice.arena.list({})).map((d) => [d.id, d.status])).toEqual([[debateId, 'finished']]);
  });

  it('a late subscriber catches up from the first event, and a reconnect resumes after the last event id', async () => {
    const again = await collect(await alice.arena.events({ debateId }));
    expect(again.map((e) => e.event.type)).toEqual(events.map((e) => e.event.type));
    const resumed = await collect(await alice.arena.events({ debateId, lastEventId: '3' }));
    expect(resumed[0].id).toBe('4');
    expect(resumed).toHaveLength(events.length - 3);
  });

  it('a rerun of the same debate is answered from the decision cache (0 calls)', async () => {
    const d = await alice.arena.get({ id: debateId });
    const { debateId: second } = await alice.arena.start({
      symbol: d.symbol,
      at: d.setup!.at,
      participants: d.participants,
      rounds: d.rounds,
      verdict: 'judge',
      judge: d.setup!.judge!,
      language: d.language,
    });
    const rerun = await collect(await alice.arena.events({ debateId: second }));
    expect(server.calls).toBe(0);
    const last = rerun.at(-1)!.event as Extract<TArenaEvent, { type: 'debate-finished' }>;
    expect(last.debate.messages.filter((m) => m.answer.source === 'cache')).toHaveLength(4);
    expect(last.debate.verdict).toEqual((await alice.arena.get({ id: debateId })).verdict);
    await alice.arena.delete({ id: second });
  });

  it('turns a debate into AI Debate node params the node accepts', async () => {
    const node = await alice.arena.toNode({ id: debateId });
    expect(node.type).toBe('ai.debate');
    expect(aiDebate.params.safeParse(node.params).success).toBe(true);
    expect(node.params).toMatchObject({ rounds: 2, verdict: 'judge', judgeProvider: providerId, language: 'en-US', participants: [{ role: 'bull' }, { role: 'bear', model: 'fake-model-pro' }, { role: 'risk-manager', provider: 'heuristic' }] });
  });

  it('another user gets NOT_FOUND for the debate everywhere', async () => {
    for (const call of [bob.arena.get({ id: debateId }), bob.arena.events({ debateId }), bob.arena.cancel({ id: debateId }), bob.arena.delete({ id: debateId }), bob.arena.toNode({ id: debateId })]) {
      expect((await errorOf(call)).code).toBe('NOT_FOUND');
    }
    expect(await bob.arena.list({})).toEqual([]);
    expect((await errorOf(bob.aiCache.export({ debateId }))).code).toBe('NOT_FOUND');
  });

  it('cancel stops a running debate quickly and stores what was said, with status cancelled', async () => {
    server.setReply(() => ({ content: JSON.stringify({ action: 'HOLD', confidence: 0.5, reasoning: 'slow' }), delayMs: 20_000 }));
    const { debateId: slow } = await alice.arena.start({ symbol: 'SPY.US', at: null, participants: [{ role: 'bull', provider: providerId }, { role: 'bear', provider: 'heuristic' }], rounds: 3, verdict: 'vote', language: 'zh-CN' });
    const stream = await alice.arena.events({ debateId: slow });
    const t0 = performance.now();
    // the heuristic bear has spoken (its text arrives at once); the bull's model call hangs
    const seen = await collect(stream, (e) => e.type === 'message-delta');
    expect(seen.at(-1)?.event).toMatchObject({ type: 'message-delta', participant: 1 });
    expect((await alice.arena.list({})).find((d) => d.id === slow)?.status).toBe('running');
    expect(await alice.arena.cancel({ id: slow })).toEqual({ id: slow, cancelling: true });
    const rest = await collect(await alice.arena.events({ debateId: slow, lastEventId: seen.at(-1)!.id }));
    expect(performance.now() - t0).toBeLessThan(10_000);
    const end = rest.at(-1)!.event as Extract<TArenaEvent, { type: 'debate-finished' }>;
    expect(end.debate.status).toBe('cancelled');
    expect(end.debate.messages.find((m) => m.role === 'bull')?.answer.failure?.code).toBe('cancelled');
    expect(await alice.arena.cancel({ id: slow })).toEqual({ id: slow, cancelling: false });
    await alice.arena.delete({ id: slow });
  });

  it('refuses bad setups with the field: unknown symbol, no bars before the date, too few participants', async () => {
    const base = { participants: [{ role: 'bull' as const }, { role: 'bear' as const }], language: 'en-US' as const };
    expect(await failure(alice.arena.start({ ...base, symbol: 'NOPE.XX' }))).toMatchObject({ code: 'BAD_REQUEST', appCode: 'unknown_symbol' });
    expect(await failure(alice.arena.start({ ...base, symbol: '600519.SH', at: '1980-01-01' }))).toMatchObject({ code: 'BAD_REQUEST', appCode: 'no_bars_in_range' });
    expect(await failure(alice.arena.start({ ...base, symbol: '600519.SH', at: '2024-13-45' }))).toMatchObject({ fields: { at: 'debate_date_invalid' } });
    expect(await failure(alice.arena.start({ ...base, participants: [{ role: 'bull' }], symbol: '600519.SH' }))).toMatchObject({ fields: { participants: 'participants_too_few' } });
  });

  it('with nothing configured, a debate runs offline on the heuristic analyst', async () => {
    const { debateId: offline } = await bob.arena.start({ symbol: 'BTCUSDT', at: null, participants: [{ role: 'bull' }, { role: 'bear' }, { role: 'analyst' }], rounds: 1, verdict: 'judge', language: 'zh-CN' });
    const out = await collect(await bob.arena.events({ debateId: offline }));
    const end = out.at(-1)!.event as Extract<TArenaEvent, { type: 'debate-finished' }>;
    expect(server.calls).toBe(0);
    expect(end.debate.status).toBe('finished');
    expect(end.debate.messages.every((m) => m.answer.source === 'heuristic')).toBe(true);
    expect(end.debate.verdictDetail?.note).toContain('启发式');
  });
});

describe('decision cache', () => {
  it('shows stats, exports a debate’s answers, rejects a non-export, clears', async () => {
    const stats = await alice.aiCache.stats();
    expect(stats.entries).toBe(5);
    expect(stats.byModel).toEqual([
      { provider: `custom:${server.url}`, model: 'fake-model', entries: 3 },
      { provider: `custom:${server.url}`, model: 'fake-model-pro', entries: 2 },
    ]);
    const debates = await alice.arena.list({});
    const exported = await alice.aiCache.export({ debateId: debates.at(-1)!.id });
    expect(exported).toMatchObject({ format: 'nofx-ai-cache', version: 1 });
    expect(exported.entries).toHaveLength(5);

    expect(await bob.aiCache.import({ data: JSON.parse(JSON.stringify(exported)) })).toEqual({ imported: 5, existing: 0, rejected: 0 });
    expect(await bob.aiCache.import({ data: JSON.parse(JSON.stringify(exported)) })).toEqual({ imported: 0, existing: 5, rejected: 0 });
    expect(await failure(bob.aiCache.import({ data: { hello: 'world' } }))).toMatchObject({ code: 'BAD_REQUEST', appCode: 'cache_import_invalid' });
    expect(await bob.aiCache.clear({})).toEqual({ deleted: 5 });
    expect((await alice.aiCache.stats()).entries).toBe(5);
  });

  it('a run’s decisions are listed for its owner only', async () => {
    expect(await alice.ai.decisions({ runId: 'no-such-run' })).toEqual([]);
  });
});
