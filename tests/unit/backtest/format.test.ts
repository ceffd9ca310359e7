// Traders' number formatting: signed %, 万/亿 vs K/M/B, prices to the tick, exchange-local times.
import { describe, expect, it } from 'vitest';
import { directionClass, formatAmount, formatExchangeTime, formatPercent, formatPrice, formatRatio, formatSignedPercent, hasIntraday, tickDecimals } from '@/components/backtest/format';
import { drawdownSeries } from '@/components/backtest/drawdown';
import { reasonText } from '@/components/backtest/reason-text';
import { tradesCsv } from '@/components/backtest/TradesTable';
import { enUS } from '@/messages/en-US';
import { zhCN } from '@/messages/zh-CN';

describe('percentages', () => {
  it('carry a sign, a true minus and two decimals', () => {
    expect(formatSignedPercent(0.5782944876586351, 'en-US')).toBe('+57.83%');
    expect(formatSignedPercent(-0.1593, 'en-US')).toBe('−15.93%');
    expect(formatSignedPercent(0, 'en-US')).toBe('0.00%');
    expect(formatSignedPercent(-0.00001, 'en-US')).toBe('0.00%'); // no "−0.00%"
    expect(formatSignedPercent(12.3456, 'zh-CN')).toBe('+1,234.56%');
    expect(formatSignedPercent(NaN, 'en-US')).toBe('—');
    expect(formatSignedPercent(null, 'en-US')).toBe('—');
    expect(formatPercent(0.4359, 'en-US', 1)).toBe('43.6%');
  });
});

describe('large amounts', () => {
  it('use 万 / 亿 in zh-CN', () => {
    expect(formatAmount(1578294.487658635, 'zh-CN')).toBe('157.83万');
    expect(formatAmount(123_456_789, 'zh-CN')).toBe('1.23亿');
    expect(formatAmount(9_999, 'zh-CN')).toBe('9,999.00');
    expect(formatAmount(-53944.97, 'zh-CN', { signed: true })).toBe('−5.39万');
    expect(formatAmount(2.5e12, 'zh-CN')).toBe('2.50万亿');
  });
  it('use K / M / B in en-US', () => {
    expect(formatAmount(1578294.487658635, 'en-US')).toBe('1.58M');
    expect(formatAmount(23117.89, 'en-US')).toBe('23.12K');
    expect(formatAmount(4.2e9, 'en-US')).toBe('4.20B');
    expect(formatAmount(999.5, 'en-US')).toBe('999.50');
    expect(formatAmount(21504.74, 'en-US', { signed: true })).toBe('+21.50K');
  });
});

describe('prices to the tick', () => {
  it('takes the decimals from the tick', () => {
    expect(tickDecimals(0.01)).toBe(2);
    expect(tickDecimals(0.001)).toBe(3);
    expect(tickDecimals(0.5)).toBe(1);
    expect(tickDecimals(1)).toBe(0);
    expect(tickDecimals(1e-8)).toBe(8);
    expect(formatPrice(137.559998, 0.01, 'en-US')).toBe('137.56');
    expect(formatPrice(3.4567, 0.001, 'zh-CN')).toBe('3.457');
    expect(formatPrice(43210.5, 0.01, 'en-US')).toBe('43,210.50');
    expect(formatPrice(-1.5, 0.01, 'en-US')).toBe('−1.50');
  });
});

describe('ratios, times, directions', () => {
  it('formats ratios with a true minus', () => {
    expect(formatRatio(0.49174572479330114, 'en-US')).toBe('0.49');
    expect(formatRatio(-1.234, 'en-US')).toBe('−1.23');
    expect(formatRatio(null, 'en-US')).toBe('—');
  });
  it('reads exchange-local times from the UTC fields (never the browser zone)', () => {
    expect(formatExchangeTime(Date.parse('2019-02-01T09:31:00Z'), true)).toBe('2019-02-01 09:31');
    expect(formatExchangeTime(Date.parse('2008-02-27T00:00:00Z'), false)).toBe('2008-02-27');
    expect(hasIntraday([Date.parse('2008-02-27T00:00:00Z')])).toBe(false);
    expect(hasIntraday([Date.parse('2008-02-27T00:00:00Z'), Date.parse('2008-02-27T09:30:00Z')])).toBe(true);
  });
  it('colours by direction through the market-convention classes', () => {
    expect(directionClass(0.1)).toBe('price-up');
    expect(directionClass(-0.1)).toBe('price-down');
    expect(directionClass(0)).toBe('');
    expect(directionClass(null)).toBe('');
  });
});

describe('drawdown, broker reasons, CSV', () => {
  it('computes drawdown from the running peak', () => {
    expect(drawdownSeries([100, 110, 99, 121, 60.5])).toEqual([0, 0, 99 / 110 - 1, 0, -0.5]);
  });
  it('translates the broker’s reasons and keeps unknown ones as they are', () => {
    expect(reasonText('insufficient cash: needs 1000.00, has 10.00', zhCN)).toBe('资金不足：需要 1000.00，可用 10.00');
    expect(reasonText('shares bought today cannot be sold until the next trading day (T+1)', zhCN)).toContain('T+1');
    expect(reasonText('locked at limit-up', enUS)).toBe('Locked at limit-up');
    expect(reasonText('limit 12.5 not reached', zhCN)).toBe('未触及限价 12.5');
    expect(reasonText('something new', zhCN)).toBe('something new');
  });
  it('exports trades as CSV with exchange-local dates', () => {
    const csv = tradesCsv(
      [{ symbol: 'SPY.US', side: 'long', entryTime: Date.parse('2008-02-27T00:00:00Z'), exitTime: Date.parse('2008-03-07T00:00:00Z'), qty: 6866, entryPrice: 137.56, exitPrice: 129.77, pnl: -53944.97, returnPct: -0.057, fees: 458.87, bars: 7 }],
      false,
    );
    expect(csv).toBe('symbol,entryTime,exitTime,qty,entryPrice,exitPrice,pnl,returnPct,fees,bars\n"SPY.US",2008-02-27,2008-03-07,6866,137.56,129.77,-53944.97,-0.057,458.87,7\n');
  });
});
