import type { TAiLanguage, TAiSnapshot } from '@/nodes/sdk';
import { describeMarketRules, type TMarketFacts, type TMarketLookup } from './describe-market-rules';
import { formatBarTime, formatMoney, formatNumber, formatPercent, isIntraday } from './format-values';
import type { TPromptTexts, TTemplateVariable } from './prompt-texts';

/** The values of every template placeholder for one snapshot, plus the market facts behind them. */
export function snapshotVariables(
  snapshot: TAiSnapshot,
  language: TAiLanguage,
  texts: TPromptTexts,
  lookup: TMarketLookup,
): { variables: Record<TTemplateVariable, string>; facts: TMarketFacts } {
  const facts = describeMarketRules(snapshot, language, lookup);
  const intraday = isIntraday(snapshot.bars.map((b) => b.time));
  const rows = snapshot.bars.map((b, k) => {
    const prev = k > 0 ? snapshot.bars[k - 1].close : NaN;
    const change = Number.isFinite(prev) && prev !== 0 ? formatPercent(b.close / prev - 1) : '';
    return [formatBarTime(b.time, intraday), formatNumber(b.open), formatNumber(b.high), formatNumber(b.low), formatNumber(b.close), formatNumber(b.volume), change].join(' | ');
  });
  const values = snapshot.values.length === 0 ? texts.noValues : snapshot.values.map((v) => `- ${v.label}: ${formatNumber(v.value)}`).join('\n');
  const last = snapshot.bars[snapshot.bars.length - 1];
  const { qty, avgPrice, sellable } = snapshot.position;
  const position =
    qty > 0
      ? texts.position({
          qty: formatNumber(qty),
          avgPrice: formatNumber(avgPrice),
          sellable: formatNumber(sellable),
          pnl: last && avgPrice > 0 ? formatPercent(last.close / avgPrice - 1) : 'n/a',
          t1Held: sellable < qty,
        })
      : texts.flat;
  return {
    facts,
    variables: {
      symbol: snapshot.symbol,
      name: facts.name,
      market: facts.marketLabel,
      time: formatBarTime(snapshot.time, intraday),
      barCount: String(snapshot.bars.length),
      bars: [texts.barsHeader, ...rows].join('\n'),
      values,
      position,
      account: texts.account({ cash: formatMoney(snapshot.account.cash), equity: formatMoney(snapshot.account.equity) }),
      rules: facts.rules,
    },
  };
}
