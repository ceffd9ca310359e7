'use client';
// All of the user's runs, newest first: status and progress (streamed for the runs that are
// running), key metrics, open / delete, and a selection to compare.
import './backtest.css';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useState } from 'react';
import type { TBacktestProgress } from '@/server/services/backtest/watch-backtest-progress';
import { usePreferences } from '@/components/preferences/PreferencesProvider';
import { trpc } from '@/components/trpc/client';
import { errorText } from '@/components/trpc/error-text';
import { Alert } from '@/components/ui/Alert';
import type { TRunSummary } from '@/server/services/backtest/schemas';
import { directionClass, formatRatio, formatSignedPercent } from './format';
import { PROGRESS_FALLBACK_POLL_MS, useRunProgress, withProgress } from './use-run-progress';

const ACTIVE = new Set(['queued', 'running']);
const LIST_INPUT = { limit: 200 };
/** Each followed run holds an SSE connection; browsers allow about six per server, so follow a few. */
const MAX_FOLLOWED = 2;

/** Follows one active run's progress into the list's cache; the list is read again when it ends. */
function FollowRun({ id, onFinal, onFailed }: { id: string; onFinal: () => void; onFailed: (failed: boolean) => void }) {
  const utils = trpc.useUtils();
  const live = useRunProgress(id, true, onFinal);
  const p: TBacktestProgress | null = live.progress;
  useEffect(() => {
    if (p) utils.backtest.list.setData(LIST_INPUT, (rows) => rows?.map((r) => (r.id === id ? withProgress(r, p) : r)));
  }, [p, id, utils]);
  useEffect(() => onFailed(live.failed), [live.failed, onFailed]);
  return null;
}

export function runTitle(run: Pick<TRunSummary, 'strategyName' | 'strategyId'>, t: { backtest: { deletedStrategy: string; graphOnly: string } }): string {
  return run.strategyName ?? (run.strategyId ? t.backtest.deletedStrategy : t.backtest.graphOnly);
}

export function StatusBadge({ run }: { run: TRunSummary }) {
  const { t } = usePreferences();
  return (
    <span className={`bt-status bt-status--${run.status}`} data-testid="run-status">
      {t.backtest.status[run.status]}
      {run.status === 'running' ? ` ${Math.round(run.progress * 100)}%` : ''}
    </span>
  );
}

export function BacktestList() {
  const { t, locale } = usePreferences();
  const router = useRouter();
  const utils = trpc.useUtils();
  const [selected, setSelected] = useState<string[]>([]);
  const [streamFailed, setStreamFailed] = useState(false);
  // pushed, not polled (FollowRun); the poll is the fallback for a failed stream only
  const list = trpc.backtest.list.useQuery(LIST_INPUT, { refetchInterval: (q) => (streamFailed && q.state.data?.some((r) => ACTIVE.has(r.status)) ? PROGRESS_FALLBACK_POLL_MS : false) });
  const reload = useCallback(() => void utils.backtest.list.invalidate(), [utils]);
  const onFailed = useCallback((failed: boolean) => setStreamFailed((was) => was || failed), []);
  const remove = trpc.backtest.delete.useMutation({ onSuccess: () => utils.backtest.list.invalidate() });
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  const runs = list.data ?? [];
  // running runs first (queued ones start only when one of those ends, which reloads the list)
  const followed = runs
    .filter((r) => ACTIVE.has(r.status))
    .sort((a, b) => (a.status === b.status ? 0 : a.status === 'running' ? -1 : 1))
    .slice(0, MAX_FOLLOWED);

  return (
    <section className="page bt-list">
      {followed.map((r) => (
        <FollowRun key={r.id} id={r.id} onFinal={reload} onFailed={onFailed} />
      ))}
      <div className="page__header">
        <h1>{t.backtest.listTitle}</h1>
      </div>
      {list.isPending ? <p className="muted">{t.common.loading}</p> : null}
      {list.error ? <Alert>{errorText(list.error, t).message}</Alert> : null}
      {remove.error ? <Alert>{errorText(remove.error, t).message}</Alert> : null}
      {list.data && runs.length === 0 ? <p className="empty">{t.backtest.listEmpty}</p> : null}
      {runs.length > 0 ? (
        <>
          <div className="bt-list__actions">
            <button type="button" className="button" disabled={selected.length < 2} onClick={() => router.push(`/backtests/compare?ids=${selected.join(',')}`)} data-testid="compare-runs">
              {t.backtest.compare(selected.length)}
            </button>
            <span className="muted">{t.backtest.compareHint}</span>
          </div>
          <div className="bt-table-wrap" style={{ maxHeight: 'none' }}>
            <table className="bt-table" data-testid="backtest-list">
              <thead>
                <tr>
                  <th scope="col">
                    <span className="sr-only">{t.backtest.compare(selected.length)}</span>
                  </th>
                  <th scope="col">{t.backtest.strategy}</th>
                  <th scope="col">{t.backtest.symbols}</th>
                  <th scope="col">{t.backtest.range}</th>
                  <th scope="col">{t.backtest.columns.status}</th>
                  <th scope="col">{t.backtest.metrics.totalReturn}</th>
                  <th scope="col">{t.backtest.metrics.maxDrawdown}</th>
                  <th scope="col">{t.backtest.metrics.sharpe}</th>
                  <th scope="col">{t.backtest.created}</th>
                  <th scope="col">
                    <span className="sr-only">{t.backtest.open}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {runs.map((r) => (
                  <tr key={r.id} data-testid="backtest-row" data-run-id={r.id}>
                    <td>
                      <input type="checkbox" aria-label={t.backtest.selectRun(r.id)} checked={selected.includes(r.id)} disabled={r.status !== 'succeeded'} onChange={() => toggle(r.id)} />
                    </td>
                    <td>
                      <Link href={`/backtests/${r.id}`}>{runTitle(r, t)}</Link>
                    </td>
                    <td>{r.symbols.join(', ')}</td>
                    <td>
                      {r.from ?? '…'} → {r.to ?? '…'}
                    </td>
                    <td>
                      <StatusBadge run={r} />
                    </td>
                    <td className={directionClass(r.metrics?.totalReturn)}>{formatSignedPercent(r.metrics?.totalReturn, locale)}</td>
                    <td>{r.metrics ? formatSignedPercent(-Math.abs(r.metrics.maxDrawdown), locale) : '—'}</td>
                    <td>{formatRatio(r.metrics?.sharpe, locale)}</td>
                    <td>{new Date(r.createdAt).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' })}</td>
                    <td>
                      <button
                        type="button"
                        className="button button--danger"
                        disabled={remove.isPending}
                        onClick={() => {
                          if (window.confirm(t.backtest.confirmDelete)) remove.mutate({ id: r.id });
                        }}
                      >
                        {t.backtest.delete}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}
