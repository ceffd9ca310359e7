import type { TJobContext, TJobEvent, TJobHandler, TJobRunner, TJobSnapshot } from './types';

interface TEntry {
  snapshot: TJobSnapshot;
  payload: unknown;
  controller: AbortController;
}

/**
 * Jobs in this process: a FIFO queue, at most `concurrency` running at once, cancel through an
 * AbortSignal. Nothing survives a restart (services mark their stale rows failed at start-up).
 * Finished jobs are kept for `keepFinished` entries so a late `get` still finds them.
 */
export class InProcessJobRunner implements TJobRunner {
  readonly name = 'in-process' as const;
  private readonly handlers = new Map<string, TJobHandler<unknown>>();
  private readonly jobs = new Map<string, TEntry>();
  private readonly queue: string[] = [];
  private readonly listeners = new Set<(event: TJobEvent) => void>();
  private readonly idleWaiters: Array<() => void> = [];
  private running = 0;
  private closed = false;

  constructor(private readonly options: { concurrency?: number; keepFinished?: number } = {}) {}

  get concurrency(): number {
    return Math.max(1, this.options.concurrency ?? 2);
  }

  register<P>(kind: string, handler: TJobHandler<P>): void {
    this.handlers.set(kind, handler as TJobHandler<unknown>);
  }

  async enqueue<P>(kind: string, id: string, payload: P): Promise<void> {
    if (this.closed) throw new Error('job runner is closed');
    if (!this.handlers.has(kind)) throw new Error(`no handler registered for job kind "${kind}"`);
    const existing = this.jobs.get(id);
    if (existing && (existing.snapshot.state === 'queued' || existing.snapshot.state === 'running')) throw new Error(`job ${id} is already ${existing.snapshot.state}`);
    const entry: TEntry = {
      snapshot: { id, kind, state: 'queued', done: 0, total: undefined, error: null, enqueuedAt: Date.now(), startedAt: null, finishedAt: null },
      payload,
      controller: new AbortController(),
    };
    this.jobs.set(id, entry);
    this.queue.push(id);
    this.emit('state', entry);
    this.pump();
  }

  async cancel(id: string): Promise<boolean> {
    const entry = this.jobs.get(id);
    if (!entry) return false;
    const { state } = entry.snapshot;
    if (state === 'queued') {
      this.queue.splice(this.queue.indexOf(id), 1);
      entry.controller.abort();
      this.finish(entry, 'cancelled', null);
      return true;
    }
    if (state === 'running') {
      // The handler sees the signal and returns; its settle marks the job cancelled.
      entry.controller.abort();
      return true;
    }
    return false;
  }

  get(id: string): TJobSnapshot | null {
    const entry = this.jobs.get(id);
    return entry ? { ...entry.snapshot } : null;
  }

  subscribe(listener: (event: TJobEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  idle(): Promise<void> {
    if (this.running === 0 && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const id of [...this.queue]) await this.cancel(id);
    for (const entry of this.jobs.values()) if (entry.snapshot.state === 'running') entry.controller.abort();
    await this.idle();
  }

  private pump(): void {
    while (this.running < this.concurrency && this.queue.length > 0) {
      const entry = this.jobs.get(this.queue.shift()!)!;
      this.start(entry);
    }
    if (this.running === 0 && this.queue.length === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private start(entry: TEntry): void {
    this.running++;
    entry.snapshot.state = 'running';
    entry.snapshot.startedAt = Date.now();
    this.emit('state', entry);
    const handler = this.handlers.get(entry.snapshot.kind)!;
    const ctx: TJobContext = {
      jobId: entry.snapshot.id,
      signal: entry.controller.signal,
      reportProgress: (done, total) => {
        entry.snapshot.done = done;
        entry.snapshot.total = total;
        this.emit('progress', entry);
      },
    };
    // Never let a handler's synchronous throw escape into the caller of enqueue/pump.
    Promise.resolve()
      .then(() => handler(entry.payload, ctx))
      .then(
        () => this.finish(entry, entry.controller.signal.aborted ? 'cancelled' : 'succeeded', null),
        (error: unknown) => this.finish(entry, entry.controller.signal.aborted ? 'cancelled' : 'failed', error instanceof Error ? error.message : String(error)),
      )
      .finally(() => {
        this.running--;
        this.pump();
      });
  }

  private finish(entry: TEntry, state: 'succeeded' | 'failed' | 'cancelled', error: string | null): void {
    entry.snapshot.state = state;
    entry.snapshot.error = error;
    entry.snapshot.finishedAt = Date.now();
    entry.payload = null;
    this.emit('state', entry);
    this.forgetOld();
  }

  private forgetOld(): void {
    const keep = this.options.keepFinished ?? 500;
    const finished = [...this.jobs.values()].filter((e) => e.snapshot.finishedAt !== null);
    for (const e of finished.slice(0, Math.max(0, finished.length - keep))) this.jobs.delete(e.snapshot.id);
  }

  private emit(type: TJobEvent['type'], entry: TEntry): void {
    const event: TJobEvent = { type, job: { ...entry.snapshot } };
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // a listener's bug must not break the queue
      }
    }
  }
}
