'use client';
import { TRPCClientError } from '@trpc/client';
import { usePreferences } from '@/components/preferences/PreferencesProvider';

type TProblem = { path?: string; nodeId?: string | null; message: string; messageZh: string };

/** The per-field (file) or per-node (compiler) problems an API error carries, if any. */
export function problemsOf(error: unknown): TProblem[] {
  if (!(error instanceof TRPCClientError)) return [];
  const details = (error.data as { details?: { problems?: TProblem[]; nodeErrors?: TProblem[] } } | undefined)?.details;
  const list = details?.problems ?? details?.nodeErrors;
  return Array.isArray(list) ? list : [];
}

/** Each problem in the user's language; the server words them in both (field paths and node ids stay as they are). */
export function ErrorDetails({ error, heading }: { error: unknown; heading: string }) {
  const { locale } = usePreferences();
  const problems = problemsOf(error);
  if (problems.length === 0) return null;
  return (
    <div data-testid="error-details">
      <p style={{ margin: '0.25rem 0 0' }}>{heading}</p>
      <ul className="tpl-problems">
        {problems.map((p, k) => (
          <li key={k}>
            {p.nodeId ? <code>{p.nodeId}</code> : null}
            {p.nodeId ? ': ' : null}
            {locale === 'zh-CN' ? p.messageZh : p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
