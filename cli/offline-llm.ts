import type { TLlmPort } from '@/nodes/sdk';
import { createMemoryCacheStore } from '@/server/ai/cache/decision-cache-store';
import { createLlmClient } from '@/server/ai/client/create-llm-client';
import { createLlmPort } from '@/server/ai/decide/create-llm-port';
import { createProviderDirectory } from '@/server/ai/providers/create-provider-directory';

/**
 * The CLI's LLM port for graphs with AI nodes: no providers are configured on the command line,
 * so "auto" resolves to the heuristic analyst (fixed rules, labelled as such in every decision).
 * Null for graphs without AI nodes, so ordinary backtests carry no AI machinery.
 */
export function offlineLlmFor(graph: unknown): TLlmPort | null {
  const nodes = (graph as { nodes?: Array<{ type?: unknown }> } | null)?.nodes ?? [];
  if (!nodes.some((n) => typeof n.type === 'string' && n.type.startsWith('ai.'))) return null;
  return createLlmPort({ client: createLlmClient(), directory: createProviderDirectory([], null), cache: createMemoryCacheStore() });
}
