import { runBacktest, type TBacktestOutcome, type TBacktestRequest } from '@/server/engine/run-backtest';

export type TEngineRequest = Omit<TBacktestRequest, 'onProgress' | 'signal'>;
export type TEngineHooks = { onProgress: (done: number, total: number | undefined) => void; signal: AbortSignal };

/** Runs the engine for a job. The default runs in this thread; a worker-thread runner can replace it. */
export type TEngineRunner = (request: TEngineRequest, hooks: TEngineHooks) => Promise<TBacktestOutcome>;

export const runEngineInThread: TEngineRunner = (request, hooks) => runBacktest({ ...request, onProgress: hooks.onProgress, signal: hooks.signal });
