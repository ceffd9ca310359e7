import { aiDebate } from '@/nodes/ai/ai-debate';
import type { TAiDebateRequest } from '@/nodes/sdk';

/**
 * An Arena debate as the params of an AI Debate node ("use this debate in a strategy"):
 * same participants, rounds, verdict, language and template; the editor places the node.
 * Parsed by the node's own schema so the result is exactly what the node accepts.
 */
export function toDebateNodeParams(setup: Pick<TAiDebateRequest, 'participants' | 'rounds' | 'verdict' | 'language' | 'temperature' | 'template'>) {
  return aiDebate.params.parse({
    participants: setup.participants.map((p) => ({ role: p.role, provider: p.provider, model: p.model })),
    rounds: setup.rounds,
    verdict: setup.verdict.method,
    judgeProvider: setup.verdict.method === 'judge' ? setup.verdict.judge.provider : 'auto',
    judgeModel: setup.verdict.method === 'judge' ? setup.verdict.judge.model : '',
    language: setup.language,
    temperature: setup.temperature,
    template: setup.template,
  });
}
