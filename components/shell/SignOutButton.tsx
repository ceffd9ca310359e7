'use client';
import { signOut } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useT } from '@/components/preferences/PreferencesProvider';

export function SignOutButton() {
  const t = useT();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="button button--ghost"
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        // redirect:false + our own navigation: next-auth's redirect URL depends on NEXTAUTH_URL.
        await signOut({ redirect: false });
        router.push('/sign-in');
        router.refresh();
      }}
    >
      {t.nav.signOut}
    </button>
  );
}
