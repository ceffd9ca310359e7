/**
 * Background jobs. Work is registered by kind (a name and a handler), then enqueued by kind with a
 * JSON payload, so the same code can run in this process (InProcessJobRunner) or on a Redis queue
 * whose workers live in other processes (BullMQ, when REDIS_URL is set): handlers never receive
 * closures or live objects, only the payload, and they persist their own progress and results
 * (the database is the shared state both runners agree on).
 */
export type TJobState = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface TJobContext {
  jobId: string;
  /** aborted when the job is cancelled (or the runner shuts down); handlers pass it to the work */
  signal: AbortSignal;
  /** progress for in-memory observers (tests, the local status); persistence is the handler's */
  reportProgress(done: number, total?: number): void;
}

export type TJobHandler<P> = (payload: P, ctx: TJobContext) => Promise<void>;

export interface TJobSnapshot {
  id: string;
  kind: string;
  state: TJobState;
  done: number;
  total: number | undefined;
  error: string | null;
  enqueuedAt: number;
  startedAt: number | null;
  finishedAt: number | null;
}

export type TJobEvent = { type: 'state' | 'progress'; job: TJobSnapshot };

export interface TJobRunner {
  readonly name: 'in-process' | 'bullmq';
  /** one handler per kind; registering a kind twice replaces it (hot reload) */
  register<P>(kind: string, handler: TJobHandler<P>): void;
  /** the id is the caller's (e.g. the BacktestRun id), so state can be found again after a restart */
  enqueue<P>(kind: string, id: string, payload: P): Promise<void>;
  /** true when the job was known here and is now cancelled or cancelling */
  cancel(id: string): Promise<boolean>;
  /** what this runner knows of a job (null when unknown, e.g. finished long ago or on another host) */
  get(id: string): TJobSnapshot | null;
  subscribe(listener: (event: TJobEvent) => void): () => void;
  /** resolves when nothing is queued or running (tests, graceful shutdown) */
  idle(): Promise<void>;
  /** cancels everything and stops taking jobs */
  close(): Promise<void>;
}
