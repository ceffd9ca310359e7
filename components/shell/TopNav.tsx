'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useT } from '@/components/preferences/PreferencesProvider';
import type { TMessages } from '@/messages/en-US';
import { LanguageSwitch } from './LanguageSwitch';
import { SignOutButton } from './SignOutButton';
import { ThemeToggle } from './ThemeToggle';

const SECTIONS: { href: string; label: keyof TMessages['nav'] }[] = [
  { href: '/strategies', label: 'strategies' },
  { href: '/backtests', label: 'backtests' },
  { href: '/templates', label: 'templates' },
  { href: '/arena', label: 'arena' },
  { href: '/traders', label: 'traders' },
  { href: '/data', label: 'data' },
  { href: '/settings', label: 'settings' },
];

export function TopNav({ user }: { user: { name: string; email: string } | null }) {
  const t = useT();
  const pathname = usePathname();
  return (
    <header className="topnav">
      <Link href="/" className="topnav__brand">
        {t.app.name}
      </Link>
      <nav aria-label={t.nav.mainNavigation} className="topnav__links">
        {SECTIONS.map((s) => {
          const active = pathname === s.href || pathname.startsWith(`${s.href}/`);
          return (
            <Link key={s.href} href={s.href} className="topnav__link" aria-current={active ? 'page' : undefined}>
              {t.nav[s.label] as string}
            </Link>
          );
        })}
      </nav>
      <div className="topnav__tools">
        <LanguageSwitch signedIn={!!user} />
        <ThemeToggle />
        {user ? (
          <>
            <span className="topnav__user" title={user.email} data-testid="signed-in-user">
              {t.nav.signedInAs(user.name || user.email)}
            </span>
            <SignOutButton />
          </>
        ) : (
          <>
            <Link href="/sign-in" className="button button--ghost">
              {t.nav.signIn}
            </Link>
            <Link href="/sign-up" className="button">
              {t.nav.signUp}
            </Link>
          </>
        )}
      </div>
    </header>
  );
}
