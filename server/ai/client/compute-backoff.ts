export interface TBackoffPolicy {
  /** delay before the first retry */
  baseDelayMs: number;
  /** no wait is longer than this, whatever the server asks */
  maxDelayMs: number;
}

export const DEFAULT_BACKOFF: TBackoffPolicy = { baseDelayMs: 1000, maxDelayMs: 30_000 };

/**
 * Delay before retry number `retry` (1 = first retry): the server's Retry-After when it sent
 * one, else exponential with ±20% jitter so that many clients hit by the same 429 do not come
 * back in lock-step.
 */
export function computeBackoff(retry: number, retryAfterMs: number | null, policy: TBackoffPolicy, random: () => number): number {
  if (retryAfterMs !== null) return Math.min(policy.maxDelayMs, retryAfterMs);
  const exponential = policy.baseDelayMs * 2 ** (retry - 1);
  const jitter = 0.8 + 0.4 * random();
  return Math.min(policy.maxDelayMs, Math.round(exponential * jitter));
}
