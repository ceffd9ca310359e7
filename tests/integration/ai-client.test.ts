import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TAiSnapshot } from '@/nodes/sdk';
import { createMemoryCacheStore } from '@/server/ai/cache/decision-cache-store';
import { createLlmClient } from '@/server/ai/client/create-llm-client';
import { createLlmPort } from '@/server/ai/decide/create-llm-port';
import { createProviderDirectory, resolvedFrom } from '@/server/ai/providers/create-provider-directory';
import type { TResolvedProvider } from '@/server/ai/providers/resolved-provider';
import { createMemoryAiRecordStore } from '@/server/ai/record/ai-record-store';
import { startFakeOpenAiServer, type TFakeOpenAiServer } from '../helpers/fake-openai-server';

/**
 * The client against a real HTTP server speaking the chat-completions protocol, through the
 * real `openai` SDK: answers, streaming, retries, timeouts and every kind of bad input.
 */
const KEY = 'sk-test-key-0123456789';
let server: TFakeOpenAiServer;

beforeAll(async () => {
  server = await startFakeOpenAiServer({ apiKey: KEY, models: ['fake-model', 'slow-model'] });
});
afterAll(() => server.close());
beforeEach(() => {
  server.resetCounts();
  server.setReply(() => ({ content: '{"action":"BUY","confidence":0.8,"reasoning":"ok"}' }));
});

function provider(over: Partial<TResolvedProvider> = {}): TResolvedProvider {
  return {
    ...resolvedFrom('custom', { id: 'fake', name: 'Fake', baseURL: server.url, apiKey: KEY, jsonMode: true, timeoutMs: 5000, maxRetries: 2, pricing: { 'fake-model': { input: 1, output: 2, currency: 'USD' } } }),
    ...over,
  };
}

function client() {
  const sleeps: number[] = [];
  const c = createLlmClient({ backoff: { baseDelayMs: 10 }, random: () => 0.5, sleep: async (ms) => void sleeps.push(ms) });
  return { c, sleeps };
}

const ask = { model: 'fake-model', messages: [{ role: 'user' as const, content: 'decide in JSON' }], temperature: 0.2, jsonMode: true };

