import type { TDb } from '@/server/db';
import { AppError } from '@/server/services/errors';

/**
 * Removes the template and all its versions: its link stops working and it leaves the gallery.
 * Strategies forked from it are their users' own copies and are not touched.
 */
export async function unpublishTemplate(db: TDb, input: { ownerId: string; id: string }): Promise<{ id: string }> {
  const removed = await db.publishedTemplate.deleteMany({ where: { id: input.id, ownerId: input.ownerId } });
  if (removed.count === 0) throw new AppError('not_found');
  return { id: input.id };
}
