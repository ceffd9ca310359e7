import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import type { TAiDebateRequest, TAiSnapshot } from '@/nodes/sdk';
import { createMemoryCacheStore } from '@/server/ai/cache/decision-cache-store';
import { createLlmClient } from '@/server/ai/client/create-llm-client';
import type { TDebateEvent } from '@/server/ai/debate/debate-events';
import { runDebate } from '@/server/ai/debate/run-debate';
import { tallyVotes } from '@/server/ai/debate/tally-votes';
import { createLlmPort } from '@/server/ai/decide/create-llm-port';
import { HEURISTIC_LABEL } from '@/server/ai/heuristic/heuristic-analyst';
import { inferMarketLookup } from '@/server/ai/prompts/describe-market-rules';
import { renderSnapshot } from '@/server/ai/prompts/build-decision-messages';
import { createProviderDirectory, type TProviderDirectory } from '@/server/ai/providers/create-provider-directory';
import { createMemoryAiRecordStore } from '@/server/ai/record/ai-record-store';
import { createMemoryProviderSettingsStore } from '@/server/ai/settings/provider-settings-store';
import { saveProviderSettings } from '@/server/ai/settings/save-provider-settings';
import { sliceBarColumns } from '@/server/data/bar-columns';
import { runBacktest } from '@/server/engine/run-backtest';
import { loadMarketBars } from '../helpers/bars';
import { startFakeOpenAiServer, type TFakeOpenAiServer, type TFakeReply } from '../helpers/fake-openai-server';
import { graph } from '../helpers/graphs';

const KEY = 'sk-debate-key-0123456789';
const appKey = randomBytes(32);
let server: TFakeOpenAiServer;
let directory: TProviderDirectory;

/** Each "model" holds one view; the judge sides with the bull. Answers take 30 ms so overlap is visible. */
const STANCES: Record<string, TFakeReply> = {
  'bull-model': { content: '{"action":"BUY","confidence":0.9,"reasoning":"breakout on volume"}' },
  'bear-model': { content: '```json\n{"action":"SELL","confidence":0.6,"reasoning":"overbought"}\n```' },
  'analyst-model': { content: 'I lean bearish: {"action":"SELL","confidence":0.5,"reasoning":"weak breadth"}' },
  'judge-model': { content: '{"action":"BUY","confidence":0.66,"reasoning":"the bull’s volume evidence outweighs"}' },
  'broken-model': { content: 'cannot decide today' },
};

beforeAll(async () => {
  server = await startFakeOpenAiServer({ apiKey: KEY, models: Object.keys(STANCES) });
  const store = createMemoryProviderSettingsStore();
  await saveProviderSettings(store, appKey, 'u', { kind: 'openai', name: 'OpenAI (test)', baseURL: server.url, apiKey: KEY, maxRetries: 0 });
  directory = createProviderDirectory(await store.list('u'), appKey);
});
afterAll(() => server.close());
beforeEach(() => {
  server.resetCounts();
  server.setReply((req) => ({ ...STANCES[req.model], delayMs: 30 }));
});

const bars = loadMarketBars('600519.SH_daily.csv');
const snapshot: TAiSnapshot = {
  symbol: '600519.SH',
  time: bars.time[30],
  barIndex: 30,
  bars: Array.from({ length: 5 }, (_, k) => ({ time: bars.time[26 + k], open: bars.open[26 + k], high: bars.high[26 + k], low: bars.low[26 + k], close: bars.close[26 + k], volume: bars.volume[26 + k] })),
  values: [{ label: 'RSI(14)', value: 61.2 }],
  position: { qty: 0, avgPrice: 0, sellable: 0 },
  account: { cash: 1e6, equity: 1e6 },
};

const PARTICIPANTS: TAiDebateRequest['participants'] = [
  { role: 'bull', provider: 'openai', model: 'bull-model' },
  { role: 'bear', provider: 'openai', model: 'bear-model' },
  { role: 'analyst', provider: 'openai', model: 'analyst-model' },
];

function request(over: Partial<TAiDebateRequest> = {}): TAiDebateRequest {
  return { nodeId: 'debate', snapshot, language: 'en-US', temperature: 0.3, template: '', participants: PARTICIPANTS, rounds: 3, verdict: { method: 'vote' }, ...over };
}

function port(cache = createMemoryCacheStore()) {
  const records = createMemoryAiRecordStore();
  const p = createLlmPort({ client: createLlmClient(), directory, cache, records, runId: 'r' });
  return { p, records, cache };
}

