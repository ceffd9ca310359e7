// Form fields generated from a node's zod params, through zod's own JSON Schema export (so
// defaults, bounds, enums and .describe() help come out the way zod means them).
// Chinese help can be given per param with `.meta({ descriptionZh: '…' })`.
import { z } from 'zod';

type TBase = {
  name: string;
  /** the param may be left empty */
  optional: boolean;
  help?: string;
  helpZh?: string;
};

export type TNumberField = TBase & {
  kind: 'number';
  integer: boolean;
  min?: number;
  max?: number;
  /** min/max themselves are not allowed (z.positive(), z.gt()) */
  exclusiveMin?: boolean;
  exclusiveMax?: boolean;
  default?: number;
};
export type TEnumField = TBase & { kind: 'enum'; options: string[]; default?: string };
export type TBooleanField = TBase & { kind: 'boolean'; default?: boolean };
export type TTextField = TBase & { kind: 'text'; maxLength?: number; multiline: boolean; default?: string };
/** A list of plain values (e.g. labels), edited one per line. */
export type TListField = TBase & { kind: 'list'; item: 'text' | 'number'; maxItems?: number; default?: unknown[] };
/** A list of small records (e.g. debate participants), edited as rows. */
export type TRowsField = TBase & { kind: 'rows'; columns: TFieldSpec[]; minItems?: number; maxItems?: number; default?: unknown[] };
/** Anything else, edited as JSON. */
export type TJsonField = TBase & { kind: 'json'; default?: unknown };

export type TFieldSpec = TNumberField | TEnumField | TBooleanField | TTextField | TListField | TRowsField | TJsonField;

type TJsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  description?: string;
  descriptionZh?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  items?: TJsonSchema;
  properties?: Record<string, TJsonSchema>;
  required?: string[];
};

/** Text longer than this is edited in a textarea. */
const MULTILINE_FROM = 300;

const cache = new WeakMap<z.ZodType, TFieldSpec[]>();

export function paramFields(schema: z.ZodType): TFieldSpec[] {
  const hit = cache.get(schema);
  if (hit) return hit;
  let json: TJsonSchema;
  try {
    json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as TJsonSchema;
  } catch {
    json = {};
  }
  const required = new Set(json.required ?? []);
  const fields = Object.entries(json.properties ?? {}).map(([name, prop]) => fieldFromSchema(name, prop, !required.has(name)));
  cache.set(schema, fields);
  return fields;
}

export function fieldFromSchema(name: string, s: TJsonSchema, notRequired: boolean): TFieldSpec {
  // A param with a default is never "missing"; only a param with neither default nor
  // requirement may be left empty.
  const base: TBase = { name, optional: notRequired && s.default === undefined };
  if (s.description) base.help = s.description;
  if (s.descriptionZh) base.helpZh = s.descriptionZh;
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;

  if (Array.isArray(s.enum) && s.enum.length > 0 && s.enum.every((v) => typeof v === 'string')) {
    return { ...base, kind: 'enum', options: s.enum as string[], ...(typeof s.default === 'string' ? { default: s.default } : {}) };
  }
  if (type === 'number' || type === 'integer') {
    const f: TNumberField = { ...base, kind: 'number', integer: type === 'integer' };
    if (s.minimum !== undefined) f.min = s.minimum;
    if (s.exclusiveMinimum !== undefined) Object.assign(f, { min: s.exclusiveMinimum, exclusiveMin: true });
    if (s.maximum !== undefined) f.max = s.maximum;
    if (s.exclusiveMaximum !== undefined) Object.assign(f, { max: s.exclusiveMaximum, exclusiveMax: true });
    if (typeof s.default === 'number') f.default = s.default;
    return f;
  }
  if (type === 'boolean') return { ...base, kind: 'boolean', ...(typeof s.default === 'boolean' ? { default: s.default } : {}) };
  if (type === 'string') {
    return {
      ...base,
      kind: 'text',
      multiline: (s.maxLength ?? Infinity) > MULTILINE_FROM,
      ...(s.maxLength !== undefined ? { maxLength: s.maxLength } : {}),
      ...(typeof s.default === 'string' ? { default: s.default } : {}),
    };
  }
  if (type === 'array' && s.items) {
    const itemType = Array.isArray(s.items.type) ? undefined : s.items.type;
    const bounds = { ...(s.minItems !== undefined ? { minItems: s.minItems } : {}), ...(s.maxItems !== undefined ? { maxItems: s.maxItems } : {}) };
    const dflt = Array.isArray(s.default) ? { default: s.default } : {};
    if ((itemType === 'string' && !s.items.enum) || itemType === 'number' || itemType === 'integer') {
      return { ...base, kind: 'list', item: itemType === 'string' ? 'text' : 'number', ...(s.maxItems !== undefined ? { maxItems: s.maxItems } : {}), ...dflt };
    }
    if (itemType === 'object' && s.items.properties) {
      const req = new Set(s.items.required ?? []);
      const columns = Object.entries(s.items.properties).map(([k, p]) => fieldFromSchema(k, p, !req.has(k)));
      if (columns.every((c) => c.kind === 'number' || c.kind === 'enum' || c.kind === 'boolean' || c.kind === 'text')) {
        return { ...base, kind: 'rows', columns, ...bounds, ...dflt };
      }
    }
  }
  return { ...base, kind: 'json', ...(s.default !== undefined ? { default: s.default } : {}) };
}

/** The defaults of a node's params (what a new node starts with); {} when they do not parse. */
export function defaultParams(schema: z.ZodType): Record<string, unknown> {
  const parsed = schema.safeParse({});
  return parsed.success && parsed.data && typeof parsed.data === 'object' ? (parsed.data as Record<string, unknown>) : {};
}

export type TNumberProblem = 'required' | 'not_a_number' | 'not_integer' | 'too_small' | 'too_large';

/**
 * Reads what was typed into a number field. `undefined` = leave the param out (allowed only for
 * optional params). Bounds are checked here too, so the form can say what is wrong at once.
 */
export function readNumberInput(field: TNumberField, raw: string): { ok: true; value: number | undefined } | { ok: false; problem: TNumberProblem } {
  const text = raw.trim();
  if (text === '') return field.optional ? { ok: true, value: undefined } : { ok: false, problem: 'required' };
  const value = Number(text);
  if (!Number.isFinite(value)) return { ok: false, problem: 'not_a_number' };
  if (field.integer && !Number.isInteger(value)) return { ok: false, problem: 'not_integer' };
  if (field.min !== undefined && (field.exclusiveMin ? value <= field.min : value < field.min)) return { ok: false, problem: 'too_small' };
  if (field.max !== undefined && (field.exclusiveMax ? value >= field.max : value > field.max)) return { ok: false, problem: 'too_large' };
  return { ok: true, value };
}

/** One item per non-empty line. */
export function readListInput(field: TListField, raw: string): { ok: true; value: Array<string | number> } | { ok: false } {
  const lines = raw.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  if (field.item === 'text') return { ok: true, value: lines };
  const nums = lines.map(Number);
  return nums.every(Number.isFinite) ? { ok: true, value: nums } : { ok: false };
}

/** "orderType" -> "order type", "everyBars" -> "every bars". */
export function humanizeName(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]+/g, ' ')
    .toLowerCase();
}
