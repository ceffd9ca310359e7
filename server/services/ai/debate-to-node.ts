import { aiDebate } from '@/nodes/ai/ai-debate';
import { toDebateNodeParams } from '@/server/ai/debate/to-debate-node-params';
import type { TDb } from '@/server/db';
import { AppError } from '@/server/services/errors';
import { getDebate } from './get-debate';

/**
 * "Use in a strategy": the debate as the params of an AI Debate node (same participants, rounds,
 * verdict, language, temperature and template), parsed by the node's own schema.
 */
export async function debateToNode(db: TDb, input: { ownerId: string; id: string }) {
  const debate = await getDebate(db, input);
  if (debate.participants.length < 2) throw new AppError('participants_too_few');
  const setup = debate.setup;
  const method = setup?.verdict ?? debate.verdict?.method ?? 'vote';
  const judge = setup?.judge ?? { provider: 'auto', model: '' };
  const params = toDebateNodeParams({
    participants: debate.participants.slice(0, 5),
    rounds: debate.rounds,
    verdict: method === 'judge' ? { method: 'judge', judge } : { method: 'vote' },
    language: debate.language,
    temperature: setup?.temperature ?? aiDebate.params.shape.temperature.parse(undefined),
    template: setup?.template ?? '',
  });
  return { type: aiDebate.type, version: aiDebate.version, params: { ...params, bars: setup?.bars ?? params.bars } };
}
