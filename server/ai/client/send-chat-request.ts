import OpenAI from 'openai';
import type { TResolvedProvider } from '../providers/resolved-provider';
import type { TChatRequest, TTokenUsage } from './chat-types';

export interface TRawAnswer {
  text: string;
  refusal: string | null;
  finishReason: string | null;
  usage: TTokenUsage;
}

/** Placeholder sent to keyless local servers: the SDK insists on some key, Ollama and vLLM ignore it. */
const NO_KEY = 'no-key';

/**
 * One HTTP attempt, no retries: the client's own retry loop decides (the SDK's is switched off
 * so that every attempt is counted and Retry-After is honoured the same way for all providers).
 * Base URL and key are always passed explicitly so the SDK never falls back to OPENAI_* env vars.
 */
/** Optional request features an endpoint may reject; the client drops one after a 400 naming it. */
export interface TSendFeatures {
  jsonMode: boolean;
  /** `stream_options.include_usage` when streaming */
  streamUsage: boolean;
}

export async function sendChatRequest(provider: TResolvedProvider, request: TChatRequest, features: TSendFeatures): Promise<TRawAnswer> {
  const client = new OpenAI({
    apiKey: provider.apiKey ?? NO_KEY,
    baseURL: provider.baseURL,
    timeout: provider.timeoutMs,
    maxRetries: 0,
    logLevel: 'off',
  });
  const body = {
    model: request.model,
    messages: request.messages,
    temperature: request.temperature,
    ...(features.jsonMode ? { response_format: { type: 'json_object' as const } } : {}),
    ...(request.maxTokens ? { max_tokens: request.maxTokens } : {}),
  };
  const options = { signal: request.signal };
  if (!request.onDelta) {
    const completion = await client.chat.completions.create({ ...body, stream: false }, options);
    const choice = completion.choices[0];
    const text = choice?.message?.content ?? '';
    return {
      text,
      refusal: choice?.message?.refusal ?? null,
      finishReason: choice?.finish_reason ?? null,
      usage: usageOf(completion.usage, request, text),
    };
  }
  const stream = await client.chat.completions.create({ ...body, stream: true, ...(features.streamUsage ? { stream_options: { include_usage: true } } : {}) }, options);
  let text = '';
  let refusal: string | null = null;
  let finishReason: string | null = null;
  let usage: OpenAI.CompletionUsage | null | undefined;
  for await (const chunk of stream) {
    const choice = chunk.choices[0];
    const piece = choice?.delta?.content ?? '';
    if (piece) {
      text += piece;
      request.onDelta(piece);
    }
    if (choice?.delta?.refusal) refusal = (refusal ?? '') + choice.delta.refusal;
    if (choice?.finish_reason) finishReason = choice.finish_reason;
    if (chunk.usage) usage = chunk.usage;
  }
  return { text, refusal, finishReason, usage: usageOf(usage, request, text) };
}

function usageOf(usage: OpenAI.CompletionUsage | null | undefined, request: TChatRequest, answer: string): TTokenUsage {
  if (usage && Number.isFinite(usage.prompt_tokens) && Number.isFinite(usage.completion_tokens)) {
    return { promptTokens: usage.prompt_tokens, completionTokens: usage.completion_tokens, estimated: false };
  }
  // Some local servers omit usage (especially when streaming): a rough count beats none for cost.
  const promptChars = request.messages.reduce((n, m) => n + m.content.length, 0);
  return { promptTokens: Math.ceil(promptChars / 4), completionTokens: Math.ceil(answer.length / 4), estimated: true };
}
