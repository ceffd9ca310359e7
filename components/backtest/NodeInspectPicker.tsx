'use client';
// Picks the node whose output is drawn under the K-line: the editor's selection by default, or
// any node of the run's graph that has a number or signal output.
import { usePreferences } from '@/components/preferences/PreferencesProvider';
import type { TGraph } from '@/nodes/sdk/graph-schema';
import { getNodeDefinition } from '@/nodes/registry';
import { nodeDisplayName } from './compile-errors';

export function inspectableNodes(graph: TGraph | null): string[] {
  return (graph?.nodes ?? [])
    .filter((n) => Object.values(getNodeDefinition(n.type)?.outputs ?? {}).some((o) => o.type === 'number' || o.type === 'signal'))
    .map((n) => n.id);
}

export function NodeInspectPicker({ graph, value, onChange }: { graph: TGraph | null; value: string | null; onChange: (nodeId: string | null) => void }) {
  const { t, locale } = usePreferences();
  const ids = inspectableNodes(graph);
  if (ids.length === 0) return null;
  return (
    <label className="bt-inspect">
      {t.backtest.inspect.label}
      <select className="select" value={value ?? ''} onChange={(e) => onChange(e.target.value || null)} data-testid="inspect-node">
        <option value="">{t.backtest.inspect.none}</option>
        {ids.map((id) => (
          <option key={id} value={id}>
            {nodeDisplayName(graph, id, locale)}
          </option>
        ))}
      </select>
    </label>
  );
}
