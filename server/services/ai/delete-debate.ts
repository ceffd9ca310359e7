import type { TDb } from '@/server/db';
import { AppError } from '@/server/services/errors';
import { debateHub } from './debate-hub';

/** Deletes a debate (cancelling it first if it is still running). */
export async function deleteDebate(db: TDb, input: { ownerId: string; id: string }): Promise<{ id: string }> {
  const channel = debateHub(db).get(input.id);
  const { count } = await db.aiDebate.deleteMany({ where: { id: input.id, ownerId: input.ownerId } });
  if (count === 0) throw new AppError('not_found');
  if (channel && channel.ownerId === input.ownerId && !channel.done) channel.controller.abort();
  return { id: input.id };
}
