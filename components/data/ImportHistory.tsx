'use client';
import { useT } from '@/components/preferences/PreferencesProvider';
import { trpc } from '@/components/trpc/client';
import { errorText } from '@/components/trpc/error-text';
import { Alert } from '@/components/ui/Alert';
import { importErrorText, rowErrorText } from './describe-import';

/** Every import and sync with its outcome; refreshes while one is running. */
export function ImportHistory() {
  const t = useT();
  const list = trpc.market.listImports.useQuery({ limit: 100 }, { refetchInterval: (q) => (q.state.data?.some((r) => r.status === 'running') ? 1500 : false) });
  const cancel = trpc.market.cancelSync.useMutation();
  if (list.error) return <Alert>{errorText(list.error, t).message}</Alert>;
  if (!list.data) return <p className="muted">{t.common.loading}</p>;
  if (list.data.length === 0) return <p className="empty">{t.data.historyEmpty}</p>;
  return (
    <table className="data-table" data-testid="import-history">
      <thead>
        <tr>
          <th>{t.data.historyColumns.when}</th>
          <th>{t.data.historyColumns.what}</th>
          <th>{t.data.historyColumns.kind}</th>
          <th>{t.data.historyColumns.status}</th>
          <th>{t.data.historyColumns.rows}</th>
        </tr>
      </thead>
      <tbody>
        {list.data.map((r) => {
          const message = importErrorText(t, r.errorCode, r.error);
          return (
            <tr key={r.id}>
              <td>{new Date(r.startedAt).toLocaleString()}</td>
              <td>
                <strong>{r.symbol}</strong> · {t.data.timeframes[r.timeframe] ?? r.timeframe} · {t.data.adjustments[r.adjustment] ?? r.adjustment}
                <div className="muted">{r.source}</div>
              </td>
              <td>{t.data.kinds[r.kind] ?? r.kind}</td>
              <td>
                {r.status === 'running' ? (
                  <>
                    <progress className="data-progress" value={r.progress} max={1} aria-label={t.data.statuses.running} /> {Math.round(r.progress * 100)}%{' '}
                    <button type="button" className="button button--ghost" onClick={() => cancel.mutate({ id: r.id })}>
                      {t.data.cancel}
                    </button>
                  </>
                ) : (
                  t.data.statuses[r.status] ?? r.status
                )}
                {message ? <div className={r.status === 'failed' ? 'field__error' : 'muted'}>{message}</div> : null}
                {r.error?.refreshed ? <div className="muted">{t.data.refreshed}</div> : null}
              </td>
              <td>
                {t.data.rowsSummary(r.rowsWritten, r.rowsSkipped)}
                {r.rowErrors.length > 0 ? (
                  <details>
                    <summary>{t.data.showRowErrors(r.rowErrors.length)}</summary>
                    <ul className="data-errors">
                      {r.rowErrors.map((e) => (
                        <li key={`${e.row}-${e.code}`}>{rowErrorText(t, e)}</li>
                      ))}
                    </ul>
                  </details>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
