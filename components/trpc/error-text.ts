// Turns an API error into text in the user's language, with per-field messages for forms.
import { TRPCClientError } from '@trpc/client';
import type { TMessages } from '@/messages/en-US';
import { isErrorCode, type TErrorCode } from '@/server/services/errors';

type TErrorData = { appCode?: string; field?: string | null; fieldErrors?: Record<string, string[]> | null };

export type TErrorText = { message: string; fields: Record<string, string> };

export function errorText(error: unknown, t: TMessages): TErrorText {
  if (!(error instanceof TRPCClientError)) return { message: t.errors.internal_error, fields: {} };
  const data = (error.data ?? undefined) as TErrorData | undefined;
  // No data at all means the request never got an answer from our API.
  if (!data) return { message: t.errors.network, fields: {} };
  const fields: Record<string, string> = {};
  for (const [field, codes] of Object.entries(data.fieldErrors ?? {})) {
    const code = codes.find(isErrorCode) ?? 'invalid_input';
    fields[field] = t.errors[code];
  }
  const code: TErrorCode = isErrorCode(data.appCode) ? data.appCode : 'internal_error';
  if (data.field && !fields[data.field]) fields[data.field] = t.errors[code];
  const first = Object.values(fields)[0];
  return { message: code === 'invalid_input' && first ? first : t.errors[code], fields };
}
