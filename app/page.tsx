import { redirect } from 'next/navigation';
import { Landing } from '@/components/home/Landing';
import { getMessages } from '@/components/i18n/locales';
import { readPreferences } from '@/components/preferences/read-preferences';
import { getSessionUser } from '@/server/auth/session';

export default async function HomePage() {
  if (await getSessionUser()) redirect('/strategies');
  return <Landing t={getMessages((await readPreferences()).locale)} />;
}
