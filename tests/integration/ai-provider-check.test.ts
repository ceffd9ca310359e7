import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLlmClient } from '@/server/ai/client/create-llm-client';
import { resolvedFrom } from '@/server/ai/providers/create-provider-directory';
import { listProviderModels, testProviderConnection } from '@/server/ai/providers/test-provider-connection';
import { startFakeOpenAiServer, type TFakeOpenAiServer } from '../helpers/fake-openai-server';

const KEY = 'sk-check-0123456789abc';
let server: TFakeOpenAiServer;

beforeAll(async () => {
  server = await startFakeOpenAiServer({ apiKey: KEY, models: ['b-model', 'a-model'] });
});
afterAll(() => server.close());

const provider = (over: { apiKey?: string | null } = {}) => resolvedFrom('custom', { id: 'c', name: 'Local', baseURL: server.url, apiKey: KEY, jsonMode: true, ...over });

describe('provider check (Settings → Test)', () => {
  it('passes with a working key and model, and reports whether the answer parses', async () => {
    const r = await testProviderConnection(createLlmClient(), provider(), 'a-model');
    expect(r).toMatchObject({ ok: true, model: 'a-model', jsonOk: true });
    expect(server.requests.at(-1)!.body).toMatchObject({ max_tokens: 60, response_format: { type: 'json_object' } });
  });

  it('explains a wrong key or model in the user’s language', async () => {
    expect(await testProviderConnection(createLlmClient(), provider({ apiKey: 'sk-nope-0000000000' }), 'a-model', 'zh-CN')).toMatchObject({ ok: false, code: 'auth_failed' });
    const r = await testProviderConnection(createLlmClient(), provider(), 'z-model');
    expect(r).toMatchObject({ ok: false, code: 'unknown_model' });
    expect(!r.ok && r.message).toContain('z-model');
  });

  it('lists the endpoint’s models, or says why it cannot', async () => {
    expect(await listProviderModels(provider())).toEqual({ ok: true, models: ['a-model', 'b-model'] });
    const bad = await listProviderModels(provider({ apiKey: 'sk-nope-0000000000' }));
    expect(bad.ok).toBe(false);
    expect(JSON.stringify(bad)).not.toContain('sk-nope-0000000000');
  });
});
