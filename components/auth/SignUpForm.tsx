'use client';
import Link from 'next/link';
import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { usePreferences } from '@/components/preferences/PreferencesProvider';
import { trpc } from '@/components/trpc/client';
import { errorText, type TErrorText } from '@/components/trpc/error-text';
import { Alert } from '@/components/ui/Alert';
import { Field } from '@/components/ui/Field';

export function SignUpForm() {
  const { t, locale } = usePreferences();
  const router = useRouter();
  const signUp = trpc.auth.signUp.useMutation();
  const [error, setError] = useState<TErrorText | null>(null);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const email = String(form.get('email') ?? '');
    const password = String(form.get('password') ?? '');
    setError(null);
    try {
      await signUp.mutateAsync({ email, password, name: String(form.get('name') ?? ''), locale });
    } catch (err) {
      setError(errorText(err, t));
      return;
    }
    // New accounts go straight in; if that fails, the sign-in page takes over with the e-mail filled in.
    const res = await signIn('credentials', { email, password, redirect: false }).catch(() => undefined);
    if (res?.ok && !res.error) {
      router.push('/strategies');
      router.refresh();
    } else {
      router.push(`/sign-in?email=${encodeURIComponent(email)}`);
    }
  }

  const busy = signUp.isPending || signUp.isSuccess;
  return (
    <form className="card auth-card" onSubmit={onSubmit} noValidate>
      <h1>{t.auth.signUpTitle}</h1>
      {/* Field problems show next to their field; the banner is for the rest. */}
      {error && Object.keys(error.fields).length === 0 ? <Alert>{error.message}</Alert> : null}
      <Field label={t.auth.displayName} name="name" autoComplete="name" error={error?.fields.name} />
      <Field label={t.auth.email} name="email" type="email" autoComplete="email" error={error?.fields.email} />
      <Field
        label={t.auth.password}
        name="password"
        type="password"
        autoComplete="new-password"
        hint={t.auth.passwordHint}
        error={error?.fields.password}
      />
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? t.auth.creating : t.auth.submitSignUp}
      </button>
      <p className="muted">
        {t.auth.haveAccount} <Link href="/sign-in">{t.nav.signIn}</Link>
      </p>
    </form>
  );
}
