import type { TAiLanguage, TAiSnapshot, TDebateRole, TDecision } from '@/nodes/sdk';
import { heuristicDecision, type THeuristicLean } from './heuristic-analyst';

/** Each role reads the same rules with its own lean, so an offline debate still disagrees. */
const LEANS: Record<TDebateRole, THeuristicLean> = {
  bull: { bias: 0.75, scale: 1, threshold: 1, why: { en: 'bull lean +0.75', zh: '多头倾向 +0.75' } },
  bear: { bias: -0.75, scale: 1, threshold: 1, why: { en: 'bear lean −0.75', zh: '空头倾向 −0.75' } },
  analyst: { bias: 0, scale: 1, threshold: 1 },
  contrarian: { bias: 0, scale: -1, threshold: 1, why: { en: 'contrarian: readings inverted', zh: '逆向：读数取反' } },
  'risk-manager': { bias: 0, scale: 0.5, threshold: 1, why: { en: 'risk manager: readings halved', zh: '风控：读数减半' } },
};

/**
 * A heuristic participant. From round 2 on it moves a quarter of the way toward the others'
 * previous stances (BUY = +confidence, SELL = −confidence), as debaters do, deterministically.
 */
export function heuristicDebater(snapshot: TAiSnapshot, language: TAiLanguage, role: TDebateRole, others: TDecision[]): TDecision {
  const lean = LEANS[role];
  if (others.length === 0) return heuristicDecision(snapshot, language, lean);
  const stance = others.reduce((s, d) => s + (d.action === 'BUY' ? d.confidence : d.action === 'SELL' ? -d.confidence : 0), 0) / others.length;
  const pull = Math.round(stance * 2 * 0.25 * 100) / 100;
  const why = lean.why ?? { en: '', zh: '' };
  return heuristicDecision(snapshot, language, {
    ...lean,
    bias: lean.bias + pull,
    why: { en: `${why.en}${why.en ? '; ' : ''}others' stance ${pull >= 0 ? '+' : ''}${pull}`, zh: `${why.zh}${why.zh ? '；' : ''}他人立场 ${pull >= 0 ? '+' : ''}${pull}` },
  });
}
