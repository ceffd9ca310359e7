'use client';
// A group on the canvas: expanded, a named frame behind its members; collapsed, one box whose
// handles are the members' exposed ports (wiring them wires the member port).
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { createContext, memo, useContext, useSyncExternalStore, type CSSProperties } from 'react';
import { useT } from '@/components/preferences/PreferencesProvider';
import { PORT_COLORS } from '@/nodes/sdk/ports';
import type { TExposedPort, TFrameNode } from '../lib/groups';
import { ProblemsStoreContext } from '../problems-store';
import { useLang } from '../use-lang';

export interface TGroupActions {
  toggleCollapsed: (groupId: string) => void;
  /** display name of a member node, for port labels */
  nodeTitle: (nodeId: string) => string;
}
export const GroupActionsContext = createContext<TGroupActions>({ toggleCollapsed: () => {}, nodeTitle: (id) => id });

export const GroupNode = memo(function GroupNode({ id, data, selected }: NodeProps<TFrameNode>) {
  const t = useT();
  const actions = useContext(GroupActionsContext);
  const store = useContext(ProblemsStoreContext);
  const problemCount = useSyncExternalStore(
    store.subscribe,
    () => data.memberIds.reduce((n, m) => n + store.forNode(m).length, 0),
    () => 0,
  );
  const toggle = (
    <button
      type="button"
      className="nodrag studio-group__toggle"
      onClick={() => actions.toggleCollapsed(data.groupId)}
      aria-label={data.collapsed ? t.editor.groups.expand : t.editor.groups.collapse}
      title={data.collapsed ? t.editor.groups.expand : t.editor.groups.collapse}
      aria-expanded={!data.collapsed}
    >
      {data.collapsed ? '▸' : '▾'}
    </button>
  );
  const header = (
    <div className="studio-group__header">
      {toggle}
      <span className="studio-group__label">{data.label}</span>
      <span className="studio-group__count">{t.editor.groups.members(data.memberIds.length)}</span>
      {problemCount > 0 ? (
        <span className="studio-node__badge" data-testid="node-problem-badge" aria-label={t.editor.node.problems(problemCount)}>
          {problemCount}
        </span>
      ) : null}
    </div>
  );

  if (!data.collapsed) {
    return (
      <div className={`studio-group studio-group--expanded${selected ? ' studio-group--selected' : ''}`} data-testid="studio-group" data-group-id={data.groupId}>
        {header}
      </div>
    );
  }
  const rows = Math.max(data.inputs.length, data.outputs.length);
  return (
    <div
      className={`studio-group studio-group--collapsed${selected ? ' studio-group--selected' : ''}${problemCount > 0 ? ' studio-node--problem' : ''}`}
      data-testid="studio-group"
      data-group-id={data.groupId}
      data-frame-id={id}
    >
      {header}
      <div className="studio-node__ports">
        {Array.from({ length: rows }, (_, i) => (
          <div className="studio-node__row" key={i}>
            {data.inputs[i] ? <ExposedPort port={data.inputs[i]} side="target" /> : <span />}
            {data.outputs[i] ? <ExposedPort port={data.outputs[i]} side="source" /> : null}
          </div>
        ))}
      </div>
    </div>
  );
});

function ExposedPort({ port, side }: { port: TExposedPort; side: 'source' | 'target' }) {
  const lang = useLang();
  const { nodeTitle } = useContext(GroupActionsContext);
  const label = `${nodeTitle(port.nodeId)} · ${port.label[lang]}`;
  const handle = (
    <Handle
      type={side}
      position={side === 'target' ? Position.Left : Position.Right}
      id={port.handle}
      className={`studio-handle studio-handle--${port.type}`}
      style={{ '--port-color': PORT_COLORS[port.type] } as CSSProperties}
      title={label}
    />
  );
  return side === 'target' ? (
    <div className="studio-port studio-port--in">
      {handle}
      <span>{label}</span>
    </div>
  ) : (
    <div className="studio-port studio-port--out">
      <span>{label}</span>
      {handle}
    </div>
  );
}
