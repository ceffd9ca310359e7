import type { TDebateRole } from '@/nodes/sdk';
import type { TChatMessage } from '../client/chat-types';
import type { TPromptTexts } from './prompt-texts';

/** A participant's turn as the others will read it. */
export interface TTurnText {
  round: number;
  speaker: string;
  /** "BUY (0.70): argument", or the no-answer note */
  text: string;
}

/** "Bull", or "Bull 2" when two participants share a role. */
export function speakerNames(roles: readonly TDebateRole[], texts: TPromptTexts): string[] {
  return roles.map((role, k) => {
    const same = roles.filter((r) => r === role).length;
    const nth = roles.slice(0, k + 1).filter((r) => r === role).length;
    return same > 1 ? `${texts.roles[role].name} ${nth}` : texts.roles[role].name;
  });
}

export function transcriptText(turns: readonly TTurnText[], language: 'zh-CN' | 'en-US'): string {
  const round = (n: number) => (language === 'zh-CN' ? `第${n}轮` : `Round ${n}`);
  return turns.map((t) => `[${round(t.round)}] ${t.speaker}: ${t.text}`).join('\n');
}

/**
 * What one participant is sent in a round: its role, the market, and every turn of the earlier
 * rounds (not of this round: participants of a round answer at the same time).
 */
export function participantMessages(args: {
  texts: TPromptTexts;
  language: 'zh-CN' | 'en-US';
  role: TDebateRole;
  context: string;
  earlier: readonly TTurnText[];
  round: number;
  rounds: number;
}): TChatMessage[] {
  const { texts } = args;
  const parts = [args.context];
  if (args.earlier.length > 0) parts.push(`${texts.debateSoFar}\n${transcriptText(args.earlier, args.language)}`);
  parts.push(texts.debateRound(args.round, args.rounds));
  return [
    { role: 'system', content: texts.debateSystem(texts.roles[args.role]) },
    { role: 'user', content: parts.join('\n\n') },
  ];
}

export function judgeMessages(args: { texts: TPromptTexts; language: 'zh-CN' | 'en-US'; context: string; turns: readonly TTurnText[] }): TChatMessage[] {
  return [
    { role: 'system', content: args.texts.judgeSystem },
    { role: 'user', content: `${args.context}\n\n${args.texts.debateSoFar}\n${transcriptText(args.turns, args.language)}\n\n${args.texts.judgeAsk}` },
  ];
}
