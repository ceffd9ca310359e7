import { createLlmClient, type TLlmClient } from './create-llm-client';

let shared: TLlmClient | null = null;

/**
 * The process's one LLM client. Per-provider concurrency limits only hold if backtests, traders
 * and Arena debates running at the same time all go through the same client.
 */
export function sharedLlmClient(): TLlmClient {
  shared ??= createLlmClient();
  return shared;
}
