import type { TAiLanguage, TAiSnapshot } from '@/nodes/sdk';
import { getMarketRules, inferMarket, type TInstrument, type TMarketId, type TMarketRules } from '@/server/markets';
import { formatNumber } from './format-values';

export interface TMarketFacts {
  market: TMarketId;
  marketLabel: string;
  assetClass: 'stock' | 'crypto';
  name: string;
  rules: string;
}

/** Resolves a symbol to its market; runs pass the market they were given, others infer it from the code. */
export type TMarketLookup = (symbol: string) => TMarketId;

export const inferMarketLookup: TMarketLookup = (symbol) => {
  try {
    return inferMarket(symbol);
  } catch {
    return 'us';
  }
};

/**
 * The rules that change what a sensible decision is, in the prompt's language: whether today's
 * buy can be sold today (T+1), the lot size, and today's price band (a limit-locked stock cannot
 * be bought). Taken from server/markets, the same tables the simulated broker enforces.
 */
export function describeMarketRules(snapshot: TAiSnapshot, language: TAiLanguage, lookup: TMarketLookup): TMarketFacts {
  const market = lookup(snapshot.symbol);
  const rules = getMarketRules(market);
  const zh = language === 'zh-CN';
  if (!rules) return { market, marketLabel: market, assetClass: 'stock', name: '', rules: zh ? '（未知市场）' : '(unknown market)' };
  const instrument = rules.inferInstrument(snapshot.symbol);
  const lines: string[] = [];
  const t = snapshot.time;
  if (market === 'crypto') {
    lines.push(zh ? '7×24 小时交易，可买卖任意小数数量，无涨跌停，不可做空（本策略只做多）。' : 'Trades 24/7 in fractional quantities; no price limits; long only (no short selling in this strategy).');
  } else {
    const t1 = rules.settlementDays(instrument, t) === 1;
    lines.push(
      t1
        ? zh
          ? 'T+1：今天买入的股票最早下一个交易日才能卖出。'
          : 'T+1: shares bought today can be sold from the next trading day only.'
        : zh
          ? 'T+0：当天买入当天可卖。'
          : 'T+0: shares bought today can be sold today.',
    );
    lines.push(lotLine(instrument, zh));
    lines.push(bandLine(rules, instrument, snapshot, zh));
    lines.push(zh ? '只做多，不可做空。' : 'Long only: no short selling.');
  }
  return {
    market,
    marketLabel: zh ? rules.label.zh : rules.label.en,
    assetClass: market === 'crypto' ? 'crypto' : 'stock',
    name: (zh ? instrument.name?.zh : instrument.name?.en) ?? instrument.name?.en ?? instrument.name?.zh ?? '',
    rules: lines.map((l) => `- ${l}`).join('\n'),
  };
}

function lotLine(instrument: TInstrument, zh: boolean): string {
  if (instrument.lotSize <= 1) return zh ? '按 1 股为单位买卖。' : 'Shares trade in units of 1.';
  return zh ? `每手 ${instrument.lotSize} 股，买入须为整手。` : `Board lot: ${instrument.lotSize} shares; buys must be whole lots.`;
}

function bandLine(rules: TMarketRules, instrument: TInstrument, snapshot: TAiSnapshot, zh: boolean): string {
  const prev = previousDayClose(snapshot);
  const current = snapshot.bars.length > 0 ? snapshot.bars[snapshot.bars.length - 1].close : NaN;
  // a large session index: the prompt describes the regular band, not a new listing's first days
  const bandAt = (prevClose: number) => rules.priceBand({ instrument, prevClose, time: snapshot.time, sessionIndex: 1_000_000 });
  if (!Number.isFinite(prev)) {
    // no previous day in the context: say whether limits exist, without prices
    if (!Number.isFinite(current) || bandAt(current) === null) return zh ? '无涨跌停限制。' : 'No daily price limit.';
    return zh ? '有涨跌停限制（上下文中没有前一交易日收盘价）。' : 'Daily price limits apply (the context has no previous day close).';
  }
  const band = bandAt(prev);
  if (!band) return zh ? '无涨跌停限制。' : 'No daily price limit.';
  const pct = Math.round(((band.up - prev) / prev) * 100);
  return zh
    ? `涨跌停 ±${pct}%：今日涨停价 ${formatNumber(band.up)}，跌停价 ${formatNumber(band.down)}；封涨停时买不进，封跌停时卖不出。`
    : `Daily limit ±${pct}%: today's limit-up ${formatNumber(band.up)}, limit-down ${formatNumber(band.down)}; a stock locked at limit-up cannot be bought, at limit-down cannot be sold.`;
}

/** The band is set from the previous trading day's close, which for intraday bars is not the previous bar. */
function previousDayClose(snapshot: TAiSnapshot): number {
  const today = Math.floor(snapshot.time / 86_400_000);
  for (let k = snapshot.bars.length - 1; k >= 0; k--) {
    if (Math.floor(snapshot.bars[k].time / 86_400_000) < today) return snapshot.bars[k].close;
  }
  return NaN;
}
