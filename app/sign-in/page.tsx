import { redirect } from 'next/navigation';
import { Suspense } from 'react';
import { SignInForm } from '@/components/auth/SignInForm';
import { getSessionUser } from '@/server/auth/session';

export default async function SignInPage() {
  if (await getSessionUser()) redirect('/strategies');
  return (
    <Suspense>
      <SignInForm />
    </Suspense>
  );
}
