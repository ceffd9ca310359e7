/**
 * At most `limit` tasks at once, the rest wait in arrival order. One limiter per provider keeps
 * a debate's parallel participants and several runs sharing one key under the provider's rate
 * limit, and a local GPU server (Ollama) from being asked ten things at once.
 */
export interface TConcurrencyLimiter {
  run<T>(task: () => Promise<T>): Promise<T>;
  readonly active: number;
  readonly waiting: number;
}

export function createConcurrencyLimiter(limit: number): TConcurrencyLimiter {
  const max = Math.max(1, Math.floor(limit));
  let active = 0;
  const queue: Array<() => void> = [];
  // A finishing task hands its slot straight to the next waiter (active stays the same), so a
  // caller arriving in between cannot take the slot too and push the count over the limit.
  const release = () => {
    const next = queue.shift();
    if (next) next();
    else active--;
  };
  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (active >= max) await new Promise<void>((resolve) => queue.push(resolve));
      else active++;
      try {
        return await task();
      } finally {
        release();
      }
    },
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
  };
}
