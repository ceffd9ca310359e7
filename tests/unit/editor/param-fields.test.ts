import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { defaultParams, humanizeName, paramFields, readListInput, readNumberInput, type TNumberField } from '@/components/editor/lib/param-fields';
import { getNodeDefinition, NODE_LIST } from '@/nodes/registry';

const fields = (type: string) => paramFields(getNodeDefinition(type)!.params);

describe('param form generated from zod', () => {
  it('turns an integer with bounds into a number field with help', () => {
    expect(fields('indicator.sma')).toEqual([{ name: 'period', optional: false, kind: 'number', integer: true, min: 1, max: 1000, default: 20, help: 'bars' }]);
  });

  it('turns enums into selects and keeps exclusive bounds (z.positive())', () => {
    const [size, amount, orderType] = fields('orders.buy');
    expect(size).toMatchObject({ name: 'size', kind: 'enum', options: ['shares', 'cash', 'percentEquity'], default: 'percentEquity' });
    expect(size.help).toContain('shares');
    expect(amount).toMatchObject({ name: 'amount', kind: 'number', integer: false, min: 0, exclusiveMin: true, default: 10 });
    expect(orderType).toMatchObject({ kind: 'enum', options: ['market', 'limit'] });
  });

  it('knows an optional param without default may stay empty', () => {
    const seed = fields('indicator.cn-sma').find((f) => f.name === 'seed')!;
    expect(seed).toMatchObject({ kind: 'number', optional: true });
    expect(readNumberInput(seed as TNumberField, '')).toEqual({ ok: true, value: undefined });
  });

  it('handles booleans, text, long text, lists, rows and Chinese help from .meta()', () => {
    const schema = z.object({
      on: z.boolean().default(true).describe('switch').meta({ descriptionZh: '开关' }),
      name: z.string().max(40).default(''),
      prompt: z.string().max(8000).default(''),
      labels: z.array(z.string().max(40)).max(8).default([]),
      weights: z.array(z.number()).default([1, 2]),
      people: z.array(z.object({ role: z.enum(['bull', 'bear']), model: z.string().max(50).default('') })).min(2).max(5).default([]),
      free: z.record(z.string(), z.number()).default({}),
    });
    const f = paramFields(schema);
    expect(f[0]).toEqual({ name: 'on', optional: false, kind: 'boolean', default: true, help: 'switch', helpZh: '开关' });
    expect(f[1]).toMatchObject({ kind: 'text', multiline: false, maxLength: 40 });
    expect(f[2]).toMatchObject({ kind: 'text', multiline: true, maxLength: 8000 });
    expect(f[3]).toMatchObject({ kind: 'list', item: 'text', maxItems: 8, default: [] });
    expect(f[4]).toMatchObject({ kind: 'list', item: 'number', default: [1, 2] });
    expect(f[5]).toMatchObject({ kind: 'rows', minItems: 2, maxItems: 5 });
    expect((f[5] as { columns: unknown[] }).columns).toMatchObject([
      { name: 'role', kind: 'enum', options: ['bull', 'bear'], optional: false },
      { name: 'model', kind: 'text', maxLength: 50 },
    ]);
    expect(f[6]).toMatchObject({ kind: 'json', default: {} });
  });

  it('generates a form for every node in the registry, with defaults that parse', () => {
    for (const def of NODE_LIST) {
      const f = paramFields(def.params);
      const shape = (def.params as unknown as { shape: Record<string, unknown> }).shape;
      expect(f.map((x) => x.name), def.type).toEqual(Object.keys(shape));
      expect(def.params.safeParse(defaultParams(def.params)).success, def.type).toBe(true);
      for (const field of f) expect(field.kind, `${def.type}.${field.name}`).not.toBe('json');
    }
  });

  it('reads typed numbers and says what is wrong', () => {
    const period = fields('indicator.sma')[0] as TNumberField;
    expect(readNumberInput(period, ' 14 ')).toEqual({ ok: true, value: 14 });
    expect(readNumberInput(period, '')).toEqual({ ok: false, problem: 'required' });
    expect(readNumberInput(period, 'abc')).toEqual({ ok: false, problem: 'not_a_number' });
    expect(readNumberInput(period, '2.5')).toEqual({ ok: false, problem: 'not_integer' });
    expect(readNumberInput(period, '0')).toEqual({ ok: false, problem: 'too_small' });
    expect(readNumberInput(period, '1001')).toEqual({ ok: false, problem: 'too_large' });
    const amount = fields('orders.buy')[1] as TNumberField;
    expect(readNumberInput(amount, '0')).toEqual({ ok: false, problem: 'too_small' });
    expect(readNumberInput(amount, '0.01')).toEqual({ ok: true, value: 0.01 });
  });

  it('reads lists one item per line', () => {
    expect(readListInput({ name: 'l', optional: false, kind: 'list', item: 'text' }, 'RSI(14)\n\n MACD \n')).toEqual({ ok: true, value: ['RSI(14)', 'MACD'] });
    expect(readListInput({ name: 'l', optional: false, kind: 'list', item: 'number' }, '1\n2.5')).toEqual({ ok: true, value: [1, 2.5] });
    expect(readListInput({ name: 'l', optional: false, kind: 'list', item: 'number' }, '1\nx')).toEqual({ ok: false });
  });

  it('humanizes param names for labels', () => {
    expect(humanizeName('orderType')).toBe('order type');
    expect(humanizeName('everyBars')).toBe('every bars');
    expect(humanizeName('period')).toBe('period');
  });
});
