import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createProviderDirectory } from '@/server/ai/providers/create-provider-directory';
import { createMemoryProviderSettingsStore } from '@/server/ai/settings/provider-settings-store';
import { saveProviderSettings } from '@/server/ai/settings/save-provider-settings';

const appKey = randomBytes(32);
const KEY = 'sk-live-abcdefghijklmnop';

async function setup() {
  const store = createMemoryProviderSettingsStore();
  let n = 0;
  const save = (owner: string, input: Record<string, unknown>) => saveProviderSettings(store, appKey, owner, input, { newId: () => `p${++n}`, now: new Date('2025-01-01T00:00:00Z') });
  return { store, save };
}

describe('saveProviderSettings', () => {
  it('stores only ciphertext and returns a view without the key', async () => {
    const { store, save } = await setup();
    const r = await save('u1', { kind: 'deepseek', name: 'My DeepSeek', apiKey: KEY });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.provider).toMatchObject({ id: 'p1', hasKey: true, keyHint: '…mnop', kind: 'deepseek' });
    expect(JSON.stringify(r.provider)).not.toContain(KEY);
    expect('apiKeyEnc' in r.provider).toBe(false);
    expect(JSON.stringify(store.all())).not.toContain(KEY);
    expect(store.all()[0].apiKeyEnc).toMatch(/^v1\./);
  });

  it('keeps the key when none is sent, removes it on "", and keeps one default per user', async () => {
    const { store, save } = await setup();
    await save('u1', { kind: 'deepseek', name: 'A', apiKey: KEY, isDefault: true });
    await save('u1', { id: 'p1', kind: 'deepseek', name: 'A renamed' });
    expect(store.all()[0]).toMatchObject({ name: 'A renamed', keyHint: '…mnop' });
    expect(store.all()[0].apiKeyEnc).not.toBeNull();
    await save('u1', { kind: 'qwen', name: 'B', isDefault: true });
    expect(store.all().map((s) => s.isDefault)).toEqual([false, true]);
    await save('u1', { id: 'p1', kind: 'deepseek', name: 'A', apiKey: '' });
    expect(store.all()[0]).toMatchObject({ apiKeyEnc: null, keyHint: null });
  });

  it('rejects other users’ ids, custom without URL, and bad input with codes', async () => {
    const { save } = await setup();
    await save('u1', { kind: 'openai', name: 'A' });
    expect(await save('u2', { id: 'p1', kind: 'openai', name: 'steal' })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await save('u1', { kind: 'custom', name: 'C' })).toMatchObject({ ok: false, code: 'base_url_required' });
    const bad = await save('u1', { kind: 'openai', name: '', baseURL: 'ftp://x' });
    expect(bad).toMatchObject({ ok: false, code: 'invalid_input' });
    if (!bad.ok) expect(bad.message).toMatch(/name_required.*base_url_invalid|base_url_invalid.*name_required/);
    expect(await save('u1', { kind: 'vllm', name: 'V', baseURL: 'http://me:pw@gpu:8000/v1' })).toMatchObject({ ok: false, message: expect.stringContaining('base_url_has_credentials') });
  });
});

describe('createProviderDirectory', () => {
  it('falls back to the heuristic analyst for auto when nothing is configured, and only then', async () => {
    expect(createProviderDirectory([], appKey).resolve({ provider: 'auto', model: '' })).toMatchObject({ kind: 'heuristic', model: 'heuristic-analyst-v1' });
    expect(createProviderDirectory([], appKey).resolve({ provider: 'heuristic', model: '' }).kind).toBe('heuristic');
    const missing = createProviderDirectory([], appKey).resolve({ provider: 'deepseek', model: '' });
    expect(missing).toMatchObject({ kind: 'missing', failure: { code: 'not_configured' } });
    if (missing.kind === 'missing') expect(missing.failure.message).toContain('Settings');
    expect(createProviderDirectory([], appKey).resolve({ provider: 'nope', model: '' })).toMatchObject({ kind: 'missing', failure: { code: 'not_configured' } });
  });

  it('resolves auto to the default, then by id or kind, with preset defaults and the decrypted key', async () => {
    const { store, save } = await setup();
    await save('u1', { kind: 'qwen', name: 'Qwen' });
    await save('u1', { kind: 'deepseek', name: 'DS', apiKey: KEY, isDefault: true, defaultModel: 'deepseek-reasoner' });
    const dir = createProviderDirectory(await store.list('u1'), appKey);
    const auto = dir.resolve({ provider: 'auto', model: '' });
    expect(auto.kind).toBe('llm');
    if (auto.kind === 'llm') {
      expect(auto.provider).toMatchObject({ id: 'p2', kind: 'deepseek', baseURL: 'https://api.deepseek.com/v1', apiKey: KEY, jsonMode: true, concurrency: 4 });
      expect(auto.model).toBe('deepseek-reasoner');
    }
    const byKind = dir.resolve({ provider: 'qwen', model: 'qwen-max' });
    expect(byKind).toMatchObject({ kind: 'llm', model: 'qwen-max', provider: { id: 'p1', baseURL: 'https://dashscope.aliyuncs.com/compatible-mode/v1', apiKey: null } });
    expect(dir.resolve({ provider: 'p1', model: '' })).toMatchObject({ kind: 'llm', model: 'qwen-plus' });
  });

  it('uses keyless local presets without settings', () => {
    const r = createProviderDirectory([], appKey).resolve({ provider: 'ollama', model: 'llama3.1:8b' });
    expect(r).toMatchObject({ kind: 'llm', model: 'llama3.1:8b', provider: { baseURL: 'http://127.0.0.1:11434/v1', needsKey: false, concurrency: 1 } });
  });

  it('reports a key that cannot be decrypted as a missing key, without the ciphertext', async () => {
    const { store, save } = await setup();
    await save('u1', { kind: 'openai', name: 'OA', apiKey: KEY });
    const r = createProviderDirectory(await store.list('u1'), randomBytes(32)).resolve({ provider: 'auto', model: '' });
    expect(r).toMatchObject({ kind: 'missing', failure: { code: 'missing_key' } });
    if (r.kind === 'missing') expect(r.failure.message).not.toContain(store.all()[0].apiKeyEnc!);
  });
});
