import { redirect } from 'next/navigation';
import { SignUpForm } from '@/components/auth/SignUpForm';
import { getSessionUser } from '@/server/auth/session';

export default async function SignUpPage() {
  if (await getSessionUser()) redirect('/strategies');
  return <SignUpForm />;
}
