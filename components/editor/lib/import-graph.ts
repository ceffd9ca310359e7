// Reading a graph file: the saved format itself (what export writes and the CLI reads), or a
// template file ({ id, title, …, graph }). Old versions are migrated; what cannot be read says why.
import { migrateGraph } from '@/nodes/sdk/migrate-graph';
import { ZGraphSchema, type TGraph } from '@/nodes/sdk/graph-schema';

export type TImportResult =
  | { ok: true; graph: TGraph; /** set when the file was a template */ templateId?: string }
  | { ok: false; problem: 'not_json' | 'not_a_graph'; detail: string };

export function parseGraphText(text: string): TImportResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, problem: 'not_json', detail: e instanceof Error ? e.message : String(e) };
  }
  let templateId: string | undefined;
  if (value && typeof value === 'object' && !Array.isArray(value) && 'graph' in value && !('nodes' in value)) {
    const wrapper = value as { id?: unknown; graph: unknown };
    if (typeof wrapper.id === 'string') templateId = wrapper.id;
    value = wrapper.graph;
  }
  const migrated = migrateGraph(value);
  if (!migrated.ok) return { ok: false, problem: 'not_a_graph', detail: migrated.message };
  const parsed = ZGraphSchema.safeParse(migrated.graph);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, problem: 'not_a_graph', detail: `${issue.path.join('.') || '(root)'}: ${issue.message}` };
  }
  return templateId ? { ok: true, graph: parsed.data, templateId } : { ok: true, graph: parsed.data };
}

/** What export writes: the saved format, pretty-printed (diffable, readable by `nofx validate`). */
export function graphFileText(graph: TGraph): string {
  return `${JSON.stringify(graph, null, 2)}\n`;
}

/** A file name from the strategy name, safe on every OS. */
export function exportFileName(name: string): string {
  const safe = name.trim().replace(/[\s\\/:*?"<>|\u0000-\u001f]+/g, '-').slice(0, 80);
  return `${safe || 'strategy'}.json`;
}
