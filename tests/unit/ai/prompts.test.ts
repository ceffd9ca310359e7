import { describe, expect, it } from 'vitest';
import type { TAiSnapshot } from '@/nodes/sdk';
import { buildDecisionMessages } from '@/server/ai/prompts/build-decision-messages';
import { inferMarketLookup } from '@/server/ai/prompts/describe-market-rules';
import { formatNumber } from '@/server/ai/prompts/format-values';
import { renderTemplate } from '@/server/ai/prompts/render-template';

const DAY = 86_400_000;

function snapshot(symbol: string, over: Partial<TAiSnapshot> = {}): TAiSnapshot {
  const t0 = Date.UTC(2024, 2, 4);
  const closes = [100, 102, 101, 104];
  return {
    symbol,
    time: t0 + 3 * DAY,
    barIndex: 3,
    bars: closes.map((c, k) => ({ time: t0 + k * DAY, open: c - 1, high: c + 1, low: c - 2, close: c, volume: 1000 + k })),
    values: [{ label: 'RSI(14)', value: 28.123456 }, { label: 'SMA(20)', value: NaN }],
    position: { qty: 300, avgPrice: 98, sellable: 200 },
    account: { cash: 50_000, equity: 81_200 },
    ...over,
  };
}

describe('renderTemplate', () => {
  it('fills known placeholders and leaves unknown ones as written', () => {
    expect(renderTemplate('{{a}} and {{ b }} and {{c}}', { a: '1', b: '2' })).toEqual({ text: '1 and 2 and {{c}}', unknown: ['c'] });
  });
});

describe('formatNumber', () => {
  it('prints stably with six significant digits', () => {
    expect(formatNumber(28.123456)).toBe('28.1235');
    expect(formatNumber(1234.5678)).toBe('1234.57');
    expect(formatNumber(0.000123456)).toBe('0.00012346');
    expect(formatNumber(NaN)).toBe('n/a');
    expect(formatNumber(12_345_678.9)).toBe('12345679');
  });
});

describe('buildDecisionMessages', () => {
  it('A-share in English: T+1, lot, price limits, bars, values, position held back by T+1', () => {
    const { messages, assetClass } = buildDecisionMessages(snapshot('600519.SH'), 'en-US', '', inferMarketLookup);
    expect(assetClass).toBe('stock');
    expect(messages[0].role).toBe('system');
    expect(messages[0].content).toContain('JSON'); // JSON mode needs the word in the prompt
    const user = messages[1].content;
    expect(user).toContain('Stock: 600519.SH');
    expect(user).toContain('T+1');
    expect(user).toContain('Board lot: 100 shares');
    expect(user).toMatch(/Daily limit ±10%: today's limit-up 111\.1, limit-down 90\.9/);
    expect(user).toContain('Last 4 bars, oldest first:');
    expect(user).toContain('2024-03-07 | 103 | 105 | 102 | 104 | 1003 | +2.97%');
    expect(user).toContain('- RSI(14): 28.1235');
    expect(user).toContain('- SMA(20): n/a');
    expect(user).toContain('long 300 at average 98, unrealised +6.12%; sellable now: 200 (the rest was bought today: T+1)');
    expect(user).toContain('cash 50000.00, equity 81200.00');
  });

  it('A-share in Chinese', () => {
    const user = buildDecisionMessages(snapshot('600519.SH'), 'zh-CN', '', inferMarketLookup).messages[1].content;
    expect(user).toContain('股票：600519.SH');
    expect(user).toContain('T+1：今天买入的股票最早下一个交易日才能卖出');
    expect(user).toContain('每手 100 股');
    expect(user).toContain('涨跌停 ±10%');
    expect(user).toContain('最近 4 根K线');
  });

  it('crypto: 24/7 and fractional, no limits; US: T+0 and no limit', () => {
    const crypto = buildDecisionMessages(snapshot('BTCUSDT', { position: { qty: 0, avgPrice: 0, sellable: 0 } }), 'en-US', '', inferMarketLookup);
    expect(crypto.assetClass).toBe('crypto');
    expect(crypto.messages[0].content).toContain('crypto');
    expect(crypto.messages[1].content).toContain('Pair: BTCUSDT');
    expect(crypto.messages[1].content).toContain('24/7');
    expect(crypto.messages[1].content).toContain('Position: flat (no position)');
    const us = buildDecisionMessages(snapshot('AAPL.US'), 'en-US', '', inferMarketLookup).messages[1].content;
    expect(us).toContain('T+0');
    expect(us).toContain('No daily price limit');
  });

  it('uses the node’s template, reports unknown placeholders, and is byte-identical on repeat', () => {
    const a = buildDecisionMessages(snapshot('600519.SH'), 'en-US', 'Close history for {{symbol}}:\n{{bars}}\n{{nonsense}}', inferMarketLookup);
    expect(a.messages[1].content.startsWith('Close history for 600519.SH:\ntime | open')).toBe(true);
    expect(a.unknownPlaceholders).toEqual(['nonsense']);
    const b = buildDecisionMessages(snapshot('600519.SH'), 'en-US', 'Close history for {{symbol}}:\n{{bars}}\n{{nonsense}}', inferMarketLookup);
    expect(b.messages).toEqual(a.messages);
  });

  it('prints minutes for intraday bars and takes the band from the previous day, not the previous bar', () => {
    const t = Date.UTC(2024, 2, 5, 9, 35);
    const snap = snapshot('600519.SH', {
      time: t + 5 * 60_000,
      bars: [
        { time: Date.UTC(2024, 2, 4, 15, 0), open: 100, high: 100, low: 100, close: 100, volume: 1 },
        { time: t, open: 101, high: 103, low: 101, close: 102, volume: 1 },
        { time: t + 5 * 60_000, open: 102, high: 104, low: 102, close: 103, volume: 1 },
      ],
    });
    const user = buildDecisionMessages(snap, 'en-US', '', inferMarketLookup).messages[1].content;
    expect(user).toContain('2024-03-05 09:40');
    expect(user).toContain("today's limit-up 110, limit-down 90");
  });
});
