import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type { TResolvedProvider } from '../providers/resolved-provider';
import { aiFailure, type TAiFailure } from './ai-failure';
import { readRetryAfter } from './read-retry-after';
import { redactSecrets } from './redact-secrets';

export interface TClassifiedError {
  failure: TAiFailure;
  retryAfterMs: number | null;
  /** a 400 naming an optional feature (JSON mode, stream usage): retry without it */
  rejectedFeature: 'jsonMode' | 'streamUsage' | null;
}

/** Turns whatever the SDK threw into a failure a user can act on, with the key redacted. */
export function classifyLlmError(error: unknown, provider: TResolvedProvider, model: string): TClassifiedError {
  const clean = (text: string) => redactSecrets(text, [provider.apiKey]);
  const where = clean(provider.baseURL);
  const plain = (failure: TAiFailure): TClassifiedError => ({ failure, retryAfterMs: null, rejectedFeature: null });

  if (error instanceof APIUserAbortError) return plain(aiFailure('cancelled', 'the request was cancelled', '请求已取消'));
  if (error instanceof APIConnectionTimeoutError) {
    return plain(aiFailure('timeout', `no answer from ${where} within ${provider.timeoutMs} ms`, `${where} 在 ${provider.timeoutMs} 毫秒内没有响应`));
  }
  if (error instanceof APIConnectionError) {
    const cause = error.cause instanceof Error ? clean(error.cause.message) : clean(error.message);
    return plain(aiFailure('unreachable', `cannot reach ${where} (${cause}); check the base URL`, `无法连接 ${where}（${cause}）；请检查 Base URL`));
  }
  if (error instanceof APIError) {
    const status = error.status ?? 0;
    const detail = clean(serverMessage(error));
    const retryAfterMs = readRetryAfter(error.headers ?? undefined);
    const result = (failure: TAiFailure): TClassifiedError => ({ failure, retryAfterMs, rejectedFeature: null });
    if (status === 401 || status === 403) {
      return result(aiFailure('auth_failed', `${provider.name} rejected the API key (${status}: ${detail})`, `${provider.name} 拒绝了 API Key（${status}：${detail}）`));
    }
    if (status === 429) return result(aiFailure('rate_limited', `${provider.name} is rate limiting (429: ${detail})`, `${provider.name} 触发限流（429：${detail}）`));
    if (status >= 500) return result(aiFailure('server_error', `${provider.name} had a server error (${status}: ${detail})`, `${provider.name} 服务器错误（${status}：${detail}）`));
    const aboutModel = /model/i.test(detail) || error.code === 'model_not_found';
    if ((status === 404 || status === 400) && aboutModel) {
      return result(aiFailure('unknown_model', `${provider.name} does not know the model "${model}" (${status}: ${detail})`, `${provider.name} 不认识模型 "${model}"（${status}：${detail}）`));
    }
    if (status === 404) {
      return result(aiFailure('not_found', `${where}/chat/completions does not exist (404); check the base URL`, `${where}/chat/completions 不存在（404）；请检查 Base URL`));
    }
    if (status === 400 && /response_format|json[ _]?mode|json_object/i.test(detail)) {
      return { ...result(aiFailure('bad_request', `${provider.name} does not accept JSON mode (${detail})`, `${provider.name} 不支持 JSON 模式（${detail}）`)), rejectedFeature: 'jsonMode' };
    }
    if (status === 400 && /stream_options|include_usage/i.test(detail)) {
      return { ...result(aiFailure('bad_request', `${provider.name} does not accept stream_options (${detail})`, `${provider.name} 不支持 stream_options（${detail}）`)), rejectedFeature: 'streamUsage' };
    }
    return result(aiFailure('bad_request', `${provider.name} refused the request (${status}: ${detail})`, `${provider.name} 拒绝了请求（${status}：${detail}）`));
  }
  const message = error instanceof Error ? clean(error.message) : 'unknown error';
  return plain(aiFailure('internal', `AI call failed: ${message}`, `AI 调用失败：${message}`));
}

/** The provider's own error text when it sent one, else the SDK's summary. */
function serverMessage(error: APIError): string {
  const body = error.error as { message?: unknown } | undefined;
  const text = body && typeof body.message === 'string' ? body.message : error.message;
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
