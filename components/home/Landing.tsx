import Link from 'next/link';
import type { TMessages } from '@/messages/en-US';

export function Landing({ t }: { t: TMessages }) {
  return (
    <section className="page landing">
      <h1>{t.home.title}</h1>
      <p className="landing__body">{t.home.body}</p>
      <div className="landing__actions">
        <Link href="/sign-up" className="button button--primary">
          {t.home.getStarted}
        </Link>
        <Link href="/sign-in" className="button button--ghost">
          {t.home.haveAccount}
        </Link>
      </div>
    </section>
  );
}
