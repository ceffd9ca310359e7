'use client';
import Link from 'next/link';
import { signIn } from 'next-auth/react';
import { useRouter, useSearchParams } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { usePreferences } from '@/components/preferences/PreferencesProvider';
import { Alert } from '@/components/ui/Alert';
import { Field } from '@/components/ui/Field';

/** Only same-site paths: a callback URL from the query string must not send users elsewhere. */
function safeNext(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : '/strategies';
}

export function SignInForm() {
  const { t } = usePreferences();
  const router = useRouter();
  const params = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const res = await signIn('credentials', {
        email: String(form.get('email') ?? ''),
        password: String(form.get('password') ?? ''),
        redirect: false,
      });
      if (!res || res.error) {
        setError(res?.error === 'CredentialsSignin' || res?.status === 401 ? t.errors.invalid_credentials : t.errors.internal_error);
        return;
      }
      router.push(safeNext(params.get('next')));
      router.refresh();
    } catch {
      setError(t.errors.network);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card auth-card" onSubmit={onSubmit} noValidate>
      <h1>{t.auth.signInTitle}</h1>
      {error ? <Alert>{error}</Alert> : null}
      <Field label={t.auth.email} name="email" type="email" autoComplete="email" defaultValue={params.get('email') ?? ''} />
      <Field label={t.auth.password} name="password" type="password" autoComplete="current-password" />
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? t.auth.signingIn : t.auth.submitSignIn}
      </button>
      <p className="muted">
        {t.auth.noAccount} <Link href="/sign-up">{t.nav.signUp}</Link>
      </p>
    </form>
  );
}