describe('AI debate against a local OpenAI-protocol server', () => {
  it('asks every participant once per round, in parallel, each round seeing the earlier ones; the vote weighs confidence', async () => {
    const { p, records } = port();
    const result = await p.debate(request());
    expect(server.calls).toBe(9);
    expect(server.maxInFlight).toBe(3);
    const firstRound = server.requests.slice(0, 3);
    expect(firstRound.every((r) => !r.messages[1].content.includes('The debate so far'))).toBe(true);
    expect(new Set(firstRound.map((r) => r.model))).toEqual(new Set(['bull-model', 'bear-model', 'analyst-model']));
    const roundTwo = server.requests.slice(3, 6);
    for (const r of roundTwo) {
      expect(r.messages[1].content).toContain('[Round 1] Bull: BUY (0.9): breakout on volume');
      expect(r.messages[1].content).toContain('[Round 1] Bear: SELL (0.6): overbought');
      expect(r.messages[1].content).not.toContain('[Round 2]');
      expect(r.messages[1].content).toContain('This is round 2 of 3');
    }
    expect(server.requests[0].messages[0].content).toMatch(/You are the (Bull|Bear|Analyst)/);
    // last round: BUY 0.9 against SELL 0.6 + 0.5 → SELL with 1.1 / 2.0
    expect(result).toMatchObject({ action: 'SELL', confidence: 0.55, error: null });
    expect(result.reasoning).toContain('BUY 0.90, SELL 1.10, HOLD 0.00 → SELL');
    const transcript = records.transcripts.get(result.ref!)!;
    expect(transcript.messages).toHaveLength(9);
    expect(transcript.verdict).toMatchObject({ method: 'vote', tally: { BUY: 0.9, SELL: 1.1, HOLD: 0 }, judge: null });
    expect(records.decisions[0]).toMatchObject({ kind: 'debate', transcriptId: result.ref, decision: { action: 'SELL' } });
    expect(p.stats).toMatchObject({ decisions: 1, modelCalls: 9 });
  });

  it('lets a judge model decide after reading the whole debate', async () => {
    const { p, records } = port();
    const result = await p.debate(request({ rounds: 2, verdict: { method: 'judge', judge: { provider: 'openai', model: 'judge-model' } } }));
    expect(server.calls).toBe(2 * 3 + 1);
    const judge = server.requests[server.requests.length - 1];
    expect(judge.model).toBe('judge-model');
    expect(judge.messages[0].content).toContain('research manager');
    expect(judge.messages[1].content).toContain('[Round 2] Analyst: SELL (0.5): weak breadth');
    expect(result).toMatchObject({ action: 'BUY', confidence: 0.66 });
    expect(records.transcripts.get(result.ref!)!.verdict).toMatchObject({ method: 'judge', note: null, judge: { model: 'judge-model', source: 'model' } });
  });

  it('falls back to the vote when the judge gives no usable answer, and says so', async () => {
    const { p, records } = port();
    const result = await p.debate(request({ rounds: 1, verdict: { method: 'judge', judge: { provider: 'openai', model: 'broken-model' } } }));
    expect(result.action).toBe('SELL');
    expect(result.reasoning).toContain('judge failed');
    expect(records.transcripts.get(result.ref!)!.verdict.note).toMatch(/judge failed \(no JSON decision.*fell back to the confidence-weighted vote/);
  });

  it('lets a failing participant sit the round out, telling the others why', async () => {
    const { p, records } = port();
    const result = await p.debate(request({ rounds: 2, participants: [...PARTICIPANTS.slice(0, 2), { role: 'contrarian', provider: 'deepseek', model: '' }] }));
    expect(server.calls).toBe(4); // deepseek is not configured: no request for it
    expect(server.requests[2].messages[1].content).toContain('[Round 1] Contrarian: (no answer: DeepSeek is not configured');
    expect(result).toMatchObject({ action: 'BUY', confidence: 0.6 }); // 0.9 vs 0.6
    expect(p.stats.failuresByCode).toEqual({ not_configured: 2 });
    expect(records.transcripts.get(result.ref!)!.messages.filter((m) => m.answer.failure)).toHaveLength(2);
  });

  it('replays a debate from the cache with no calls', async () => {
    const cache = createMemoryCacheStore();
    const first = await port(cache).p.debate(request());
    server.resetCounts();
    const again = port(cache);
    const second = await again.p.debate(request());
    expect(server.calls).toBe(0);
    expect(again.p.stats).toMatchObject({ cacheHits: 9, modelCalls: 0 });
    expect({ ...second, ref: undefined }).toEqual({ ...first, ref: undefined });
  });

  it('streams events for the Arena: bubbles open, fill with deltas, close; then the verdict and the transcript', async () => {
    const events: TDebateEvent[] = [];
    const transcript = await runDebate(
      {
        ...request({ rounds: 2 }),
        id: 'arena-1',
        runId: null,
        nodeId: null,
        context: renderSnapshot(snapshot, 'en-US', '', inferMarketLookup).text,
      },
      { client: createLlmClient(), cache: createMemoryCacheStore(), mode: 'live', now: () => new Date(0), directory, stream: true, onEvent: (e) => events.push(e) },
    );
    expect(server.requests.every((r) => r.stream)).toBe(true);
    const types = events.map((e) => e.type);
    expect(types[0]).toBe('debate-started');
    expect(types.slice(-2)).toEqual(['verdict', 'debate-finished']);
    expect(types.filter((t) => t === 'message-finished')).toHaveLength(6);
    for (const m of transcript.messages) {
      const text = events
        .filter((e): e is Extract<TDebateEvent, { type: 'message-delta' }> => e.type === 'message-delta' && e.round === m.round && e.participant === m.participant)
        .map((e) => e.text)
        .join('');
      expect(text).toBe(m.answer.rawAnswer);
      const started = types.indexOf('message-started');
      expect(started).toBeGreaterThan(0);
    }
    // a round's bubbles all close before the next round's open
    const firstRound2Start = events.findIndex((e) => e.type === 'message-started' && e.round === 2);
    const lastRound1Finish = events.map((e, k) => (e.type === 'message-finished' && e.message.round === 1 ? k : -1)).reduce((a, b) => Math.max(a, b));
    expect(lastRound1Finish).toBeLessThan(firstRound2Start);
  });

  it('debates offline with heuristic participants, labelled as such, decided by the vote', async () => {
    const { p, records } = port();
    const result = await p.debate(
      request({
        snapshot: { ...snapshot, values: [{ label: 'RSI(14)', value: 25 }] },
        participants: [
          { role: 'bull', provider: 'heuristic', model: '' },
          { role: 'bear', provider: 'heuristic', model: '' },
          { role: 'risk-manager', provider: 'heuristic', model: '' },
        ],
        verdict: { method: 'judge', judge: { provider: 'heuristic', model: '' } },
      }),
    );
    expect(server.calls).toBe(0);
    const transcript = records.transcripts.get(result.ref!)!;
    expect(transcript.messages.every((m) => m.answer.source === 'heuristic' && m.answer.parsed!.reasoning.startsWith(HEURISTIC_LABEL.en))).toBe(true);
    expect(transcript.verdict.note).toContain('heuristic analyst (not an AI model)');
    // the verdict is the confidence-weighted vote over the last round's stances
    const last = transcript.messages.filter((m) => m.round === 3).map((m) => m.answer.parsed!);
    expect(result.action).toBe(tallyVotes(last, 'en-US').decision.action);
    expect(transcript.messages[0].answer.parsed!.action).toBe('BUY'); // the bull, on oversold RSI
  });

  it('runs as a node in a backtest: calls = asks × participants × rounds, transcripts linked from decisions, rerun free', async () => {
    const g = graph(
      [
        ['close', 'data.bar', { field: 'close' }],
        ['rsi', 'indicator.rsi', { period: 14 }],
        ['debate', 'ai.debate', { participants: PARTICIPANTS.slice(0, 2), rounds: 2, everyBars: 50, labels: ['RSI(14)'] }],
        ['enter', 'orders.target-percent', { percent: 50 }],
        ['exit', 'orders.target-percent', { percent: 0 }],
      ],
      [
        ['close.value', 'rsi.source'],
        ['rsi.value', 'debate.v1'],
        ['debate.buy', 'enter.when'],
        ['debate.sell', 'exit.when'],
      ],
    );
    server.setReply((req) => STANCES[req.model]);
    const cache = createMemoryCacheStore();
    const run = async () => {
      const records = createMemoryAiRecordStore();
      const llm = createLlmPort({ client: createLlmClient(), directory, cache, records });
      const outcome = await runBacktest({ graph: g, symbols: [{ symbol: '600519.SH', market: 'cn-a', bars: sliceBarColumns(bars, 0, 214) }], initialCash: 1e6, llm });
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
      return { records, result: outcome.result };
    };
    const first = await run();
    const asks = Math.ceil((214 - 14) / 50);
    expect(server.calls).toBe(asks * 2 * 2);
    expect(first.records.transcripts.size).toBe(asks);
    for (const d of first.records.decisions) expect(first.records.transcripts.get(d.transcriptId!)?.barTime).toBe(d.barTime);
    // BUY 0.9 beats SELL 0.6: the debate buys on its first ask
    expect(first.result.fills[0]).toMatchObject({ side: 'buy', time: bars.time[15] });
    server.resetCounts();
    const second = await run();
    expect(server.calls).toBe(0);
    expect(second.result.fills).toEqual(first.result.fills);
  });
});
