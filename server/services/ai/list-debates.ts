import type { TDb } from '@/server/db';
import type { TDebateSummaryDto } from './schemas';
import { toDebateSummaryDto } from './to-ai-dto';

/** The user's Arena debates, newest first (debates of AI Debate nodes in runs are reached from the run). */
export async function listDebates(db: TDb, input: { ownerId: string; limit: number }): Promise<TDebateSummaryDto[]> {
  const rows = await db.aiDebate.findMany({ where: { ownerId: input.ownerId, runId: null, nodeId: null }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: input.limit });
  return rows.map(toDebateSummaryDto);
}
