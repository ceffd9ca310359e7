'use client';
// The one node component: draws any registry entry from its definition (typed handles coloured
// by port type, port labels, a summary of its params) plus its compiler problems.
import { Handle, Position, useConnection, useNodeConnections, type ConnectionState, type InternalNode, type NodeProps } from '@xyflow/react';
import { memo, useMemo, type CSSProperties } from 'react';
import { useT } from '@/components/preferences/PreferencesProvider';
import { getNodeDefinition } from '@/nodes/registry';
import type { TAnyNodeDefinition } from '@/nodes/sdk/define-node';
import { PORT_COLORS, type TPortSpec, type TPortType } from '@/nodes/sdk/ports';
import { handleAccepts } from '../lib/connection-check';
import type { TLang, TStudioNode } from '../lib/flow-types';
import { canvasHandleType, type TCanvasNode } from '../lib/groups';
import { problemText } from '../lib/problems';
import { useNodeProblems, useNodePruned } from '../problems-store';
import { useLang } from '../use-lang';

/** What is being dragged, as one string so nodes re-render only when a drag starts or ends. */
function dragKey(c: ConnectionState<InternalNode<TCanvasNode>>): string | null {
  if (!c.inProgress || !c.fromHandle?.id) return null;
  const type = canvasHandleType(c.fromNode, c.fromHandle.type, c.fromHandle.id);
  return type ? `${c.fromHandle.type}|${type}|${c.fromNode.id}` : null;
}

export function portLabel(name: string, spec: TPortSpec, lang: TLang): string {
  return spec.label?.[lang] ?? name;
}

export function nodeTitle(def: TAnyNodeDefinition | undefined, data: TStudioNode['data'], lang: TLang): string {
  return data.label || (def ? def.label[lang] : data.type);
}

export function paramSummary(def: TAnyNodeDefinition | undefined, params: Record<string, unknown>): string {
  if (!def?.summary) return '';
  const parsed = def.params.safeParse(params);
  if (!parsed.success) return '';
  try {
    return def.summary(parsed.data);
  } catch {
    return '';
  }
}

