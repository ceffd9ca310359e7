import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { getSessionUser } from '@/server/auth/session';

/** Everything in (app) needs a signed-in user. */
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  if (!(await getSessionUser())) redirect('/sign-in');
  return children;
}
