/**
 * Why a provider call failed, as a code the UI translates (messages: data.providerError) plus the
 * facts it quotes. The English message names the provider and, where it applies, the field.
 * Credentials never appear in it: URLs are logged without their query string.
 */
import type { TProviderId } from './provider-types';

export type TProviderErrorCode =
  | 'not_configured'
  | 'unreachable'
  | 'timeout'
  | 'http_error'
  | 'rate_limited'
  | 'not_json'
  | 'api_error'
  | 'missing_field'
  | 'bad_value'
  | 'unknown_symbol'
  | 'unsupported'
  | 'cancelled';

export class TProviderError extends Error {
  constructor(
    readonly provider: TProviderId,
    readonly code: TProviderErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(describe(provider, code, params));
    this.name = 'TProviderError';
  }

  /** what can be stored and sent to the browser */
  toJSON(): { provider: TProviderId; code: TProviderErrorCode; params: Record<string, string | number> } {
    return { provider: this.provider, code: this.code, params: this.params };
  }
}

function describe(provider: string, code: TProviderErrorCode, p: Record<string, string | number>): string {
  switch (code) {
    case 'not_configured':
      return `${provider}: ${p.what ?? 'a credential'} is not set (Data → Providers)`;
    case 'unreachable':
      return `${provider}: cannot connect to ${p.host ?? 'the server'}${p.reason ? ` (${p.reason})` : ''}`;
    case 'timeout':
      return `${provider}: no answer within ${p.seconds} s`;
    case 'http_error':
      return `${provider}: HTTP ${p.status} from the server`;
    case 'rate_limited':
      return `${provider}: rate limit reached (HTTP ${p.status ?? 429})${p.retryAfter ? `, retry after ${p.retryAfter} s` : ''}`;
    case 'not_json':
      return `${provider}: the answer is not JSON (${p.contentType || 'no content type'}${p.snippet ? `: "${p.snippet}"` : ''}) — an error page or a wrong base URL`;
    case 'api_error':
      return `${provider}: the API answered error ${p.code}${p.msg ? `: ${p.msg}` : ''}`;
    case 'missing_field':
      return `${provider}: the answer has no field "${p.field}"`;
    case 'bad_value':
      return `${provider}: field "${p.field}" has a value that is not usable${p.value !== undefined ? ` ("${p.value}")` : ''}`;
    case 'unknown_symbol':
      return `${provider}: unknown symbol ${p.symbol}`;
    case 'unsupported':
      return `${provider}: ${p.what} is not supported`;
    case 'cancelled':
      return `${provider}: cancelled`;
  }
}
