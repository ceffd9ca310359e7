// Arena debates run in this process. Each has a channel: the events so far (so a page opened late,
// or a reconnecting browser, catches up from any point) and the abort controller behind Cancel.
// A finished debate's channel stays a few minutes for late subscribers; after that the stored
// transcript answers.
import type { TDb } from '@/server/db';
import type { TArenaEvent } from './schemas';

/** Beyond this many events a debate's text deltas are dropped from the buffer (each bubble's finished message still carries its whole text). */
const MAX_EVENTS = 20_000;
const RETAIN_MS = 5 * 60_000;

export interface TBufferedEvent {
  seq: number;
  event: TArenaEvent;
}

export class DebateChannel {
  readonly events: TBufferedEvent[] = [];
  readonly controller = new AbortController();
  done = false;
  private readonly waiters = new Set<() => void>();

  constructor(
    readonly id: string,
    readonly ownerId: string,
  ) {}

  push(event: TArenaEvent): void {
    if (this.done) return;
    if (this.events.length >= MAX_EVENTS && event.type === 'message-delta') return;
    this.events.push({ seq: this.events.length + 1, event });
    this.wake();
  }

  close(): void {
    this.done = true;
    this.wake();
  }

  /** Resolves at the next event, at close, or when the subscriber goes away. */
  wait(signal?: AbortSignal): Promise<void> {
    if (this.done || signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        this.waiters.delete(done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      this.waiters.add(done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  private wake(): void {
    for (const w of [...this.waiters]) w();
  }
}

export interface TDebateHub {
  /** resolves once debates a previous process left "running" are marked failed */
  ready: Promise<void>;
  open(id: string, ownerId: string): DebateChannel;
  get(id: string): DebateChannel | undefined;
  /** closes a channel and forgets it after the retention time */
  finish(channel: DebateChannel): void;
  runningFor(ownerId: string): number;
}

/** Debates recorded as running when this process starts belong to a process that is gone. */
export async function recoverStaleDebates(db: TDb): Promise<number> {
  const { count } = await db.aiDebate.updateMany({ where: { status: 'running' }, data: { status: 'failed', error: 'interrupted' } });
  return count;
}

export function createDebateHub(db: TDb): TDebateHub {
  const channels = new Map<string, DebateChannel>();
  return {
    ready: recoverStaleDebates(db).then(
      () => undefined,
      (error: unknown) => console.error('[arena] could not mark interrupted debates:', error),
    ),
    open(id, ownerId) {
      const channel = new DebateChannel(id, ownerId);
      channels.set(id, channel);
      return channel;
    },
    get: (id) => channels.get(id),
    finish(channel) {
      channel.close();
      setTimeout(() => {
        if (channels.get(channel.id) === channel) channels.delete(channel.id);
      }, RETAIN_MS).unref();
    },
    runningFor(ownerId) {
      let n = 0;
      for (const c of channels.values()) if (c.ownerId === ownerId && !c.done) n++;
      return n;
    },
  };
}

// Per database, on globalThis so `next dev` hot reloads keep running debates reachable.
const store = globalThis as unknown as { __nofxDebateHubs?: WeakMap<TDb, TDebateHub> };

export function debateHub(db: TDb): TDebateHub {
  store.__nofxDebateHubs ??= new WeakMap();
  let hub = store.__nofxDebateHubs.get(db);
  if (!hub) {
    hub = createDebateHub(db);
    store.__nofxDebateHubs.set(db, hub);
  }
  return hub;
}
