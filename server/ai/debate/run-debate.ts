import type { TAiDebateRequest, TDecision } from '@/nodes/sdk';
import { failureText } from '../client/ai-failure';
import { answerWith } from '../decide/answer-with';
import type { TAskModelDeps } from '../decide/ask-model';
import { heuristicDebater } from '../heuristic/heuristic-debater';
import { promptTexts } from '../prompts';
import { judgeMessages, participantMessages, speakerNames, type TTurnText } from '../prompts/build-debate-messages';
import { formatNumber } from '../prompts/format-values';
import type { TProviderDirectory } from '../providers/create-provider-directory';
import type { TAnswerRecord, TDebateMessage, TDebateTranscript, TDebateVerdict } from '../record/ai-records';
import type { TDebateEvent } from './debate-events';
import { tallyVotes } from './tally-votes';

export interface TDebateDeps extends TAskModelDeps {
  directory: TProviderDirectory;
  onEvent?: (event: TDebateEvent) => void;
  /** stream participants' text (Arena); backtests do not need the deltas */
  stream?: boolean;
  signal?: AbortSignal;
}

export interface TDebateSetup extends Omit<TAiDebateRequest, 'nodeId'> {
  id: string;
  runId: string | null;
  nodeId: string | null;
  /** the market snapshot rendered as text (same for every participant and the judge) */
  context: string;
}

/**
 * Runs a debate: rounds one after another, the participants of a round in parallel (each sees
 * the earlier rounds only), then the verdict. Every answer goes through the decision cache, so
 * a rerun of the same debate makes no calls. A participant that fails sits the round out (its
 * turn says why); a judge that fails gives way to the vote, and the verdict says so.
 */
export async function runDebate(setup: TDebateSetup, deps: TDebateDeps): Promise<TDebateTranscript> {
  const { language, snapshot } = setup;
  const texts = promptTexts(language);
  const speakers = speakerNames(
    setup.participants.map((p) => p.role),
    texts,
  );
  const emit = (event: TDebateEvent) => deps.onEvent?.(event);
  const where = { nodeId: setup.nodeId ?? 'debate', symbol: snapshot.symbol, barTime: snapshot.time };
  emit({
    type: 'debate-started',
    debateId: setup.id,
    symbol: snapshot.symbol,
    rounds: setup.rounds,
    participants: setup.participants.map((p, k) => ({ role: p.role, provider: p.provider, model: p.model, speaker: speakers[k] })),
  });

  const messages: TDebateMessage[] = [];
  const turns: TTurnText[] = [];
  let lastStances: Array<TDecision | null> = setup.participants.map(() => null);

  for (let round = 1; round <= setup.rounds; round++) {
    const earlier = [...turns];
    const previous = lastStances;
    const answers = await Promise.all(
      setup.participants.map(async (participant, k) => {
        emit({ type: 'message-started', debateId: setup.id, round, participant: k });
        const question = participantMessages({ texts, language, role: participant.role, context: setup.context, earlier, round, rounds: setup.rounds });
        const others = previous.filter((d, j): d is TDecision => j !== k && d !== null);
        return answerWith(
          deps,
          deps.directory.resolve(participant),
          {
            messages: question,
            temperature: setup.temperature,
            where,
            signal: deps.signal,
            onDelta: deps.stream ? (text) => emit({ type: 'message-delta', debateId: setup.id, round, participant: k, text }) : undefined,
          },
          () => heuristicDebater(snapshot, language, participant.role, others),
        );
      }),
    );
    lastStances = answers.map((a) => a.parsed);
    answers.forEach((answer, k) => {
      const message: TDebateMessage = { round, participant: k, role: setup.participants[k].role, answer };
      messages.push(message);
      turns.push({ round, speaker: speakers[k], text: turnText(answer, language) });
      emit({ type: 'message-finished', debateId: setup.id, message });
    });
  }

  const votes = lastStances.filter((d): d is TDecision => d !== null);
  const verdict = await decideVerdict(setup, deps, votes, turns, where);
  emit({ type: 'verdict', debateId: setup.id, verdict });
  const transcript: TDebateTranscript = {
    id: setup.id,
    runId: setup.runId,
    nodeId: setup.nodeId,
    symbol: snapshot.symbol,
    barTime: snapshot.time,
    language,
    rounds: setup.rounds,
    participants: setup.participants.map((p) => ({ role: p.role, provider: p.provider, model: p.model })),
    context: setup.context,
    messages,
    verdict,
    createdAt: deps.now().toISOString(),
  };
  emit({ type: 'debate-finished', debateId: setup.id, transcript });
  return transcript;
}

async function decideVerdict(
  setup: TDebateSetup,
  deps: TDebateDeps,
  votes: TDecision[],
  turns: TTurnText[],
  where: { nodeId: string; symbol: string; barTime: number },
): Promise<TDebateVerdict> {
  const { language } = setup;
  const vote = tallyVotes(votes, language);
  if (setup.verdict.method === 'vote') return { method: 'vote', decision: vote.decision, tally: vote.tally, judge: null, note: null };

  const zh = language === 'zh-CN';
  const judgeRef = deps.directory.resolve(setup.verdict.judge);
  if (judgeRef.kind === 'heuristic') {
    // the heuristic analyst cannot weigh arguments; say plainly that the vote decided
    const note = zh ? '裁判为启发式分析员（非AI模型）：按置信度加权投票裁决' : 'judge is the heuristic analyst (not an AI model): the confidence-weighted vote decides';
    return { method: 'judge', decision: vote.decision, tally: vote.tally, judge: null, note };
  }
  deps.onEvent?.({ type: 'judge-started', debateId: setup.id });
  const judge: TAnswerRecord = await answerWith(
    deps,
    judgeRef,
    { messages: judgeMessages({ texts: promptTexts(language), language, context: setup.context, turns }), temperature: setup.temperature, where, signal: deps.signal },
    () => vote.decision,
  );
  if (judge.parsed) return { method: 'judge', decision: judge.parsed, tally: vote.tally, judge, note: null };
  const reason = judge.failure ? failureText(judge.failure, language) : '';
  const note = zh ? `裁判失败（${reason}），改用置信度加权投票` : `judge failed (${reason}); fell back to the confidence-weighted vote`;
  return { method: 'judge', decision: vote.decision, tally: vote.tally, judge, note };
}

function turnText(answer: TAnswerRecord, language: 'zh-CN' | 'en-US'): string {
  if (!answer.parsed) return promptTexts(language).noAnswer(answer.failure ? failureText(answer.failure, language) : '?');
  const d = answer.parsed;
  return `${d.action} (${formatNumber(d.confidence)}): ${d.reasoning.replace(/\s+/g, ' ').trim()}`;
}
