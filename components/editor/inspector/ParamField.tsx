'use client';
// One param's input, chosen by its field spec (generated from the node's zod schema). Numbers are
// checked as they are typed: a value outside min/max is shown with the reason and not applied,
// so the graph never holds a value the form knows to be wrong.
import { useEffect, useState, type ReactNode } from 'react';
import { useT } from '@/components/preferences/PreferencesProvider';
import type { TMessages } from '@/messages/en-US';
import {
  humanizeName,
  readListInput,
  readNumberInput,
  type TFieldSpec,
  type TNumberField,
  type TNumberProblem,
  type TRowsField,
} from '../lib/param-fields';
import type { TLang } from '../lib/flow-types';
import { useLang } from '../use-lang';

export interface TParamFieldProps {
  field: TFieldSpec;
  value: unknown;
  onChange: (value: unknown) => void;
  /** compiler problem for this param, already in the user's language */
  problem?: string;
  idPrefix: string;
}

export function paramLabel(name: string, t: TMessages): string {
  const known = t.editor.paramNames[name];
  if (known) return known;
  const h = humanizeName(name);
  return h.charAt(0).toUpperCase() + h.slice(1);
}

export function optionLabel(value: string, t: TMessages): string {
  return t.editor.enumValues[value] ?? humanizeName(value);
}

function helpText(field: TFieldSpec, lang: TLang): string | undefined {
  return lang === 'zh' ? (field.helpZh ?? field.help) : field.help;
}

function numberProblemText(p: TNumberProblem, f: TNumberField, t: TMessages): string {
  const e = t.editor.inspector.fieldErrors;
  if (p === 'too_small') return f.exclusiveMin ? e.too_small_exclusive(String(f.min)) : e.too_small(String(f.min));
  if (p === 'too_large') return f.exclusiveMax ? e.too_large_exclusive(String(f.max)) : e.too_large(String(f.max));
  return e[p];
}

function rangeHint(f: TFieldSpec, t: TMessages): string {
  const parts: string[] = [];
  if (f.kind === 'number' && (f.min !== undefined || f.max !== undefined)) {
    const lo = f.min === undefined ? '−∞' : `${f.min}${f.exclusiveMin ? ' (excl.)' : ''}`;
    const hi = f.max === undefined ? '∞' : `${f.max}${f.exclusiveMax ? ' (excl.)' : ''}`;
    parts.push(t.editor.inspector.range(lo, hi));
  }
  if ('default' in f && f.default !== undefined && (f.kind === 'number' || f.kind === 'enum' || f.kind === 'boolean')) {
    const d = f.kind === 'enum' ? optionLabel(String(f.default), t) : f.kind === 'boolean' ? (f.default ? t.editor.inspector.yes : t.editor.inspector.no) : String(f.default);
    parts.push(t.editor.inspector.defaultIs(d));
  }
  if (f.optional) parts.push(t.editor.inspector.emptyAllowed);
  return parts.join(' · ');
}

export function ParamField({ field, value, onChange, problem, idPrefix }: TParamFieldProps) {
  const t = useT();
  const lang = useLang();
  const id = `${idPrefix}-${field.name}`;
  const [localProblem, setLocalProblem] = useState<string | null>(null);
  const help = helpText(field, lang);
  const hint = rangeHint(field, t);
  const shown = localProblem ?? problem;

  let input: ReactNode;
  switch (field.kind) {
    case 'number':
      input = <NumberInput id={id} field={field} value={value} onChange={onChange} onProblem={(p) => setLocalProblem(p ? numberProblemText(p, field, t) : null)} invalid={!!shown} />;
      break;
    case 'enum':
      input = (
        <select id={id} className="select" value={typeof value === 'string' ? value : (field.default ?? '')} onChange={(e) => onChange(e.target.value)} aria-invalid={shown ? true : undefined}>
          {field.options.map((o) => (
            <option key={o} value={o}>
              {optionLabel(o, t)}
              {optionLabel(o, t) !== o ? ` (${o})` : ''}
            </option>
          ))}
        </select>
      );
      break;
    case 'boolean':
      input = <input id={id} type="checkbox" checked={typeof value === 'boolean' ? value : (field.default ?? false)} onChange={(e) => onChange(e.target.checked)} />;
      break;
    case 'text':
      input = field.multiline ? (
        <textarea id={id} className="input studio-field__textarea" rows={5} maxLength={field.maxLength} value={typeof value === 'string' ? value : (field.default ?? '')} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input id={id} className="input" type="text" maxLength={field.maxLength} value={typeof value === 'string' ? value : (field.default ?? '')} onChange={(e) => onChange(e.target.value)} />
      );
      break;
    case 'list':
      input = (
        <TextDraft
          id={id}
          rows={4}
          value={Array.isArray(value) ? value.join('\n') : Array.isArray(field.default) ? field.default.join('\n') : ''}
          read={(raw) => {
            const r = readListInput(field, raw);
            return r.ok ? { ok: true, value: r.value } : { ok: false, problem: t.editor.inspector.fieldErrors.invalid_list };
          }}
          onChange={onChange}
          onProblem={setLocalProblem}
        />
      );
      break;
    case 'rows':
      input = <RowsInput id={id} field={field} value={Array.isArray(value) ? value : (field.default ?? [])} onChange={onChange} />;
      break;
    case 'json':
      input = (
        <TextDraft
          id={id}
          rows={4}
          value={JSON.stringify(value ?? field.default ?? null, null, 2)}
          read={(raw) => {
            try {
              return { ok: true, value: JSON.parse(raw) as unknown };
            } catch {
              return { ok: false, problem: t.editor.inspector.fieldErrors.invalid_json };
            }
          }}
          onChange={onChange}
          onProblem={setLocalProblem}
        />
      );
      break;
  }

  return (
    <div className={`studio-field studio-field--${field.kind}`} data-testid={`param-${field.name}`}>
      <div className="studio-field__head">
        <label htmlFor={id} className="studio-field__label">
          {paramLabel(field.name, t)}
        </label>
        <code className="studio-field__name" aria-hidden="true">
          {field.name}
        </code>
      </div>
      {input}
      {shown ? (
        <p className="field__error" role="alert">
          {shown}
        </p>
      ) : null}
      {help ? <p className="studio-field__help">{help}</p> : null}
      {hint ? <p className="studio-field__hint muted">{hint}</p> : null}
    </div>
  );
}

