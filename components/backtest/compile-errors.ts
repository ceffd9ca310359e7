// Per-node compile errors: from the browser-side compiler (before a run) or from the API (details).
import { TRPCClientError } from '@trpc/client';
import type { TGraph } from '@/nodes/sdk/graph-schema';
import type { TCompileError } from '@/nodes/compile/types';
import { getNodeDefinition } from '@/nodes/registry';
import type { TLocale } from '@/components/i18n/locales';

export function compileErrorsFromApi(error: unknown): TCompileError[] | null {
  if (!(error instanceof TRPCClientError)) return null;
  const details = (error.data as { details?: { nodeErrors?: TCompileError[] } } | undefined)?.details;
  return Array.isArray(details?.nodeErrors) ? details.nodeErrors : null;
}

/** "SMA (fast)" style name of the node an error points at, in the user's language. */
export function nodeDisplayName(graph: TGraph | null, nodeId: string | null, locale: TLocale): string | null {
  if (!nodeId) return null;
  const node = graph?.nodes.find((n) => n.id === nodeId);
  if (!node) return nodeId;
  const def = getNodeDefinition(node.type);
  const label = def ? (locale === 'zh-CN' ? def.label.zh : def.label.en) : node.type;
  return node.label ? `${node.label} · ${label}` : `${label} (${node.id})`;
}

export function compileErrorText(error: TCompileError, locale: TLocale): string {
  return locale === 'zh-CN' ? error.messageZh || error.message : error.message;
}
