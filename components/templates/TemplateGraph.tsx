'use client';
// A read-only canvas of a template's graph, drawn with the editor's own node component so a
// template looks exactly like it will in the editor after "Use template".
import { ReadOnlyGraph } from '@/components/editor/canvas/ReadOnlyGraph';
import type { TGraph } from '@/nodes/sdk/graph-schema';

export function TemplateGraph({ graph, label }: { graph: TGraph; label: string }) {
  return (
    <div className="tpl-graph" role="img" aria-label={label} data-testid="template-graph">
      <ReadOnlyGraph graph={graph} />
    </div>
  );
}
