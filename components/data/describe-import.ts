// Text for an import/sync outcome and for row errors, in the user's language.
import type { TMessages } from '@/messages/en-US';

type TRowError = { row: number; field: string | null; code: string; params: Record<string, string | number> };
type TImportError = { provider?: string; code?: string; params?: Record<string, string | number>; refreshed?: boolean } | null;

export function rowErrorText(t: TMessages, e: TRowError): string {
  const say = t.data.rowError[e.code] ?? t.data.rowError.unreadable_row;
  return `${t.data.rowLabel(e.row, e.field)}: ${say(e.params)}`;
}

export function mappingProblemText(t: TMessages, p: { code: string; field: string }): string {
  const say = t.data.mappingProblem[p.code] ?? t.data.mappingProblem.mapping_missing;
  return say(t.data.fields[p.field] ?? p.field);
}

/** "Tushare Pro: Rate limit reached …" — names the provider, then what went wrong. */
export function importErrorText(t: TMessages, errorCode: string | null, error: TImportError): string | null {
  if (error?.provider && error.code) {
    const say = t.data.providerError[error.code];
    const name = t.data.providers[error.provider] ?? error.provider;
    return `${name}: ${say ? say(error.params ?? {}) : error.code}`;
  }
  if (errorCode) return t.data.importErrors[errorCode] ?? errorCode;
  return null;
}
