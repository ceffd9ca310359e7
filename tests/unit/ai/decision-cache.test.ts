import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TCacheEntry } from '@/server/ai/cache/cache-entry';
import { createMemoryCacheStore } from '@/server/ai/cache/decision-cache-store';
import { openFileCacheStore } from '@/server/ai/cache/file-cache-store';
import { hashCacheKey } from '@/server/ai/cache/hash-cache-key';
import { exportDecisionCache, importDecisionCache } from '@/server/ai/cache/transfer-cache';

function entry(content: string, answer = '{"action":"HOLD","confidence":0.5,"reasoning":"x"}'): TCacheEntry {
  const parts = { provider: 'deepseek', model: 'deepseek-chat', messages: [{ role: 'user' as const, content }], params: { temperature: 0.2, jsonMode: true, maxTokens: null } };
  return { ...parts, key: hashCacheKey(parts), answer, refusal: null, promptTokens: 10, completionTokens: 5, createdAt: '2025-01-01T00:00:00.000Z' };
}

describe('hashCacheKey', () => {
  it('is stable and changes with provider, model, any message text or any param', () => {
    const base = { provider: 'openai', model: 'gpt-4o-mini', messages: [{ role: 'system' as const, content: 's' }, { role: 'user' as const, content: 'u' }], params: { temperature: 0.2, jsonMode: true, maxTokens: null } };
    const key = hashCacheKey(base);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(hashCacheKey(structuredClone(base))).toBe(key);
    const variants = [
      { ...base, provider: 'deepseek' },
      { ...base, model: 'gpt-4o' },
      { ...base, messages: [base.messages[0], { role: 'user' as const, content: 'u ' }] },
      { ...base, messages: [{ role: 'user' as const, content: 's' }, base.messages[1]] },
      { ...base, params: { ...base.params, temperature: 0.3 } },
      { ...base, params: { ...base.params, jsonMode: false } },
      { ...base, params: { ...base.params, maxTokens: 100 } },
    ];
    for (const v of variants) expect(hashCacheKey(v)).not.toBe(key);
  });
});

describe('cache stores', () => {
  it('memory: first answer for a key wins, lists by key set', async () => {
    const store = createMemoryCacheStore();
    const a = entry('a');
    await store.put(a);
    await store.put({ ...a, answer: 'other' });
    expect((await store.get(a.key))?.answer).toBe(a.answer);
    await store.put(entry('b'));
    expect(await store.size()).toBe(2);
    expect((await store.list(new Set([a.key]))).map((e) => e.key)).toEqual([a.key]);
  });

  it('file: survives a reopen and skips a torn line', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nofx-cache-')), 'sub', 'cache.jsonl');
    const store = openFileCacheStore(file);
    await Promise.all([store.put(entry('a')), store.put(entry('b')), store.put(entry('c'))]);
    fs.appendFileSync(file, '{"key":"torn');
    const reopened = openFileCacheStore(file);
    expect(await reopened.size()).toBe(3);
    expect(reopened.skippedLines).toBe(1);
    expect((await reopened.get(entry('b').key))?.promptTokens).toBe(10);
  });
});

describe('export / import', () => {
  it('moves entries between stores and rejects forged or malformed ones', async () => {
    const source = createMemoryCacheStore([entry('a'), entry('b')]);
    const exported = await exportDecisionCache(source, undefined, new Date('2025-02-01T00:00:00Z'));
    expect(exported).toMatchObject({ format: 'nofx-ai-cache', version: 1, exportedAt: '2025-02-01T00:00:00.000Z' });
    const forged = { ...entry('c'), answer: '{"action":"BUY","confidence":1}' };
    forged.messages = [{ role: 'user', content: 'tampered' }]; // key no longer matches content
    const target = createMemoryCacheStore([entry('a')]);
    const result = await importDecisionCache(target, JSON.parse(JSON.stringify({ ...exported, entries: [...exported.entries, forged, { nonsense: true }] })));
    expect(result).toEqual({ ok: true, result: { imported: 1, existing: 1, rejected: 2 } });
    expect(await target.size()).toBe(2);
    expect(await importDecisionCache(target, { format: 'zip' })).toMatchObject({ ok: false });
  });
});
