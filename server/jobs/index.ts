import os from 'node:os';
import { getEnv } from '@/server/env';
import { InProcessJobRunner } from './in-process-runner';
import type { TJobRunner } from './types';

export type { TJobContext, TJobHandler, TJobRunner, TJobSnapshot, TJobState, TJobEvent } from './types';
export { InProcessJobRunner } from './in-process-runner';

/** Default concurrency: leave a core for the web server, never more than 4 runs at once. */
export function defaultConcurrency(): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(4, cores - 1));
}

// On globalThis so `next dev` hot reloads keep one runner (and its running jobs).
const store = globalThis as unknown as { __nofxJobRunner?: TJobRunner };

/**
 * The process's job runner. With REDIS_URL set this is where a BullMQ runner plugs in (same
 * TJobRunner interface: kinds + JSON payloads + the database as shared state); until it exists
 * the in-process runner serves, and says so once in the log.
 */
export function getJobRunner(): TJobRunner {
  if (!store.__nofxJobRunner) {
    if (getEnv().redisUrl) console.warn('[jobs] REDIS_URL is set, but the BullMQ runner is not built yet: running jobs in this process');
    store.__nofxJobRunner = new InProcessJobRunner({ concurrency: defaultConcurrency() });
  }
  return store.__nofxJobRunner;
}
