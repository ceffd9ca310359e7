// Worker-thread entry (bundled by server/jobs/bundle-worker.ts): runs one backtest off the main
// thread, so the web server stays responsive and a cancel (worker.terminate) is immediate.
import { parentPort, workerData } from 'node:worker_threads';
import { runBacktest } from '@/server/engine/run-backtest';
import type { TEngineRequest } from './run-engine';

export type TWorkerMessage =
  | { type: 'progress'; done: number; total: number | undefined }
  | { type: 'done'; outcome: Awaited<ReturnType<typeof runBacktest>> }
  | { type: 'error'; message: string };

async function main() {
  const request = workerData as TEngineRequest;
  const post = (m: TWorkerMessage) => parentPort!.postMessage(m);
  try {
    const outcome = await runBacktest({ ...request, onProgress: (done, total) => post({ type: 'progress', done, total }) });
    post({ type: 'done', outcome });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}

void main();
