import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLlmClient } from '@/server/ai/client/create-llm-client';
import { createProviderDirectory } from '@/server/ai/providers/create-provider-directory';
import { openFileProviderSettingsStore } from '@/server/ai/settings/file-provider-settings-store';
import { toProviderView } from '@/server/ai/settings/provider-settings';
import { saveProviderSettings } from '@/server/ai/settings/save-provider-settings';
import { startFakeOpenAiServer, type TFakeOpenAiServer } from '../helpers/fake-openai-server';

/** API keys at rest: only ciphertext on disk, the real key reaches the provider, the browser view has none. */
const KEY = 'sk-proj-SuperSecretKey-0123456789';
const appKey = randomBytes(32);
let server: TFakeOpenAiServer;
let dir: string;

beforeAll(async () => {
  server = await startFakeOpenAiServer({ apiKey: KEY });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nofx-ai-secrets-'));
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('stored provider keys', () => {
  it('are not in the settings file in clear, yet decrypt to call the provider after a reopen', async () => {
    const file = path.join(dir, 'providers.json');
    const saved = await saveProviderSettings(openFileProviderSettingsStore(file), appKey, 'alice', { kind: 'openai', name: 'Mine', baseURL: server.url, apiKey: KEY });
    expect(saved.ok).toBe(true);

    const onDisk = fs.readFileSync(file);
    expect(onDisk.includes(KEY)).toBe(false);
    expect(onDisk.includes('SuperSecretKey')).toBe(false);
    expect(onDisk.includes(Buffer.from(KEY).toString('base64'))).toBe(false);
    expect(fs.statSync(file).mode & 0o077).toBe(0);

    const reopened = openFileProviderSettingsStore(file);
    const rows = await reopened.list('alice');
    expect(await reopened.list('mallory')).toEqual([]);
    expect(JSON.stringify(rows.map(toProviderView))).not.toContain(KEY);

    const resolved = createProviderDirectory(rows, appKey).resolve({ provider: 'auto', model: 'fake-model' });
    if (resolved.kind !== 'llm') throw new Error('expected the provider to resolve');
    const out = await createLlmClient().chat(resolved.provider, { model: 'fake-model', messages: [{ role: 'user', content: 'JSON please' }], temperature: 0, jsonMode: true });
    expect(out.ok).toBe(true);
    expect(server.requests[0].authorization).toBe(`Bearer ${KEY}`);
  });

  it('moved to another user’s row do not decrypt (the row is bound into the ciphertext)', async () => {
    const file = path.join(dir, 'swap.json');
    const store = openFileProviderSettingsStore(file);
    await saveProviderSettings(store, appKey, 'alice', { kind: 'openai', name: 'A', apiKey: KEY }, { newId: () => 'a1' });
    await saveProviderSettings(store, appKey, 'bob', { kind: 'openai', name: 'B' }, { newId: () => 'b1' });
    const [alice] = await store.list('alice');
    const [bob] = await store.list('bob');
    const stolen = { ...bob, apiKeyEnc: alice.apiKeyEnc };
    const r = createProviderDirectory([stolen], appKey).resolve({ provider: 'auto', model: '' });
    expect(r).toMatchObject({ kind: 'missing', failure: { code: 'missing_key' } });
  });
});
