// Live trader events for the dashboard. One hub per database in each process; each owner has a
// channel with a short ring buffer, so a browser that reconnects (SSE retries with the last event
// id) catches up on what it missed, and a gap too old for the buffer (or a different process)
// becomes one "resync" event: the page reloads its queries instead of silently missing rows.
// Events are hints that something changed, not the data itself: the pages read the rows again.
import type { TDb } from '@/server/db';
import { getEnv } from '@/server/env';
import type { TTraderEvent } from './schemas';
import { createTraderRowWatch } from './watch-trader-rows';

/** Enough for a few seconds of a replay at full speed; longer gaps resync (cheap: one refetch). */
const BUFFER_EVENTS = 2_000;

interface TBuffered {
  seq: number;
  event: TTraderEvent;
}

export class OwnerChannel {
  private readonly buffer: TBuffered[] = [];
  /** the last sequence number handed out (0 before the first event) */
  seq = 0;
  subscribers = 0;
  private readonly waiters = new Set<() => void>();

  push(event: TTraderEvent): void {
    this.buffer.push({ seq: ++this.seq, event });
    if (this.buffer.length > BUFFER_EVENTS) this.buffer.splice(0, this.buffer.length - BUFFER_EVENTS);
    for (const w of [...this.waiters]) w();
  }

  /** Events after `seq`, or null when some of them have already left the buffer. */
  since(seq: number): TTraderEvent[] | null {
    const oldest = this.buffer.length ? this.buffer[0].seq : this.seq + 1;
    if (seq + 1 < oldest) return null;
    return this.buffer.slice(Math.max(0, seq + 1 - oldest)).map((b) => b.event);
  }

  /** Resolves at the next event or when the subscriber goes away. */
  wait(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.resolve();
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
}

/** Starts watching an owner's rows in the database; returns the function that stops it. */
export type TDbWatch = (ownerId: string, publish: (event: TTraderEvent) => void) => () => void;

export class TraderEventHub {
  /** Event ids are `${epoch}.${seq}`: an id from another process (or an older hub) never matches. */
  readonly epoch = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  private readonly channels = new Map<string, OwnerChannel>();
  private readonly owners = new Map<string, string>();
  private readonly watches = new Map<string, () => void>();
  /** keeps events in the order they were published while an owner is looked up */
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: TDb,
    /** set when traders run in another process: the rows are the only news, so they are watched */
    private readonly dbWatch: TDbWatch | null = null,
  ) {}

  get watchesDb(): boolean {
    return this.dbWatch !== null;
  }

  channel(ownerId: string): OwnerChannel {
    let c = this.channels.get(ownerId);
    if (!c) {
      c = new OwnerChannel();
      this.channels.set(ownerId, c);
    }
    return c;
  }

  /** Launches know their owner; remembering it keeps every later event of the run synchronous. */
  rememberOwner(traderId: string, ownerId: string): void {
    this.owners.set(traderId, ownerId);
  }

  publish(ownerId: string, event: TTraderEvent): void {
    this.channel(ownerId).push(event);
  }

  /** For writers that know only the trader (the store, status changes). Never throws. */
  publishFor(traderId: string, event: TTraderEvent): void {
    const owner = this.owners.get(traderId);
    if (owner) {
      this.publish(owner, event);
      return;
    }
    this.pending = this.pending.then(async () => {
      const row = await this.db.trader.findUnique({ where: { id: traderId }, select: { ownerId: true } }).catch(() => null);
      if (!row) return; // deleted meanwhile: nobody can subscribe to it any more
      this.owners.set(traderId, row.ownerId);
      this.publish(row.ownerId, event);
    });
  }

  /** A subscriber arrives: with a database watch, the first one for an owner starts it. */
  attach(ownerId: string): OwnerChannel {
    const c = this.channel(ownerId);
    c.subscribers++;
    if (this.dbWatch && !this.watches.has(ownerId)) this.watches.set(ownerId, this.dbWatch(ownerId, (e) => this.publish(ownerId, e)));
    return c;
  }

  detach(ownerId: string): void {
    const c = this.channel(ownerId);
    c.subscribers = Math.max(0, c.subscribers - 1);
    if (c.subscribers === 0) {
      this.watches.get(ownerId)?.();
      this.watches.delete(ownerId);
    }
  }
}

// Per database, on globalThis so `next dev` hot reloads keep one hub next to the running traders.
const holder = globalThis as unknown as { __nofxTraderEvents?: WeakMap<TDb, TraderEventHub> };

/** The process's hub for a database; `create` decides how it is built on first use. */
export function traderEventHub(db: TDb, create: () => TraderEventHub = () => new TraderEventHub(db)): TraderEventHub {
  holder.__nofxTraderEvents ??= new WeakMap();
  let hub = holder.__nofxTraderEvents.get(db);
  if (!hub) {
    hub = create();
    holder.__nofxTraderEvents.set(db, hub);
  }
  return hub;
}

/** The process's hub; in worker mode it watches the rows, because the traders run in another process. */
export function getTraderEventHub(db: TDb): TraderEventHub {
  return traderEventHub(db, () => new TraderEventHub(db, getEnv().tradersMode === 'worker' ? createTraderRowWatch(db) : null));
}

/** Tests: use this hub for a database (e.g. one that watches the rows, as in worker mode). */
export function installTraderEventHub(db: TDb, hub: TraderEventHub): void {
  holder.__nofxTraderEvents ??= new WeakMap();
  holder.__nofxTraderEvents.set(db, hub);
}
