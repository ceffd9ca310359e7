'use client';
// The right-hand inspector: the selected node's description, display name, settings form
// (generated from its zod params), ports and compiler problems.
import { useMemo, type ReactNode } from 'react';
import { useT } from '@/components/preferences/PreferencesProvider';
import { getNodeDefinition } from '@/nodes/registry';
import { PORT_COLORS } from '@/nodes/sdk/ports';
import type { TStudioNode } from '../lib/flow-types';
import { paramFields } from '../lib/param-fields';
import { problemText } from '../lib/problems';
import { portLabel } from '../canvas/StrategyNode';
import { useNodeProblems, useNodePruned } from '../problems-store';
import { useLang } from '../use-lang';
import { ParamField } from './ParamField';

export function NodeInspector({
  selected,
  onParam,
  onLabel,
  actions,
}: {
  selected: TStudioNode[];
  onParam: (nodeId: string, name: string, value: unknown) => void;
  onLabel: (nodeId: string, label: string) => void;
  /** buttons for what can be done with the selection (duplicate, delete, group) */
  actions: ReactNode;
}) {
  const t = useT();
  return (
    <aside className="studio-inspector" aria-label={t.editor.inspector.title} data-testid="inspector">
      {selected.length === 0 ? (
        <div className="studio-inspector__empty">
          <h2>{t.editor.inspector.title}</h2>
          <p>{t.editor.inspector.nothingSelected}</p>
          <p className="muted">{t.editor.inspector.nothingSelectedHint}</p>
        </div>
      ) : selected.length > 1 ? (
        <div className="studio-inspector__multi">
          <h2>{t.editor.inspector.multiSelected(selected.length)}</h2>
          <div className="studio-inspector__actions">{actions}</div>
        </div>
      ) : (
        <SingleNode key={selected[0].id} node={selected[0]} onParam={onParam} onLabel={onLabel} actions={actions} />
      )}
    </aside>
  );
}

function SingleNode({ node, onParam, onLabel, actions }: { node: TStudioNode; onParam: (nodeId: string, name: string, value: unknown) => void; onLabel: (nodeId: string, label: string) => void; actions: ReactNode }) {
  const t = useT();
  const lang = useLang();
  const def = getNodeDefinition(node.data.type);
  const fields = useMemo(() => (def ? paramFields(def.params) : []), [def]);
  const problems = useNodeProblems(node.id);
  const pruned = useNodePruned(node.id);
  const paramProblem = (name: string) => {
    const p = problems.find((e) => e.code === 'invalid_param' && (e.field === name || e.field?.startsWith(`${name}.`)));
    return p ? problemText(p, lang) : undefined;
  };

  return (
    <div className="studio-inspector__node">
      <header className="studio-inspector__header">
        <h2>{def ? def.label[lang] : t.editor.node.unknownType(node.data.type)}</h2>
        <p className="muted studio-inspector__type">
          {def ? `${t.editor.palette.categories[def.category]} · ` : ''}
          <code>{node.data.type}</code>
        </p>
        {def ? <p className="studio-inspector__desc">{def.description[lang]}</p> : null}
      </header>
      <div className="studio-inspector__actions">{actions}</div>

      {problems.length > 0 ? (
        <section className="studio-inspector__section studio-inspector__problems" aria-label={t.editor.inspector.problems}>
          <h3>{t.editor.inspector.problems}</h3>
          <ul>
            {problems.map((p, i) => (
              <li key={i} role="alert">
                {problemText(p, lang)}
              </li>
            ))}
          </ul>
        </section>
      ) : pruned ? (
        <p className="studio-inspector__note muted">{t.editor.node.pruned}</p>
      ) : null}

      <section className="studio-inspector__section">
        <div className="studio-field">
          <label className="studio-field__label" htmlFor={`node-${node.id}-label`}>
            {t.editor.inspector.displayName}
          </label>
          <input id={`node-${node.id}-label`} className="input" type="text" maxLength={80} value={node.data.label ?? ''} placeholder={t.editor.inspector.displayNamePlaceholder} onChange={(e) => onLabel(node.id, e.target.value)} />
        </div>
        <p className="studio-inspector__id">
          <span className="muted">{t.editor.inspector.id}</span> <code data-testid="inspector-node-id">{node.id}</code>
        </p>
        <p className="studio-field__hint muted">{t.editor.inspector.idHint}</p>
      </section>

      {def ? (
        <section className="studio-inspector__section" aria-label={t.editor.inspector.settings}>
          <h3>{t.editor.inspector.settings}</h3>
          {fields.length === 0 ? <p className="muted">{t.editor.inspector.noSettings}</p> : null}
          {fields.map((f) => (
            <ParamField key={f.name} field={f} value={node.data.params[f.name]} onChange={(v) => onParam(node.id, f.name, v)} problem={paramProblem(f.name)} idPrefix={`param-${node.id}`} />
          ))}
        </section>
      ) : null}

      {def ? (
        <section className="studio-inspector__section studio-inspector__ports">
          {(['inputs', 'outputs'] as const).map((side) => {
            const ports = Object.entries(def[side]);
            if (ports.length === 0) return null;
            return (
              <div key={side}>
                <h3>{t.editor.inspector[side]}</h3>
                <ul>
                  {ports.map(([name, spec]) => (
                    <li key={name} className={problems.some((p) => p.field === name) ? 'studio-inspector__port--problem' : undefined}>
                      <span className="studio-inspector__dot" style={{ background: PORT_COLORS[spec.type] }} aria-hidden="true" />
                      {portLabel(name, spec, lang)} <span className="muted">· {t.editor.portTypes[spec.type]}{spec.optional ? ` · ${t.editor.node.optional}` : ''}</span>
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
        </section>
      ) : null}
    </div>
  );
}
