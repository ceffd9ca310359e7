import { describe, expect, it } from 'vitest';
import { computeBackoff } from '@/server/ai/client/compute-backoff';
import { createConcurrencyLimiter } from '@/server/ai/client/create-concurrency-limiter';
import { readRetryAfter } from '@/server/ai/client/read-retry-after';
import { redactSecrets } from '@/server/ai/client/redact-secrets';
import { estimateCost, findModelPrice } from '@/server/ai/providers/model-pricing';

const headers = (h: Record<string, string>) => ({ get: (name: string) => h[name] ?? null });

describe('readRetryAfter', () => {
  it('reads retry-after-ms, seconds and HTTP dates', () => {
    expect(readRetryAfter(headers({ 'retry-after-ms': '250' }))).toBe(250);
    expect(readRetryAfter(headers({ 'retry-after': '2' }))).toBe(2000);
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(readRetryAfter(headers({ 'retry-after': 'Wed, 01 Jan 2025 00:00:03 GMT' }), now)).toBe(3000);
    expect(readRetryAfter(headers({}))).toBeNull();
    expect(readRetryAfter(headers({ 'retry-after': 'soon' }))).toBeNull();
  });
});

describe('computeBackoff', () => {
  const policy = { baseDelayMs: 1000, maxDelayMs: 30_000 };
  it('doubles per retry with ±20% jitter, capped', () => {
    expect(computeBackoff(1, null, policy, () => 0.5)).toBe(1000);
    expect(computeBackoff(3, null, policy, () => 0.5)).toBe(4000);
    expect(computeBackoff(3, null, policy, () => 0)).toBe(3200);
    expect(computeBackoff(3, null, policy, () => 1)).toBe(4800);
    expect(computeBackoff(10, null, policy, () => 0.5)).toBe(30_000);
  });
  it('uses the server’s Retry-After when given, still capped', () => {
    expect(computeBackoff(1, 7000, policy, () => 0.5)).toBe(7000);
    expect(computeBackoff(1, 120_000, policy, () => 0.5)).toBe(30_000);
  });
});

describe('createConcurrencyLimiter', () => {
  it('never runs more than the limit at once, and serves waiters in order', async () => {
    const limiter = createConcurrencyLimiter(2);
    let running = 0;
    let peak = 0;
    const order: number[] = [];
    const task = (k: number) => async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 5));
      order.push(k);
      running--;
      return k;
    };
    const first = [0, 1, 2, 3].map((k) => limiter.run(task(k)));
    // a caller arriving while a slot is being handed over must queue, not squeeze in
    await first[0];
    const late = limiter.run(task(4));
    expect(await Promise.all([...first, late])).toEqual([0, 1, 2, 3, 4]);
    expect(peak).toBe(2);
    expect(order.indexOf(4)).toBeGreaterThan(order.indexOf(3) - 1);
  });

  it('frees the slot when a task throws', async () => {
    const limiter = createConcurrencyLimiter(1);
    await expect(limiter.run(async () => Promise.reject(new Error('x')))).rejects.toThrow('x');
    expect(await limiter.run(async () => 'next')).toBe('next');
    expect(limiter.active).toBe(0);
  });
});

describe('redactSecrets', () => {
  it('removes the configured key and key-like tokens', () => {
    expect(redactSecrets('bad key my-secret-key-123 sent', ['my-secret-key-123'])).toBe('bad key *** sent');
    expect(redactSecrets('Incorrect API key provided: sk-abcdefghijklmnop', [])).toBe('Incorrect API key provided: sk-***');
    expect(redactSecrets('fetch http://admin:hunter2@host/v1 failed', [])).toBe('fetch http://***@host/v1 failed');
  });
});

describe('model pricing', () => {
  it('matches the longest model prefix and overrides', () => {
    expect(findModelPrice('openai', 'gpt-4o-mini-2024-07-18')).toEqual({ input: 0.15, output: 0.6, currency: 'USD' });
    expect(findModelPrice('openai', 'gpt-4o-2024-08-06')?.input).toBe(2.5);
    expect(findModelPrice('qwen', 'qwen-plus')?.currency).toBe('CNY');
    expect(findModelPrice('ollama', 'anything')).toEqual({ input: 0, output: 0, currency: 'USD' });
    expect(findModelPrice('custom', 'x')).toBeNull();
    expect(findModelPrice('custom', 'x', { x: { input: 1, output: 2, currency: 'USD' } })?.output).toBe(2);
  });
  it('estimates cost per million tokens', () => {
    expect(estimateCost({ input: 2, output: 8, currency: 'USD' }, 1000, 500)).toEqual({ amount: 0.006, currency: 'USD' });
    expect(estimateCost(null, 1000, 500)).toBeNull();
  });
});
