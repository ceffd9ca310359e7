import type { TDb } from '@/server/db';
import { AppError } from '@/server/services/errors';
import type { TDebateDto } from './schemas';
import { toDebateDto } from './to-ai-dto';

/** One debate with its context, every message and the verdict: an Arena debate or a node's transcript from a run. */
export async function getDebate(db: TDb, input: { ownerId: string; id: string }): Promise<TDebateDto> {
  const row = await db.aiDebate.findFirst({ where: { id: input.id, ownerId: input.ownerId } });
  if (!row) throw new AppError('not_found');
  return toDebateDto(row);
}
