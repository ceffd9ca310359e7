import type { TAction, TAiLanguage, TDecision } from '@/nodes/sdk';

export type TTally = Record<TAction, number>;

/**
 * Confidence-weighted vote (NOFX style): each participant's last stance adds its confidence to
 * its action; the largest sum wins with confidence = its share of all confidence. A tie for the
 * top is HOLD: a split room is not a signal. No votes at all is HOLD with confidence 0.
 */
export function tallyVotes(votes: readonly TDecision[], language: TAiLanguage): { decision: TDecision; tally: TTally } {
  const tally: TTally = { BUY: 0, SELL: 0, HOLD: 0 };
  for (const v of votes) tally[v.action] += v.confidence;
  const total = tally.BUY + tally.SELL + tally.HOLD;
  const ranked = (Object.keys(tally) as TAction[]).sort((a, b) => tally[b] - tally[a]);
  const tied = tally[ranked[0]] === tally[ranked[1]];
  const action: TAction = total === 0 || tied ? 'HOLD' : ranked[0];
  const confidence = total === 0 ? 0 : Math.round((tally[action] / total) * 1000) / 1000;
  const sums = `BUY ${tally.BUY.toFixed(2)}, SELL ${tally.SELL.toFixed(2)}, HOLD ${tally.HOLD.toFixed(2)}`;
  const reasoning =
    language === 'zh-CN'
      ? `按置信度加权投票（${votes.length} 票）：${sums} → ${action}${tied && total > 0 ? '（并列，取 HOLD）' : ''}`
      : `Confidence-weighted vote (${votes.length} votes): ${sums} → ${action}${tied && total > 0 ? ' (tie: HOLD)' : ''}`;
  return { decision: { action, confidence, reasoning }, tally };
}
