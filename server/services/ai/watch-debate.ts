import type { TDb } from '@/server/db';
import { AppError } from '@/server/services/errors';
import { debateHub, type DebateChannel } from './debate-hub';
import type { TArenaEvent } from './schemas';
import { toDebateDto } from './to-ai-dto';

export type TDebateEventStream = AsyncGenerator<{ id: string; event: TArenaEvent }, void, unknown>;

/**
 * A debate's events for one subscriber: everything after `lastEventId` (all of them for a new
 * subscriber), then live ones until the debate ends. A debate no longer running in this process
 * answers with its stored form as the one and last event. Access is checked before the stream
 * is returned, so another user's id fails as NOT_FOUND rather than as a broken stream.
 */
export async function watchDebate(db: TDb, input: { ownerId: string; debateId: string; lastEventId?: string | null; signal?: AbortSignal }): Promise<TDebateEventStream> {
  const hub = debateHub(db);
  await hub.ready;
  const channel = hub.get(input.debateId);
  if (channel && channel.ownerId === input.ownerId) return follow(channel, input.lastEventId, input.signal);
  const row = await db.aiDebate.findFirst({ where: { id: input.debateId, ownerId: input.ownerId } });
  if (!row) throw new AppError('not_found');
  return (async function* stored() {
    yield { id: 'stored', event: { type: 'debate-finished', debateId: row.id, debate: toDebateDto(row) } as TArenaEvent };
  })();
}

async function* follow(channel: DebateChannel, lastEventId: string | null | undefined, signal: AbortSignal | undefined): TDebateEventStream {
  const seen = Number(lastEventId);
  let next = Number.isInteger(seen) && seen > 0 ? seen : 0;
  while (!signal?.aborted) {
    while (next < channel.events.length) {
      const buffered = channel.events[next++];
      yield { id: String(buffered.seq), event: buffered.event };
    }
    if (channel.done) return;
    await channel.wait(signal);
  }
}
