import { describe, expect, it } from 'vitest';
import type { TAiSnapshot } from '@/nodes/sdk';
import { HEURISTIC_LABEL, heuristicDecision } from '@/server/ai/heuristic/heuristic-analyst';
import { heuristicDebater } from '@/server/ai/heuristic/heuristic-debater';
import { tallyVotes } from '@/server/ai/debate/tally-votes';

function snap(values: TAiSnapshot['values'], closes = [100, 100], qty = 0): TAiSnapshot {
  return {
    symbol: 'X',
    time: closes.length,
    barIndex: closes.length - 1,
    bars: closes.map((c, k) => ({ time: k, open: c, high: c, low: c, close: c, volume: 1 })),
    values,
    position: { qty, avgPrice: qty ? 100 : 0, sellable: qty },
    account: { cash: 1e5, equity: 1e5 },
  };
}

describe('heuristicDecision', () => {
  it('buys on oversold RSI plus price above its average, and says it is not an AI model', () => {
    const d = heuristicDecision(snap([{ label: 'RSI(14)', value: 25 }, { label: 'SMA(20)', value: 95 }]), 'en-US');
    expect(d.action).toBe('BUY');
    expect(d.confidence).toBe(0.65);
    expect(d.reasoning.startsWith(HEURISTIC_LABEL.en)).toBe(true);
    expect(d.reasoning).toContain('RSI(14) 25 oversold (+1)');
    expect(d.reasoning).toContain('total +1.5 → BUY');
    expect(d.reasoning).not.toMatch(/\bI think\b|as an AI|language model says/i);
  });

  it('sells an overbought holding, but never sells when flat', () => {
    const bearish = [{ label: 'RSI', value: 80 }, { label: 'MACD hist', value: -0.3 }];
    expect(heuristicDecision(snap(bearish, [100, 100], 100), 'en-US').action).toBe('SELL');
    const flat = heuristicDecision(snap(bearish), 'en-US');
    expect(flat.action).toBe('HOLD');
    expect(flat.reasoning).toContain('flat: nothing to sell');
  });

  it('reads KDJ, Williams %R, CCI, band edges and price change; lists what it cannot read; speaks Chinese', () => {
    const d = heuristicDecision(
      snap(
        [
          { label: 'KDJ J', value: 10 },
          { label: 'WILLR', value: -90 },
          { label: 'CCI', value: -150 },
          { label: '布林下轨', value: 110 },
          { label: 'mystery', value: 1 },
          { label: 'warming up', value: NaN },
        ],
        [120, 100],
      ),
      'zh-CN',
    );
    expect(d.action).toBe('BUY');
    expect(d.reasoning.startsWith(HEURISTIC_LABEL.zh)).toBe(true);
    expect(d.reasoning).toContain('mystery 1（未解读）');
    expect(d.reasoning).toContain('2 根K线涨跌 -16.67%（-0.5）');
    expect(d.reasoning).not.toContain('warming up');
  });

  it('is deterministic', () => {
    const s = snap([{ label: 'RSI', value: 45 }], [100, 103, 108]);
    expect(heuristicDecision(s, 'en-US')).toEqual(heuristicDecision(s, 'en-US'));
  });
});

describe('heuristicDebater', () => {
  it('leans by role on the same readings', () => {
    const s = snap([{ label: 'RSI', value: 40 }], [100, 100], 100);
    expect(heuristicDebater(s, 'en-US', 'bull', []).action).toBe('HOLD'); // +0.75 < 1
    const oversold = snap([{ label: 'RSI', value: 25 }], [100, 100], 100);
    expect(heuristicDebater(oversold, 'en-US', 'bull', []).action).toBe('BUY');
    expect(heuristicDebater(oversold, 'en-US', 'contrarian', []).action).toBe('SELL');
    expect(heuristicDebater(oversold, 'en-US', 'risk-manager', []).action).toBe('HOLD');
    expect(heuristicDebater(oversold, 'en-US', 'bear', []).action).toBe('HOLD');
  });

  it('moves toward the others from round 2', () => {
    const s = snap([{ label: 'RSI', value: 40 }], [100, 100], 100);
    const moved = heuristicDebater(s, 'en-US', 'bull', [{ action: 'BUY', confidence: 0.9, reasoning: '' }]);
    expect(moved.action).toBe('BUY'); // 0.75 + 0.45
    expect(moved.reasoning).toContain("others' stance +0.45");
  });
});

describe('tallyVotes', () => {
  const v = (action: 'BUY' | 'SELL' | 'HOLD', confidence: number) => ({ action, confidence, reasoning: '' });
  it('weights by confidence, not by head count', () => {
    const r = tallyVotes([v('BUY', 0.9), v('SELL', 0.4), v('SELL', 0.4)], 'en-US');
    expect(r.decision.action).toBe('BUY');
    expect(r.tally).toEqual({ BUY: 0.9, SELL: 0.8, HOLD: 0 });
    expect(r.decision.confidence).toBe(0.529);
    expect(r.decision.reasoning).toContain('BUY 0.90, SELL 0.80, HOLD 0.00 → BUY');
  });
  it('holds on a tie and on no votes', () => {
    expect(tallyVotes([v('BUY', 0.6), v('SELL', 0.6)], 'en-US').decision).toMatchObject({ action: 'HOLD', confidence: 0 });
    expect(tallyVotes([], 'zh-CN').decision).toMatchObject({ action: 'HOLD', confidence: 0 });
  });
});
