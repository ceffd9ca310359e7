import { Worker } from 'node:worker_threads';
import { bundleWorker } from '@/server/jobs/bundle-worker';
import { runBacktest, type TBacktestOutcome, type TBacktestRequest } from '@/server/engine/run-backtest';
import type { TWorkerMessage } from './engine-worker';

export type TEngineRequest = Omit<TBacktestRequest, 'onProgress' | 'signal'>;
export type TEngineHooks = { onProgress: (done: number, total: number | undefined) => void; signal: AbortSignal };

/** Runs the engine for a job: in a worker thread (default) or in this thread. */
export type TEngineRunner = (request: TEngineRequest, hooks: TEngineHooks) => Promise<TBacktestOutcome>;

export class EngineAbortedError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'EngineAbortedError';
  }
}

/**
 * In this thread. The kernel's loop is synchronous between chunks, so a long run holds the event
 * loop; used for graphs with AI nodes (their LLM port lives here, and each call yields anyway).
 */
export const runEngineInThread: TEngineRunner = (request, hooks) => runBacktest({ ...request, onProgress: hooks.onProgress, signal: hooks.signal });

/**
 * In a worker thread: the page stays responsive, progress arrives as messages while the loop
 * runs, and cancel terminates the thread at once. Bars cross as structured clones (typed arrays
 * copy fast). Falls back to this thread when the run needs an LLM port (functions cannot cross).
 */
export const runEngineInWorker: TEngineRunner = async (request, hooks) => {
  if (request.llm) return runEngineInThread(request, hooks);
  if (hooks.signal.aborted) throw new EngineAbortedError();
  const file = await bundleWorker('server/services/backtest/engine-worker.ts', 'backtest-worker');
  if (hooks.signal.aborted) throw new EngineAbortedError();
  return new Promise<TBacktestOutcome>((resolve, reject) => {
    const worker = new Worker(file, { workerData: request });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      hooks.signal.removeEventListener('abort', onAbort);
      fn();
    };
    const onAbort = () => {
      void worker.terminate();
      settle(() => reject(new EngineAbortedError()));
    };
    hooks.signal.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (m: TWorkerMessage) => {
      if (m.type === 'progress') hooks.onProgress(m.done, m.total);
      else if (m.type === 'done') settle(() => resolve(m.outcome));
      else settle(() => reject(new Error(m.message)));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`the backtest worker stopped unexpectedly (exit code ${code})`))));
  });
};

/** Runs this small finish in a few milliseconds: a worker's start-up would cost more than it saves. */
export const IN_THREAD_MAX_BARS = 50_000;

/**
 * The default: small runs (≤ IN_THREAD_MAX_BARS bars, e.g. 10 years of daily bars on a few
 * symbols) in this thread, where they finish before a worker would have started; anything
 * bigger in a worker thread so the server stays responsive and cancel is immediate.
 */
export const runEngineAuto: TEngineRunner = (request, hooks) => {
  const bars = request.symbols.reduce((n, s) => n + s.bars.length, 0);
  return bars <= IN_THREAD_MAX_BARS ? runEngineInThread(request, hooks) : runEngineInWorker(request, hooks);
};

/** Bundles the worker ahead of the first big run (called when the job wiring is created). */
export function warmEngineWorker(): void {
  bundleWorker('server/services/backtest/engine-worker.ts', 'backtest-worker').catch((error: unknown) => {
    console.warn(`[backtest] worker bundle not ready (${(error as Error).message}); it is retried on the first big run`);
  });
}
