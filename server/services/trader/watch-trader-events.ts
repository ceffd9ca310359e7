import type { TDb } from '@/server/db';
import { AppError } from '@/server/services/errors';
import type { TTraderEvent } from './schemas';
import { getTraderEventHub, type OwnerChannel, type TraderEventHub } from './trader-event-hub';
import { getTraderManager } from './trader-runtime';

/** Batches at most this often: a replay at full speed writes hundreds of rows a second, a page needs a few updates. */
const BATCH_GAP_MS = 200;

export type TTraderEventStream = AsyncGenerator<{ id: string; events: TTraderEvent[] }, void, unknown>;

/**
 * An owner's trader events (one trader's with `traderId`) from now on, or from `lastEventId` when
 * a browser reconnects. Ownership is checked before the stream is returned, so another user's
 * trader fails as NOT_FOUND instead of as a stream that never speaks.
 */
export async function watchTraderEvents(db: TDb, input: { ownerId: string; traderId?: string | null; lastEventId?: string | null; signal?: AbortSignal }): Promise<TTraderEventStream> {
  if (input.traderId) {
    const row = await db.trader.findFirst({ where: { id: input.traderId, ownerId: input.ownerId }, select: { id: true } });
    if (!row) throw new AppError('not_found');
  }
  const hub = getTraderEventHub(db);
  // Someone watches: make sure this process's runtime is up, so traders that were running before a
  // restart resume (the manager does that on first use) instead of waiting for a button press.
  if (!hub.watchesDb) getTraderManager(db);
  return follow(hub, input.ownerId, input.traderId ?? null, input.lastEventId ?? null, input.signal);
}

/** The cursor is taken (and the subscriber counted) when the stream is created, not at its first read, so nothing between the two is lost. */
function follow(hub: TraderEventHub, ownerId: string, traderId: string | null, lastEventId: string | null, signal: AbortSignal | undefined): TTraderEventStream {
  const channel: OwnerChannel = hub.attach(ownerId);
  let cursor = channel.seq;
  let resync = false;
  if (lastEventId) {
    const [epoch, seqText] = lastEventId.split('.');
    const seq = Number(seqText);
    if (epoch === hub.epoch && Number.isInteger(seq) && seq >= 0 && seq <= channel.seq) cursor = seq;
    else resync = true; // an id from another process or an older hub: what happened since is unknown
  }
  return (async function* () {
    try {
      if (resync) yield { id: `${hub.epoch}.${cursor}`, events: [{ type: 'resync' }] };
      while (!signal?.aborted) {
        if (channel.seq === cursor) {
          await channel.wait(signal);
          continue;
        }
        const to = channel.seq;
        const since = channel.since(cursor);
        cursor = to;
        const events: TTraderEvent[] = since === null ? [{ type: 'resync' }] : traderId ? since.filter((e) => e.type === 'resync' || e.traderId === traderId) : since;
        if (events.length === 0) continue;
        yield { id: `${hub.epoch}.${to}`, events };
        await pause(BATCH_GAP_MS, signal);
      }
    } finally {
      hub.detach(ownerId);
    }
  })();
}

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