function NumberInput({ id, field, value, onChange, onProblem, invalid }: { id: string; field: TNumberField; value: unknown; onChange: (v: unknown) => void; onProblem: (p: TNumberProblem | null) => void; invalid: boolean }) {
  const external = typeof value === 'number' ? value : value === undefined && field.default !== undefined ? field.default : undefined;
  const [draft, setDraft] = useState(external === undefined ? '' : String(external));
  // Follow changes made elsewhere (undo, paste) unless the draft already means the same value.
  useEffect(() => {
    const r = readNumberInput(field, draft);
    if (!(r.ok && r.value === external)) {
      setDraft(external === undefined ? '' : String(external));
      onProblem(null);
    }
  }, [external]); // only changes from outside matter here; typing updates the draft itself
  return (
    <input
      id={id}
      className="input"
      type="number"
      inputMode="decimal"
      step={field.integer ? 1 : 'any'}
      min={field.min}
      max={field.max}
      value={draft}
      aria-invalid={invalid ? true : undefined}
      onChange={(e) => {
        setDraft(e.target.value);
        const r = readNumberInput(field, e.target.value);
        onProblem(r.ok ? null : r.problem);
        if (r.ok && r.value !== external) onChange(r.value);
      }}
    />
  );
}

/** A textarea whose text is parsed on every change; unparsable text stays local with its reason. */
function TextDraft({ id, rows, value, read, onChange, onProblem }: { id: string; rows: number; value: string; read: (raw: string) => { ok: true; value: unknown } | { ok: false; problem: string }; onChange: (v: unknown) => void; onProblem: (p: string | null) => void }) {
  const [draft, setDraft] = useState(value);
  const [lastValue, setLastValue] = useState(value);
  if (value !== lastValue) {
    // Changed elsewhere (undo): show the new value unless the draft already reads the same.
    setLastValue(value);
    const mine = read(draft);
    const theirs = read(value);
    if (!(mine.ok && theirs.ok && JSON.stringify(mine.value) === JSON.stringify(theirs.value))) setDraft(value);
  }
  return (
    <textarea
      id={id}
      className="input studio-field__textarea"
      rows={rows}
      value={draft}
      onChange={(e) => {
        setDraft(e.target.value);
        const r = read(e.target.value);
        onProblem(r.ok ? null : r.problem);
        if (r.ok) onChange(r.value);
      }}
    />
  );
}

function RowsInput({ id, field, value, onChange }: { id: string; field: TRowsField; value: unknown[]; onChange: (v: unknown) => void }) {
  const t = useT();
  const rows = value.map((r) => (r && typeof r === 'object' ? (r as Record<string, unknown>) : {}));
  const set = (i: number, key: string, v: unknown) => onChange(rows.map((r, k) => (k === i ? { ...r, [key]: v } : r)));
  const blank = () => Object.fromEntries(field.columns.map((c) => [c.name, c.kind === 'enum' ? (c.default ?? c.options[0]) : 'default' in c ? c.default : undefined]));
  return (
    <div className="studio-rows" id={id}>
      <table>
        <thead>
          <tr>
            {field.columns.map((c) => (
              <th key={c.name} scope="col">
                {paramLabel(c.name, t)}
              </th>
            ))}
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {field.columns.map((c) => (
                <td key={c.name}>
                  {c.kind === 'enum' ? (
                    <select className="select" aria-label={`${paramLabel(c.name, t)} ${i + 1}`} value={String(r[c.name] ?? c.default ?? '')} onChange={(e) => set(i, c.name, e.target.value)}>
                      {c.options.map((o) => (
                        <option key={o} value={o}>
                          {optionLabel(o, t)}
                        </option>
                      ))}
                    </select>
                  ) : c.kind === 'boolean' ? (
                    <input type="checkbox" aria-label={`${paramLabel(c.name, t)} ${i + 1}`} checked={Boolean(r[c.name])} onChange={(e) => set(i, c.name, e.target.checked)} />
                  ) : (
                    <input
                      className="input"
                      aria-label={`${paramLabel(c.name, t)} ${i + 1}`}
                      type={c.kind === 'number' ? 'number' : 'text'}
                      value={r[c.name] === undefined ? '' : String(r[c.name])}
                      onChange={(e) => set(i, c.name, c.kind === 'number' ? (e.target.value === '' ? undefined : Number(e.target.value)) : e.target.value)}
                    />
                  )}
                </td>
              ))}
              <td>
                <button type="button" className="button button--ghost icon-button" aria-label={t.editor.inspector.removeRow} title={t.editor.inspector.removeRow} disabled={field.minItems !== undefined && rows.length <= field.minItems} onClick={() => onChange(rows.filter((_, k) => k !== i))}>
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="button button--ghost" disabled={field.maxItems !== undefined && rows.length >= field.maxItems} onClick={() => onChange([...rows, blank()])}>
        + {t.editor.inspector.addRow}
      </button>
    </div>
  );
}
