/**
 * Why an AI answer could not be used. Every failure becomes HOLD in the run; the code is what
 * gets counted, the messages are what the node and the run page show.
 */
export const AI_FAILURE_CODES = [
  'not_configured',
  'missing_key',
  'auth_failed',
  'unreachable',
  'not_found',
  'unknown_model',
  'timeout',
  'rate_limited',
  'server_error',
  'bad_request',
  'refused',
  'empty_answer',
  'unparsable',
  'cancelled',
  'internal',
] as const;
export type TAiFailureCode = (typeof AI_FAILURE_CODES)[number];

export interface TAiFailure {
  code: TAiFailureCode;
  message: string;
  messageZh: string;
}

export function aiFailure(code: TAiFailureCode, message: string, messageZh: string): TAiFailure {
  return { code, message, messageZh };
}

/** Failures worth another attempt: the same request may well succeed a moment later. */
export function isRetryable(code: TAiFailureCode): boolean {
  return code === 'rate_limited' || code === 'server_error' || code === 'unreachable' || code === 'timeout';
}

export function failureText(failure: TAiFailure, language: 'zh-CN' | 'en-US'): string {
  return language === 'zh-CN' ? failure.messageZh : failure.message;
}
