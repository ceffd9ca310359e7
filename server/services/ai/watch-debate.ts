import type { TDb } from '@/server/db';
import { AppError } from '@/server/services/errors';
import { debateHub } from './debate-hub';
import type { TArenaEvent } from './schemas';
import { toDebateDto } from './to-ai-dto';

/**
 * A debate's events for one subscriber: everything after `lastEventId` (all of them for a new
 * subscriber), then live ones until the debate ends. A debate no longer running in this process
 * answers with its stored form as the one and last event. Another user's id is NOT_FOUND.
 */
export async function* watchDebate(
  db: TDb,
  input: { ownerId: string; debateId: string; lastEventId?: string | null; signal?: AbortSignal },
): AsyncGenerator<{ id: string; event: TArenaEvent }, void, unknown> {
  const hub = debateHub(db);
  await hub.ready;
  const channel = hub.get(input.debateId);
  if (channel && channel.ownerId === input.ownerId) {
    const seen = Number(input.lastEventId);
    let next = Number.isInteger(seen) && seen > 0 ? seen : 0;
    while (!input.signal?.aborted) {
      while (next < channel.events.length) {
        const buffered = channel.events[next++];
        yield { id: String(buffered.seq), event: buffered.event };
      }
      if (channel.done) return;
      await channel.wait(input.signal);
    }
    return;
  }
  const row = await db.aiDebate.findFirst({ where: { id: input.debateId, ownerId: input.ownerId } });
  if (!row) throw new AppError('not_found');
  yield { id: 'stored', event: { type: 'debate-finished', debateId: row.id, debate: toDebateDto(row) } };
}
