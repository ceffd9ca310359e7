import type { TDb } from '@/server/db';
import { AppError } from '@/server/services/errors';
import { debateHub } from './debate-hub';

/**
 * Stops a running debate: calls in flight are aborted (their turns read "cancelled"), the rest
 * ends quickly, and what was said so far is stored with status "cancelled". A finished debate
 * is left as it is.
 */
export async function cancelDebate(db: TDb, input: { ownerId: string; id: string }): Promise<{ id: string; cancelling: boolean }> {
  const row = await db.aiDebate.findFirst({ where: { id: input.id, ownerId: input.ownerId }, select: { id: true } });
  if (!row) throw new AppError('not_found');
  const channel = debateHub(db).get(input.id);
  const running = !!channel && !channel.done && channel.ownerId === input.ownerId;
  if (running) channel.controller.abort();
  return { id: input.id, cancelling: running };
}
