import type { TModelPrice } from './model-pricing';
import type { TProviderKind } from './provider-presets';

/**
 * A provider ready to call: preset defaults merged with the user's settings, the API key
 * decrypted. Lives in memory for the length of a run or request and is never serialised.
 */
export interface TResolvedProvider {
  /** settings id, or the preset kind for providers built from a preset alone */
  id: string;
  kind: TProviderKind;
  name: string;
  baseURL: string;
  apiKey: string | null;
  needsKey: boolean;
  defaultModel: string;
  jsonMode: boolean;
  concurrency: number;
  timeoutMs: number;
  maxRetries: number;
  pricing: Record<string, TModelPrice>;
}

export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_RETRIES = 3;
