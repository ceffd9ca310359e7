/**
 * Spaces requests so a provider sees at most `perMinute` of them; one limiter per provider and
 * base URL for the whole process, so two syncs running at once share the budget.
 */
export class RateLimiter {
  private next = 0;
  constructor(private readonly perMinute: number) {}

  async wait(signal?: AbortSignal): Promise<void> {
    const interval = 60_000 / this.perMinute;
    const now = Date.now();
    const at = Math.max(now, this.next);
    this.next = at + interval;
    if (at > now) await sleep(at - now, signal);
  }
}

const limiters = new Map<string, RateLimiter>();
export function sharedLimiter(key: string, perMinute: number): RateLimiter {
  const id = `${key}|${perMinute}`;
  let limiter = limiters.get(id);
  if (!limiter) limiters.set(id, (limiter = new RateLimiter(perMinute)));
  return limiter;
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
