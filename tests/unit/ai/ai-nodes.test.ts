import { describe, expect, it } from 'vitest';
import type { TAiDebateRequest, TAiDecisionRequest, TAiDecisionResult, TAnyNodeDefinition, TLlmPort, TNodeContext } from '@/nodes/sdk';
import { aiDebate } from '@/nodes/ai/ai-debate';
import { aiDecision } from '@/nodes/ai/ai-decision';

/** A hand-written port: records requests and answers from a script. */
function stubPort(answer: (n: number) => TAiDecisionResult) {
  const decided: TAiDecisionRequest[] = [];
  const debated: TAiDebateRequest[] = [];
  const port: TLlmPort = {
    decide: async (r) => {
      decided.push(r);
      return answer(decided.length);
    },
    debate: async (r) => {
      debated.push(r);
      return { ...answer(debated.length), ref: `t${debated.length}` };
    },
  };
  return { port, decided, debated };
}

/** Steps a node over `n` bars with the given inputs per bar; returns the outputs per bar. */
async function run(node: typeof aiDecision | typeof aiDebate, rawParams: unknown, n: number, llm: TLlmPort | null, inputs: (i: number) => Record<string, unknown> = () => ({}), withHistory = true) {
  const def = node as unknown as TAnyNodeDefinition; // the registry's view of a node
  const params = def.params.parse(rawParams);
  const closes = Array.from({ length: n }, (_, i) => 100 + i);
  const bar = { index: 0, time: 0, open: 0, high: 0, low: 0, close: 0, volume: 0, amount: NaN };
  const ctx: TNodeContext = {
    symbol: 'AAPL.US',
    bar,
    position: { qty: 10, avgPrice: 99, sellable: 10, entryIndex: 0, highSinceEntry: 0, lastExitIndex: -1 },
    account: { cash: 1000, equity: 2000, dayStartEquity: 2000, tradingDay: 0, openPositions: 1 },
    llm,
  };
  if (withHistory) {
    ctx.recentBars = (count) =>
      closes.slice(Math.max(0, bar.index - count + 1), bar.index + 1).map((c, k, a) => ({ time: (bar.index - a.length + 1 + k) * 86_400_000, open: c, high: c, low: c, close: c, volume: 5 }));
  }
  const frame = { nodeId: 'ai', params, state: def.init(params), in: {} as Record<string, unknown>, out: {} as Record<string, unknown>, ctx };
  const outs: Array<Record<string, unknown>> = [];
  for (let i = 0; i < n; i++) {
    Object.assign(bar, { index: i, time: i * 86_400_000, open: closes[i], high: closes[i], low: closes[i], close: closes[i], volume: 5 });
    frame.in = { v1: NaN, v2: NaN, v3: NaN, v4: NaN, v5: NaN, v6: NaN, v7: NaN, v8: NaN, trigger: false, ...inputs(i) };
    await def.step(frame as never);
    outs.push({ ...frame.out });
  }
  return outs;
}

const buy = (confidence = 0.8): TAiDecisionResult => ({ action: 'BUY', confidence, reasoning: 'up', error: null });

