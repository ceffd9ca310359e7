import Link from 'next/link';
import { getMessages } from '@/components/i18n/locales';
import { readPreferences } from '@/components/preferences/read-preferences';

export default async function NotFound() {
  const t = getMessages((await readPreferences()).locale);
  return (
    <section className="page">
      <h1>{t.errors.not_found}</h1>
      <p>
        <Link href="/strategies">{t.editor.back}</Link>
      </p>
    </section>
  );
}
