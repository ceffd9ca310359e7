// Server-side log of unexpected API errors. The client only ever gets an error code.
import type { TRPCError } from '@trpc/server';

export function logTrpcError({ error, path }: { error: TRPCError; path?: string }) {
  if (error.code === 'INTERNAL_SERVER_ERROR') {
    console.error(`[trpc] ${path ?? '?'} failed:`, error.cause ?? error);
  }
}
