// The simulated broker's reasons are English sentences; these patterns give them in the user's language.
import type { TMessages } from '@/messages/en-US';

export function reasonText(reason: string, t: TMessages): string {
  const r = t.backtest.reasons;
  if (reason === 'quantity rounds to zero lots') return r.zeroLots;
  if (reason === 'nothing sellable') return r.nothingSellable;
  if (reason === 'locked at limit-up') return r.lockedUp;
  if (reason === 'locked at limit-down') return r.lockedDown;
  if (reason === 'no position to sell') return r.noPosition;
  if (reason.startsWith('shares bought today cannot be sold')) return r.tPlusOne;
  let m = /^limit (\S+) not reached$/.exec(reason);
  if (m) return r.limitNotReached(m[1]);
  m = /^insufficient cash: needs (\S+), has (\S+)$/.exec(reason);
  if (m) return r.cash(m[1], m[2]);
  return reason;
}
