import type { TLlmPort } from '@/nodes/sdk';

/**
 * The CLI's LLM port for graphs with AI nodes: no providers are configured on the command line,
 * so "auto" resolves to the heuristic analyst (fixed rules, labelled as such in every decision).
 * Null for graphs without AI nodes, so ordinary backtests carry no AI machinery: the AI modules
 * (and the openai client they import) are loaded only here, not at CLI start.
 */
export async function offlineLlmFor(graph: unknown): Promise<TLlmPort | null> {
  const nodes = (graph as { nodes?: Array<{ type?: unknown }> } | null)?.nodes ?? [];
  if (!nodes.some((n) => typeof n.type === 'string' && n.type.startsWith('ai.'))) return null;
  const [{ createMemoryCacheStore }, { createLlmClient }, { createLlmPort }, { createProviderDirectory }] = await Promise.all([
    import('@/server/ai/cache/decision-cache-store'),
    import('@/server/ai/client/create-llm-client'),
    import('@/server/ai/decide/create-llm-port'),
    import('@/server/ai/providers/create-provider-directory'),
  ]);
  return createLlmPort({ client: createLlmClient(), directory: createProviderDirectory([], null), cache: createMemoryCacheStore() });
}
