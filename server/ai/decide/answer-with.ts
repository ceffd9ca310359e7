import type { TDecision } from '@/nodes/sdk';
import { HEURISTIC_MODEL, HEURISTIC_PROVIDER } from '../heuristic/heuristic-analyst';
import type { TResolvedModel } from '../providers/create-provider-directory';
import type { TAnswerRecord } from '../record/ai-records';
import { askModel, type TAskModelDeps, type TAskModelRequest } from './ask-model';

/**
 * One answer from whatever the reference resolved to: the model (through the cache), the
 * heuristic analyst (no call, labelled as such), or a failure record when the provider is
 * missing. Decision nodes, debate participants and judges all go through here.
 */
export async function answerWith(
  deps: TAskModelDeps,
  resolved: TResolvedModel,
  question: Omit<TAskModelRequest, 'provider' | 'model'>,
  heuristic: () => TDecision,
): Promise<TAnswerRecord> {
  if (resolved.kind === 'llm') return askModel(deps, { ...question, provider: resolved.provider, model: resolved.model });
  const blank = {
    cacheKey: null,
    messages: question.messages,
    parseNotes: [],
    latencyMs: 0,
    attempts: 0,
    promptTokens: 0,
    completionTokens: 0,
    tokensEstimated: false,
    cost: null,
  };
  if (resolved.kind === 'missing') {
    return { ...blank, provider: 'none', model: '', source: 'none', rawAnswer: '', parsed: null, failure: resolved.failure };
  }
  const decision = heuristic();
  const raw = JSON.stringify(decision);
  question.onDelta?.(raw);
  return { ...blank, provider: HEURISTIC_PROVIDER, model: HEURISTIC_MODEL, source: 'heuristic', rawAnswer: raw, parsed: decision, failure: null };
}
