'use client';
import Link from 'next/link';
import { usePreferences } from '@/components/preferences/PreferencesProvider';
import { trpc } from '@/components/trpc/client';
import { errorText } from '@/components/trpc/error-text';
import { Alert } from '@/components/ui/Alert';

/** The caller's published templates (public and unlisted), with links to the template and its strategy. */
export function MyTemplates() {
  const { t, locale } = usePreferences();
  const tt = t.templates;
  const mine = trpc.template.mine.useQuery();
  return (
    <section data-testid="my-templates" aria-labelledby="my-templates-title">
      <h2 id="my-templates-title">{tt.mine}</h2>
      {mine.error ? <Alert>{errorText(mine.error, t).message}</Alert> : null}
      {mine.data && mine.data.length === 0 ? <p className="muted">{tt.mineEmpty}</p> : null}
      {mine.data && mine.data.length > 0 ? (
        <ul className="tpl-mine">
          {mine.data.map((m) => (
            <li key={m.id} data-testid="my-template">
              <Link href={`/templates/${encodeURIComponent(m.id)}`}>
                <strong>{m.title}</strong>
              </Link>
              {m.visibility === 'unlisted' ? <span className="tpl-badge tpl-badge--muted">{tt.unlisted}</span> : null}
              <span className="muted">{tt.publish.stats(m.version, m.uses, m.forks)}</span>
              <span className="muted">{new Date(m.updatedAt).toLocaleDateString(locale)}</span>
              {m.strategyId ? (
                <Link href={`/strategies/${m.strategyId}`} className="button button--ghost" style={{ marginLeft: 'auto' }}>
                  {t.strategies.open}
                </Link>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
