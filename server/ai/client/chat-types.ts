import { z } from 'zod';
import type { TCost } from '../providers/model-pricing';
import type { TAiFailure } from './ai-failure';

export const ZChatMessageSchema = z.object({
  role: z.enum(['system', 'user', 'assistant']),
  content: z.string(),
});
export type TChatMessage = z.infer<typeof ZChatMessageSchema>;

export interface TChatRequest {
  model: string;
  messages: TChatMessage[];
  temperature: number;
  /** ask for `response_format: json_object` (ignored when the provider has no JSON mode) */
  jsonMode: boolean;
  maxTokens?: number;
  /** stream the answer and report each piece of text as it arrives (Debate Arena bubbles) */
  onDelta?: (text: string) => void;
  signal?: AbortSignal;
}

export interface TTokenUsage {
  promptTokens: number;
  completionTokens: number;
  /** the provider sent no usage: counted as characters / 4 */
  estimated: boolean;
}

/** What one model call gave back, after retries. */
export type TChatOutcome =
  | {
      ok: true;
      text: string;
      /** the model declined (OpenAI's `refusal` field, or a content-filter stop) */
      refusal: string | null;
      finishReason: string | null;
      usage: TTokenUsage;
      cost: TCost | null;
      latencyMs: number;
      attempts: number;
    }
  | { ok: false; failure: TAiFailure; latencyMs: number; attempts: number };