describe('LLM client over the openai SDK', () => {
  it('gets a JSON answer with usage and estimated cost; sends model, temperature, JSON mode and the key', async () => {
    const { c } = client();
    const out = await c.chat(provider(), ask);
    expect(out).toMatchObject({ ok: true, text: '{"action":"BUY","confidence":0.8,"reasoning":"ok"}', attempts: 1, finishReason: 'stop' });
    if (!out.ok) return;
    expect(out.usage).toEqual({ promptTokens: 4, completionTokens: 13, estimated: false });
    expect(out.cost).toEqual({ amount: (4 * 1 + 13 * 2) / 1e6, currency: 'USD' });
    const req = server.requests[0];
    expect(req.body).toMatchObject({ model: 'fake-model', temperature: 0.2, response_format: { type: 'json_object' } });
    expect(req.authorization).toBe(`Bearer ${KEY}`);
  });

  it('streams over SSE: pieces arrive in order and usage comes from the stream', async () => {
    const { c } = client();
    const pieces: string[] = [];
    const out = await c.chat(provider(), { ...ask, onDelta: (t) => pieces.push(t) });
    expect(server.requests[0].stream).toBe(true);
    expect(pieces.length).toBeGreaterThan(1);
    expect(out.ok && out.text).toBe(pieces.join(''));
    expect(out.ok && out.usage.estimated).toBe(false);
  });

  it('estimates tokens when the server sends no usage', async () => {
    server.queue({ content: '{"action":"HOLD"}', usage: null });
    const out = await client().c.chat(provider(), ask);
    expect(out.ok && out.usage).toEqual({ promptTokens: 4, completionTokens: 5, estimated: true });
  });

  it('retries a 429 after the server’s Retry-After, then succeeds', async () => {
    server.queue({ status: 429, headers: { 'retry-after': '2' }, errorMessage: 'slow down' });
    const { c, sleeps } = client();
    const out = await c.chat(provider(), ask);
    expect(out).toMatchObject({ ok: true, attempts: 2 });
    expect(sleeps).toEqual([2000]);
    expect(server.calls).toBe(2);
  });

  it('retries 500s with exponential backoff until the budget is spent, then fails clearly', async () => {
    server.setReply(() => ({ status: 500, errorMessage: 'upstream exploded' }));
    const { c, sleeps } = client();
    const out = await c.chat(provider({ maxRetries: 3 }), ask);
    expect(out).toMatchObject({ ok: false, attempts: 4, failure: { code: 'server_error' } });
    expect(!out.ok && out.failure.message).toContain('upstream exploded');
    expect(sleeps).toEqual([10, 20, 40]);
    expect(server.calls).toBe(4);
    expect(c.counters).toMatchObject({ calls: 1, attempts: 4, failures: 1 });
  });

  it('gives up on a slow answer after the timeout', async () => {
    server.queue({ delayMs: 3000, content: 'late' });
    const started = Date.now();
    const out = await client().c.chat(provider({ timeoutMs: 300, maxRetries: 0 }), ask);
    expect(out).toMatchObject({ ok: false, failure: { code: 'timeout' } });
    expect(!out.ok && out.failure.message).toContain('within 300 ms');
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it('reports a missing key without calling', async () => {
    const out = await client().c.chat(provider({ kind: 'openai', needsKey: true, apiKey: null, name: 'OpenAI' }), ask);
    expect(out).toMatchObject({ ok: false, attempts: 0, failure: { code: 'missing_key' } });
    expect(!out.ok && out.failure.message).toContain('Settings');
    expect(server.calls).toBe(0);
  });

  it('reports a rejected key without echoing it', async () => {
    const wrong = 'sk-wrong-key-9999999999';
    const out = await client().c.chat(provider({ apiKey: wrong }), ask);
    expect(out).toMatchObject({ ok: false, attempts: 1, failure: { code: 'auth_failed' } });
    expect(JSON.stringify(out)).not.toContain(wrong);
  });

  it('never shows credentials embedded in a base URL', async () => {
    const out = await client().c.chat(provider({ baseURL: 'http://admin:hunter2@127.0.0.1:1/v1', maxRetries: 0 }), ask);
    expect(out.ok).toBe(false);
    expect(JSON.stringify(out)).not.toContain('hunter2');
  });

  it('reports an unreachable base URL and a base URL with the wrong path', async () => {
    const refused = await client().c.chat(provider({ baseURL: 'http://127.0.0.1:1/v1', maxRetries: 1 }), ask);
    expect(refused).toMatchObject({ ok: false, attempts: 2, failure: { code: 'unreachable' } });
    expect(!refused.ok && refused.failure.message).toContain('http://127.0.0.1:1/v1');
    const wrongPath = await client().c.chat(provider({ baseURL: server.url.replace(/\/v1$/, '/api') }), ask);
    expect(wrongPath).toMatchObject({ ok: false, attempts: 1, failure: { code: 'not_found' } });
    expect(!wrongPath.ok && wrongPath.failure.message).toContain('check the base URL');
  });

  it('reports an unknown model without retrying', async () => {
    const out = await client().c.chat(provider(), { ...ask, model: 'gpt-9000' });
    expect(out).toMatchObject({ ok: false, attempts: 1, failure: { code: 'unknown_model' } });
    expect(!out.ok && out.failure.message).toContain('gpt-9000');
  });

  it('drops JSON mode for an endpoint that rejects response_format, and remembers', async () => {
    server.setReply((req) =>
      req.body.response_format ? { status: 400, errorMessage: "Invalid parameter: 'response_format' is not supported" } : { content: '{"action":"SELL","confidence":0.6}' },
    );
    const { c } = client();
    expect(await c.chat(provider(), ask)).toMatchObject({ ok: true, attempts: 2 });
    expect(await c.chat(provider(), ask)).toMatchObject({ ok: true, attempts: 1 });
    expect(server.requests.map((r) => 'response_format' in r.body)).toEqual([true, false, false]);
  });

  it('streams without stream_options for an endpoint that rejects it, estimating usage', async () => {
    server.setReply((req) => (req.body.stream_options ? { status: 400, errorMessage: 'Unrecognized request argument supplied: stream_options' } : { content: '{"action":"HOLD"}' }));
    const pieces: string[] = [];
    const out = await client().c.chat(provider(), { ...ask, onDelta: (t) => pieces.push(t) });
    expect(out).toMatchObject({ ok: true, attempts: 2, text: '{"action":"HOLD"}' });
    expect(out.ok && out.usage.estimated).toBe(true);
    expect(pieces.join('')).toBe('{"action":"HOLD"}');
  });

  it('keeps at most `concurrency` requests in flight per provider', async () => {
    server.setReply(() => ({ delayMs: 40, content: '{"action":"HOLD"}' }));
    const { c } = client();
    const outs = await Promise.all(Array.from({ length: 6 }, () => c.chat(provider({ concurrency: 2 }), ask)));
    expect(outs.every((o) => o.ok)).toBe(true);
    expect(server.maxInFlight).toBe(2);
  });
});

describe('the run’s LLM port against the server', () => {
  const snapshot: TAiSnapshot = {
    symbol: 'AAPL.US',
    time: Date.UTC(2024, 0, 2),
    barIndex: 1,
    bars: [
      { time: Date.UTC(2024, 0, 1), open: 1, high: 1, low: 1, close: 1, volume: 1 },
      { time: Date.UTC(2024, 0, 2), open: 1, high: 1, low: 1, close: 1.1, volume: 1 },
    ],
    values: [{ label: 'RSI(14)', value: 40 }],
    position: { qty: 0, avgPrice: 0, sellable: 0 },
    account: { cash: 1000, equity: 1000 },
  };
  const request = { nodeId: 'ai', snapshot, model: { provider: 'auto', model: 'fake-model' }, language: 'en-US' as const, temperature: 0, template: '' };

  function port(url: string, signal?: AbortSignal) {
    const records = createMemoryAiRecordStore();
    const settings = [
      {
        id: 'fake',
        ownerId: 'u',
        kind: 'custom' as const,
        name: 'Fake',
        baseURL: url,
        apiKeyEnc: null,
        keyHint: null,
        defaultModel: 'fake-model',
        jsonMode: true,
        concurrency: 2,
        timeoutMs: 2000,
        maxRetries: 0,
        pricing: {},
        isDefault: true,
        createdAt: '',
        updatedAt: '',
      },
    ];
    // a keyless custom endpoint: these tests run their own server that accepts any key
    const p = createLlmPort({ client: createLlmClient(), directory: createProviderDirectory(settings, null), cache: createMemoryCacheStore(), records, signal });
    return { p, records };
  }

  it('reads fenced JSON, JSON in prose, and turns garbage and refusals into HOLD with the raw answer kept', async () => {
    const open = await startFakeOpenAiServer();
    try {
      const { p, records } = port(open.url);
      open.queue(
        { content: 'My view:\n```json\n{"action":"BUY","confidence":0.7,"reasoning":"trend"}\n```' },
        { content: 'Thinking... {"action":"SELL","confidence":0.55,"reasoning":"weak"} done.' },
        { content: 'the moon is made of cheese' },
        { content: '', refusal: 'I cannot help with that.' },
      );
      const results = [];
      for (let k = 0; k < 4; k++) results.push(await p.decide({ ...request, snapshot: { ...snapshot, barIndex: k, time: snapshot.time + k * 86_400_000 } }));
      expect(results.map((r) => r.action)).toEqual(['BUY', 'SELL', 'HOLD', 'HOLD']);
      expect(results[2].error).toContain('no JSON decision');
      expect(results[2].reasoning).toContain('AI unavailable, holding');
      expect(results[3].error).toContain('refused');
      expect(records.decisions[2].answer).toMatchObject({ rawAnswer: 'the moon is made of cheese', parsed: null, failure: { code: 'unparsable' } });
      expect(records.decisions[0].answer?.messages[1].content).toContain('RSI(14): 40');
      expect(p.stats).toMatchObject({ decisions: 4, failedDecisions: 2, modelCalls: 4, failures: 2, failuresByCode: { unparsable: 1, refused: 1 } });
      expect(p.stats.promptTokens).toBeGreaterThan(100);
    } finally {
      await open.close();
    }
  });

  it('counts a transport failure, holds, and does not cache it', async () => {
    const open = await startFakeOpenAiServer();
    try {
      const { p } = port(open.url);
      open.queue({ status: 503, errorMessage: 'maintenance' });
      const first = await p.decide(request);
      expect(first).toMatchObject({ action: 'HOLD', confidence: 0 });
      expect(first.error).toContain('503');
      const second = await p.decide(request); // same question: asked again, not replayed from cache
      expect(second.action).toBe('HOLD');
      expect(second.error).toBeNull();
      expect(open.calls).toBe(2);
      expect(p.stats).toMatchObject({ modelCalls: 2, failures: 1, failuresByCode: { server_error: 1 } });
    } finally {
      await open.close();
    }
  });

  it('aborts a call in flight when the run is cancelled', async () => {
    const open = await startFakeOpenAiServer();
    try {
      const controller = new AbortController();
      const { p } = port(open.url, controller.signal);
      open.queue({ delayMs: 5000, content: '{"action":"BUY"}' });
      const started = Date.now();
      setTimeout(() => controller.abort(), 50);
      const result = await p.decide(request);
      expect(result).toMatchObject({ action: 'HOLD', error: 'the request was cancelled' });
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      await open.close();
    }
  });
});
