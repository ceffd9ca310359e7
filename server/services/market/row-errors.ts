// Row errors as they are stored and sent to the browser: a code and its values, so the UI can
// say them in the user's language; the English message is kept for the CLI and logs.
import type { TCsvRowError } from '@/server/data/parse-bars-csv';

export type TRowErrorDto = { row: number; field: string | null; code: string; params: Record<string, string | number>; message: string };

export function toRowErrorDtos(errors: TCsvRowError[]): TRowErrorDto[] {
  return errors.map((e) => ({ row: e.row, field: e.field ?? null, code: e.code ?? 'unreadable_row', params: e.params ?? {}, message: e.message }));
}
