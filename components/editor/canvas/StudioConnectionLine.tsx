'use client';
// The line drawn while connecting: coloured by the port type it carries; over a port that would
// refuse it, red and dashed with the reason next to the pointer (toX/toY: the pointer, in flow
// coordinates, whenever the target refuses).
import { getBezierPath, type ConnectionLineComponentProps } from '@xyflow/react';
import { createContext, useContext } from 'react';
import { PORT_COLORS } from '@/nodes/sdk/ports';
import { canvasHandleType, type TCanvasNode } from '../lib/groups';

/** Explains why a connection between two handles would be refused (null = it would not be). */
export type TExplainConnection = (conn: { source: string; sourceHandle: string | null; target: string; targetHandle: string | null }) => string | null;
export const ExplainConnectionContext = createContext<TExplainConnection>(() => null);

export function StudioConnectionLine(props: ConnectionLineComponentProps<TCanvasNode>) {
  const { fromX, fromY, toX, toY, fromPosition, toPosition, fromHandle, fromNode, toHandle, connectionStatus } = props;
  const explain = useContext(ExplainConnectionContext);
  const portType = canvasHandleType(fromNode, fromHandle.type, fromHandle.id);
  const [path] = getBezierPath({ sourceX: fromX, sourceY: fromY, sourcePosition: fromPosition, targetX: toX, targetY: toY, targetPosition: toPosition });
  const invalid = connectionStatus === 'invalid' && toHandle !== null;
  let reason: string | null = null;
  if (invalid && toHandle) {
    const [src, tgt] = fromHandle.type === 'source' ? [fromHandle, toHandle] : [toHandle, fromHandle];
    reason = explain({ source: src.nodeId, sourceHandle: src.id ?? null, target: tgt.nodeId, targetHandle: tgt.id ?? null });
  }
  return (
    <g className={`studio-connection${invalid ? ' studio-connection--invalid' : ''}`}>
      <path d={path} fill="none" stroke={invalid ? 'var(--danger)' : portType ? PORT_COLORS[portType] : 'var(--muted)'} strokeWidth={2} strokeDasharray={invalid ? '6 4' : undefined} />
      {reason ? (
        <foreignObject x={toX + 14} y={toY + 10} width={280} height={80} className="studio-connection__why-box">
          <div className="studio-connection__why" role="alert" data-testid="connection-refused">
            {reason}
          </div>
        </foreignObject>
      ) : null}
    </g>
  );
}