describe('ai.decision node', () => {
  it('asks on the first bar and every N bars; outputs fire on those bars only', async () => {
    const { port, decided } = stubPort(() => buy());
    const outs = await run(aiDecision, { everyBars: 3 }, 10, port);
    expect(decided.map((r) => r.snapshot.barIndex)).toEqual([0, 3, 6, 9]);
    expect(outs.map((o) => o.buy)).toEqual([true, false, false, true, false, false, true, false, false, true]);
    expect(outs[1]).toEqual({ decision: null, confidence: NaN, buy: false, sell: false });
    expect(outs[3]).toMatchObject({ decision: { action: 'BUY', confidence: 0.8, reasoning: 'up' }, confidence: 0.8, sell: false });
  });

  it('with cadence "trigger" asks only when the trigger is true', async () => {
    const { port, decided } = stubPort(() => buy());
    await run(aiDecision, { cadence: 'trigger' }, 8, port, (i) => ({ trigger: i === 2 || i === 5 }));
    expect(decided.map((r) => r.snapshot.barIndex)).toEqual([2, 5]);
  });

  it('sends the snapshot: recent bars up to this one, named values, position, account, model params', async () => {
    const { port, decided } = stubPort(() => buy());
    await run(aiDecision, { everyBars: 4, bars: 3, labels: ['RSI(14)', '', 'MA'], provider: 'deepseek', model: 'deepseek-chat', language: 'zh-CN', temperature: 0.7, template: 'T {{symbol}}' }, 5, port, (i) => ({
      v1: 30 + i,
      v2: 7,
      v4: 1.5,
    }));
    const r = decided[1];
    expect(r.snapshot.bars.map((b) => b.close)).toEqual([102, 103, 104]);
    expect(r.snapshot.values).toEqual([
      { label: 'RSI(14)', value: 34 },
      { label: 'v2', value: 7 },
      { label: 'MA', value: NaN }, // labelled but unwired: shown as n/a
      { label: 'v4', value: 1.5 },
    ]);
    expect(r.snapshot).toMatchObject({ symbol: 'AAPL.US', barIndex: 4, position: { qty: 10, avgPrice: 99, sellable: 10 }, account: { cash: 1000, equity: 2000 } });
    expect(r).toMatchObject({ nodeId: 'ai', model: { provider: 'deepseek', model: 'deepseek-chat' }, language: 'zh-CN', temperature: 0.7, template: 'T {{symbol}}' });
  });

  it('falls back to the current bar when the context has no history', async () => {
    const { port, decided } = stubPort(() => buy());
    await run(aiDecision, { everyBars: 2 }, 3, port, undefined, false);
    expect(decided[1].snapshot.bars).toEqual([{ time: 2 * 86_400_000, open: 102, high: 102, low: 102, close: 102, volume: 5 }]);
  });

  it('gates buy/sell by minConfidence and passes failures through as HOLD', async () => {
    const answers: TAiDecisionResult[] = [buy(0.4), { action: 'SELL', confidence: 0.9, reasoning: 'down', error: null }, { action: 'HOLD', confidence: 0, reasoning: 'AI unavailable, holding: timeout', error: 'timeout' }];
    const { port } = stubPort((n) => answers[n - 1]);
    const outs = await run(aiDecision, { everyBars: 1, minConfidence: 0.5 }, 3, port);
    expect(outs.map((o) => [o.buy, o.sell])).toEqual([[false, false], [false, true], [false, false]]);
    expect(outs[2].decision).toEqual({ action: 'HOLD', confidence: 0, reasoning: 'AI unavailable, holding: timeout' });
  });

  it('holds explicitly when the run has no LLM port', async () => {
    const outs = await run(aiDecision, { everyBars: 2, language: 'zh-CN' }, 3, null);
    expect(outs[0].decision).toEqual({ action: 'HOLD', confidence: 0, reasoning: '本次运行没有 AI 服务' });
    expect(outs[1].decision).toBeNull();
  });
});

describe('ai.debate node', () => {
  it('has sensible defaults and validates participants and rounds', () => {
    const p = aiDebate.params.parse({});
    expect(p).toMatchObject({ rounds: 2, verdict: 'vote', everyBars: 20 });
    expect(p.participants.map((x) => x.role)).toEqual(['bull', 'bear', 'risk-manager']);
    expect(aiDebate.params.safeParse({ participants: [{ role: 'bull' }] }).success).toBe(false);
    expect(aiDebate.params.safeParse({ participants: Array(6).fill({ role: 'bull' }) }).success).toBe(false);
    expect(aiDebate.params.safeParse({ rounds: 6 }).success).toBe(false);
    expect(aiDebate.params.safeParse({ participants: [{ role: 'bull' }, { role: 'pundit' }] }).success).toBe(false);
  });

  it('sends participants, rounds and the judge, and keeps the transcript id on the decision', async () => {
    const { port, debated } = stubPort(() => buy());
    const outs = await run(
      aiDebate,
      { everyBars: 1, rounds: 3, verdict: 'judge', judgeProvider: 'openai', judgeModel: 'gpt-4o', participants: [{ role: 'bull', provider: 'deepseek' }, { role: 'contrarian', model: 'm' }] },
      1,
      port,
    );
    expect(debated[0]).toMatchObject({
      rounds: 3,
      verdict: { method: 'judge', judge: { provider: 'openai', model: 'gpt-4o' } },
      participants: [
        { role: 'bull', provider: 'deepseek', model: '' },
        { role: 'contrarian', provider: 'auto', model: 'm' },
      ],
    });
    expect(outs[0].decision).toMatchObject({ action: 'BUY', ref: 't1' });
  });
});
