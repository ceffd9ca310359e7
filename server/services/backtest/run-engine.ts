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
