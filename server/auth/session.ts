// Signed-in user for server components and layouts.
import { getServerSession } from 'next-auth';
import { getAuthOptions } from './options';

export type TSessionUser = { id: string; name: string; email: string };

export async function getSessionUser(): Promise<TSessionUser | null> {
  const session = await getServerSession(getAuthOptions());
  const u = session?.user;
  if (!u?.id) return null;
  return { id: u.id, name: u.name ?? '', email: u.email ?? '' };
}
