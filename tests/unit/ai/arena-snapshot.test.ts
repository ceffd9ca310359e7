import { describe, expect, it } from 'vitest';
import { arenaSnapshot } from '@/server/ai/debate/arena-snapshot';
import { toDebateNodeParams } from '@/server/ai/debate/to-debate-node-params';
import { loadMarketBars } from '../../helpers/bars';

const bars = loadMarketBars('600519.SH_daily.csv');

describe('arenaSnapshot', () => {
  it('takes the last bar at or before the chosen time, with indicators from bars up to it only', () => {
    const at = bars.time[300] + 3_600_000; // during the day after bar 300's midnight stamp
    const s = arenaSnapshot({ symbol: '600519.SH', bars, at, count: 10 })!;
    expect(s.barIndex).toBe(300);
    expect(s.bars).toHaveLength(10);
    expect(s.bars[9].close).toBe(bars.close[300]);
    const later = arenaSnapshot({ symbol: '600519.SH', bars: { ...bars, length: 301 }, count: 10 })!;
    expect(later.values).toEqual(s.values); // nothing after bar 300 influenced the values
    expect(s.values.map((v) => v.label)).toEqual(['RSI(14)', 'SMA(20)', 'MACD hist(12,26,9)']);
    expect(s.values.every((v) => Number.isFinite(v.value))).toBe(true);
  });

  it('defaults to the latest bar and is null before the first', () => {
    expect(arenaSnapshot({ symbol: 'X', bars })!.barIndex).toBe(bars.length - 1);
    expect(arenaSnapshot({ symbol: 'X', bars, at: bars.time[0] - 1 })).toBeNull();
  });
});

describe('toDebateNodeParams', () => {
  it('turns an Arena setup into valid AI Debate node params', () => {
    const params = toDebateNodeParams({
      participants: [
        { role: 'bull', provider: 'deepseek', model: 'deepseek-chat' },
        { role: 'bear', provider: 'qwen', model: 'qwen-plus' },
      ],
      rounds: 3,
      verdict: { method: 'judge', judge: { provider: 'openai', model: 'gpt-4o' } },
      language: 'zh-CN',
      temperature: 0.4,
      template: '',
    });
    expect(params).toMatchObject({ rounds: 3, verdict: 'judge', judgeProvider: 'openai', judgeModel: 'gpt-4o', language: 'zh-CN', everyBars: 20 });
    expect(params.participants).toHaveLength(2);
  });
});
