// Builds the tRPC context for an HTTP request: the database and the signed-in user (if any).
import { getServerSession } from 'next-auth';
import { getAuthOptions } from '@/server/auth/options';
import { getDb } from '@/server/db';
import type { TTrpcContext } from './trpc';

export async function createTrpcContext(): Promise<TTrpcContext> {
  // getServerSession reads the cookies of the current request through next/headers.
  const session = await getServerSession(getAuthOptions());
  return { db: getDb(), userId: session?.user?.id ?? null };
}