export const StrategyNode = memo(function StrategyNode({ id, data, selected }: NodeProps<TStudioNode>) {
  const t = useT();
  const lang = useLang();
  const def = getNodeDefinition(data.type);
  const problems = useNodeProblems(id);
  const pruned = useNodePruned(id);
  const dragging = useConnection<TCanvasNode, string | null>(dragKey);
  const summary = useMemo(() => paramSummary(def, data.params), [def, data.params]);
  const badFields = useMemo(() => new Set(problems.map((p) => p.field).filter(Boolean)), [problems]);

  const from = dragging ? (() => {
    const [type, portType, nodeId] = dragging.split('|');
    return { type: type as 'source' | 'target', portType: portType as TPortType, nodeId };
  })() : null;
  const handleClass = (side: 'source' | 'target', portType: TPortType, name: string) => {
    const classes = ['studio-handle', `studio-handle--${portType}`];
    if (from && from.nodeId !== id) classes.push(handleAccepts(from, { type: side, portType }) ? 'studio-handle--accepts' : 'studio-handle--refuses');
    if (badFields.has(name)) classes.push('studio-handle--problem');
    return classes.join(' ');
  };

  const title = nodeTitle(def, data, lang);
  const classes = ['studio-node', `studio-node--${def?.category ?? 'unknown'}`];
  if (selected) classes.push('studio-node--selected');
  if (problems.length > 0) classes.push('studio-node--problem');
  else if (pruned) classes.push('studio-node--pruned');

  if (!def) return <UnknownNode id={id} type={data.type} className={classes.join(' ')} />;
  const inputs = Object.entries(def.inputs);
  const outputs = Object.entries(def.outputs);
  const rows = Math.max(inputs.length, outputs.length);

  return (
    <div className={classes.join(' ')} data-testid="studio-node" data-node-id={id} data-node-type={data.type} title={def.description[lang]}>
      <div className="studio-node__header">
        <span className="studio-node__title">{title}</span>
        {problems.length > 0 ? (
          <span
            className="studio-node__badge"
            data-testid="node-problem-badge"
            role="img"
            aria-label={t.editor.node.problems(problems.length)}
            title={problems.map((p) => problemText(p, lang)).join('\n')}
          >
            {problems.length}
          </span>
        ) : null}
      </div>
      {data.label ? <div className="studio-node__kind">{def.label[lang]}</div> : null}
      {summary ? <div className="studio-node__summary">{summary}</div> : null}
      <div className="studio-node__ports">
        {Array.from({ length: rows }, (_, i) => {
          const input = inputs[i];
          const output = outputs[i];
          return (
            <div className="studio-node__row" key={i}>
              {input ? (
                <div className={`studio-port studio-port--in${badFields.has(input[0]) ? ' studio-port--problem' : ''}`}>
                  <Handle
                    type="target"
                    position={Position.Left}
                    id={input[0]}
                    className={handleClass('target', input[1].type, input[0])}
                    style={{ '--port-color': PORT_COLORS[input[1].type] } as CSSProperties}
                    data-optional={input[1].optional ? 'true' : undefined}
                    title={`${portLabel(input[0], input[1], lang)} · ${t.editor.portTypes[input[1].type]}${input[1].optional ? ` · ${t.editor.node.optional}` : ''}`}
                  />
                  <span>{portLabel(input[0], input[1], lang)}</span>
                </div>
              ) : (
                <span />
              )}
              {output ? (
                <div className="studio-port studio-port--out">
                  <span>{portLabel(output[0], output[1], lang)}</span>
                  <Handle
                    type="source"
                    position={Position.Right}
                    id={output[0]}
                    className={handleClass('source', output[1].type, output[0])}
                    style={{ '--port-color': PORT_COLORS[output[1].type] } as CSSProperties}
                    title={`${portLabel(output[0], output[1], lang)} · ${t.editor.portTypes[output[1].type]}`}
                  />
                </div>
              ) : null}
            </div>
          );
        })}
      </div>
      {problems.length > 0 ? (
        <div className="studio-node__problem" data-testid="node-problem">
          {problemText(problems[0], lang)}
        </div>
      ) : pruned ? (
        <div className="studio-node__note">{t.editor.node.pruned}</div>
      ) : null}
    </div>
  );
});

/**
 * A node whose type the registry does not know (a graph from a newer build, a removed node): its
 * edges still need handles to attach to, so the handles come from its connections.
 */
function UnknownNode({ id, type, className }: { id: string; type: string; className: string }) {
  const t = useT();
  const problems = useNodeProblems(id);
  const incoming = useNodeConnections({ id, handleType: 'target' });
  const outgoing = useNodeConnections({ id, handleType: 'source' });
  const ins = [...new Set(incoming.map((c) => c.targetHandle ?? ''))];
  const outs = [...new Set(outgoing.map((c) => c.sourceHandle ?? ''))];
  return (
    <div className={className} data-testid="studio-node" data-node-id={id} data-node-type={type}>
      <div className="studio-node__header">
        <span className="studio-node__title">{t.editor.node.unknownType(type)}</span>
        <span className="studio-node__badge" data-testid="node-problem-badge">
          {Math.max(1, problems.length)}
        </span>
      </div>
      <div className="studio-node__ports">
        {Array.from({ length: Math.max(ins.length, outs.length) }, (_, i) => (
          <div className="studio-node__row" key={i}>
            {ins[i] !== undefined ? (
              <div className="studio-port studio-port--in">
                <Handle type="target" position={Position.Left} id={ins[i]} className="studio-handle" />
                <span>{ins[i]}</span>
              </div>
            ) : (
              <span />
            )}
            {outs[i] !== undefined ? (
              <div className="studio-port studio-port--out">
                <span>{outs[i]}</span>
                <Handle type="source" position={Position.Right} id={outs[i]} className="studio-handle" />
              </div>
            ) : null}
          </div>
        ))}
      </div>
    </div>
  );
}
