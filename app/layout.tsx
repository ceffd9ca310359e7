import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { getMessages } from '@/components/i18n/locales';
import { readPreferences } from '@/components/preferences/read-preferences';
import { AppProviders } from '@/components/shell/AppProviders';
import { TopNav } from '@/components/shell/TopNav';
import { getSessionUser } from '@/server/auth/session';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = getMessages((await readPreferences()).locale);
  return { title: t.app.name, description: t.app.tagline };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const preferences = await readPreferences();
  const user = await getSessionUser();
  return (
    <html lang={preferences.locale} data-theme={preferences.theme} data-market-colors={preferences.marketColors}>
      <body>
        <AppProviders preferences={preferences}>
          <TopNav user={user ? { name: user.name, email: user.email } : null} />
          <main className="main">{children}</main>
        </AppProviders>
      </body>
    </html>
  );
}
