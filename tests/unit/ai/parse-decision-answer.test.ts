import { describe, expect, it } from 'vitest';
import { parseDecisionAnswer } from '@/server/ai/parse/parse-decision-answer';

function ok(text: string, refusal: string | null = null) {
  const r = parseDecisionAnswer(text, refusal);
  if (!r.ok) throw new Error(`expected a decision, got ${r.failure.code}: ${r.failure.message}`);
  return r;
}

function fail(text: string, refusal: string | null = null) {
  const r = parseDecisionAnswer(text, refusal);
  if (r.ok) throw new Error(`expected a failure, got ${JSON.stringify(r.decision)}`);
  return r.failure;
}

describe('parseDecisionAnswer', () => {
  it('reads a well-formed answer', () => {
    expect(ok('{"action":"BUY","confidence":0.72,"reasoning":"RSI oversold"}').decision).toEqual({ action: 'BUY', confidence: 0.72, reasoning: 'RSI oversold' });
  });

  it('reads JSON inside a fenced block with prose around it', () => {
    const text = 'Sure! Here is my view:\n```json\n{"action": "sell", "confidence": 0.6, "reasoning": "breakdown"}\n```\nGood luck.';
    expect(ok(text).decision).toEqual({ action: 'SELL', confidence: 0.6, reasoning: 'breakdown' });
  });

  it('reads JSON embedded in prose without a fence, ignoring braces inside strings', () => {
    const text = 'Analysis {not json} then {"action":"HOLD","confidence":0.5,"reasoning":"range {10, 12} intact"} end';
    expect(ok(text).decision).toEqual({ action: 'HOLD', confidence: 0.5, reasoning: 'range {10, 12} intact' });
  });

  it('accepts Chinese keys and action words, percent confidence and trailing commas', () => {
    expect(ok('{"操作":"买入","置信度":"80%","理由":"放量突破",}').decision).toEqual({ action: 'BUY', confidence: 0.8, reasoning: '放量突破' });
    expect(ok('{"decision":"观望","confidence":65}').decision).toMatchObject({ action: 'HOLD', confidence: 0.65 });
  });

  it('assumes 0.5 for a missing or out-of-range confidence and says so', () => {
    const r = ok('{"action":"BUY"}');
    expect(r.decision.confidence).toBe(0.5);
    expect(r.notes[0]).toMatch(/no confidence/);
    expect(ok('{"action":"BUY","confidence":-3}').notes[0]).toMatch(/not in 0..1/);
  });

  it('reads "Action: X" lines when there is no JSON, and notes it', () => {
    const r = ok('**Action:** SELL\nConfidence: 70%\nThe trend broke.');
    expect(r.decision).toMatchObject({ action: 'SELL', confidence: 0.7 });
    expect(r.notes).toContain('read from text, not JSON');
  });

  it('fails clearly on garbage, an empty answer, a bad action, and refusals', () => {
    expect(fail('lorem ipsum dolor').code).toBe('unparsable');
    expect(fail('   ').code).toBe('empty_answer');
    const bad = fail('{"action":"MAYBE","confidence":0.9}');
    expect(bad.code).toBe('unparsable');
    expect(bad.message).toContain('MAYBE');
    expect(fail('', 'I cannot help with trading').code).toBe('refused');
    expect(fail("I'm sorry, but I cannot provide financial advice.").code).toBe('refused');
    expect(fail('抱歉，我无法提供投资建议。').code).toBe('refused');
  });

  it('keeps non-string reasoning as JSON text', () => {
    expect(ok('{"action":"BUY","confidence":1,"reasoning":["a","b"]}').decision.reasoning).toBe('["a","b"]');
  });
});
