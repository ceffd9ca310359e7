// The Arena's live view as a pure reducer over the debate's events: each participant's bubble
// opens, fills with streamed text, then closes with the parsed stance; then the verdict; then
// the stored debate replaces everything (a reopened past debate arrives as that last event only).
import type { TArenaEvent, TDebateDto, TDebateMessageDto, TVerdictDto } from '@/server/services/ai/schemas';

export interface TBubble {
  round: number;
  participant: number;
  /** the raw streamed text so far */
  text: string;
  message: TDebateMessageDto | null;
}

export interface TFeed {
  started: boolean;
  rounds: number;
  participants: Array<{ role: string; provider: string; model: string; speaker: string }>;
  bubbles: TBubble[];
  judging: boolean;
  verdict: TVerdictDto | null;
  /** the stored debate, once finished (or when a past debate is opened) */
  final: TDebateDto | null;
}

export const EMPTY_FEED: TFeed = { started: false, rounds: 0, participants: [], bubbles: [], judging: false, verdict: null, final: null };

function withBubble(feed: TFeed, round: number, participant: number, update: (b: TBubble) => TBubble): TFeed {
  const k = feed.bubbles.findIndex((b) => b.round === round && b.participant === participant);
  const current = k >= 0 ? feed.bubbles[k] : { round, participant, text: '', message: null };
  const next = update(current);
  const bubbles = k >= 0 ? feed.bubbles.map((b, j) => (j === k ? next : b)) : [...feed.bubbles, next];
  return { ...feed, bubbles };
}

export function reduceFeed(feed: TFeed, event: TArenaEvent): TFeed {
  switch (event.type) {
    case 'debate-started':
      return { ...feed, started: true, rounds: event.rounds, participants: event.participants };
    case 'message-started':
      return withBubble(feed, event.round, event.participant, (b) => b);
    case 'message-delta':
      return withBubble(feed, event.round, event.participant, (b) => ({ ...b, text: b.text + event.text }));
    case 'message-finished':
      return withBubble(feed, event.message.round, event.message.participant, (b) => ({ ...b, text: b.text || event.message.answer.rawAnswer, message: event.message }));
    case 'judge-started':
      return { ...feed, judging: true };
    case 'verdict':
      return { ...feed, judging: false, verdict: event.verdict };
    case 'debate-finished':
      return { ...feed, judging: false, final: event.debate };
  }
}

/**
 * What a half-streamed JSON answer says so far: the action once it is complete and the
 * reasoning text as it grows. A model that answers in prose is shown as written.
 */
export function partialAnswer(raw: string): { action: string | null; reasoning: string } {
  const action = /"action"\s*:\s*"(BUY|SELL|HOLD)"/i.exec(raw)?.[1]?.toUpperCase() ?? null;
  const start = /"reasoning"\s*:\s*"/.exec(raw);
  if (!start) return { action, reasoning: raw.trim().startsWith('{') || raw.trim().startsWith('```') ? '' : raw };
  let out = '';
  for (let i = start.index + start[0].length; i < raw.length; i++) {
    const c = raw[i];
    if (c === '"') break;
    if (c === '\\') {
      const n = raw[i + 1];
      if (n === undefined) break;
      out += n === 'n' ? '\n' : n === 't' ? '\t' : n === 'u' ? String.fromCharCode(parseInt(raw.slice(i + 2, i + 6), 16) || 32) : n;
      i += n === 'u' ? 5 : 1;
      continue;
    }
    out += c;
  }
  return { action, reasoning: out };
}

/** Speaker names: the role's name, numbered when two participants share a role. */
export function speakerLabels(roles: readonly string[], roleName: (role: string) => string): string[] {
  const counts = new Map<string, number>();
  for (const r of roles) counts.set(r, (counts.get(r) ?? 0) + 1);
  const seen = new Map<string, number>();
  return roles.map((r) => {
    const n = (seen.get(r) ?? 0) + 1;
    seen.set(r, n);
    return (counts.get(r) ?? 0) > 1 ? `${roleName(r)} ${n}` : roleName(r);
  });
}

/** The debated bar's date (times are exchange-local ms as if UTC). */
export function barDate(barTime: number): string {
  return new Date(barTime).toISOString().slice(0, 10);
}
