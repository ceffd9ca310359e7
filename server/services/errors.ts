// Errors the user can act on. Services throw AppError with a stable code; the API turns it into
// the right HTTP status and the UI shows the code's text in the user's language (messages/*).

export const ERROR_CODES = [
  'invalid_input',
  'internal_error',
  'unauthorized',
  'not_found',
  'email_invalid',
  'email_taken',
  'password_too_short',
  'password_too_long',
  'display_name_required',
  'display_name_too_long',
  'invalid_credentials',
  'name_required',
  'name_too_long',
  'description_too_long',
  'graph_invalid',
  'graph_too_large',
  'note_too_long',
  // backtests
  'graph_compile_failed',
  'symbols_required',
  'too_many_symbols',
  'unknown_symbol',
  'no_bars_in_range',
  'date_range_invalid',
  'initial_cash_invalid',
  'cost_invalid',
  'run_not_finished',
  'compare_needs_two',
  // market data
  'symbol_invalid',
  'timeframe_invalid',
  'adjustment_invalid',
  'timezone_invalid',
  'date_invalid',
  'url_invalid',
  'csv_empty',
  'csv_too_large',
  'provider_invalid',
  'provider_disabled',
  'provider_unsupported',
  'sync_running',
  'symbol_record_invalid',
  // AI providers, Debate Arena, decision cache
  'base_url_required',
  'base_url_invalid',
  'base_url_too_long',
  'base_url_has_credentials',
  'api_key_too_long',
  'model_too_long',
  'participants_too_few',
  'participants_too_many',
  'debate_date_invalid',
  'too_many_debates',
  'cache_import_invalid',
  // shared templates, strategy files
  'title_required',
  'title_too_long',
  'tags_too_many',
  'tag_invalid',
  'template_already_published',
  'strategy_file_not_json',
  'strategy_file_unsupported',
  'strategy_file_invalid',
  'strategy_file_too_large',
] as const;

export type TErrorCode = (typeof ERROR_CODES)[number];

/** How an error code maps to an HTTP-ish class; the API layer turns these into status codes. */
export type TErrorKind = 'bad_input' | 'not_found' | 'conflict' | 'unauthorized';

const KIND: Partial<Record<TErrorCode, TErrorKind>> = {
  not_found: 'not_found',
  email_taken: 'conflict',
  unauthorized: 'unauthorized',
  invalid_credentials: 'unauthorized',
  too_many_debates: 'conflict',
  sync_running: 'conflict',
  template_already_published: 'conflict',
};

export class AppError extends Error {
  readonly kind: TErrorKind;
  constructor(
    readonly code: TErrorCode,
    readonly field?: string,
    /** JSON-safe facts the UI needs to say where (e.g. per-node compile errors); sent to the client */
    readonly details?: unknown,
  ) {
    super(code);
    this.name = 'AppError';
    this.kind = KIND[code] ?? 'bad_input';
  }
}

export function isErrorCode(value: unknown): value is TErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
