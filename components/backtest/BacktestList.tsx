'use client';
// All of the user's runs, newest first: status and progress (polled while any is active), key
// metrics, open / delete, and a selection to compare.
import './backtest.css';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { usePreferences } from '@/components/preferences/PreferencesProvider';
import { trpc } from '@/components/trpc/client';
import { errorText } from '@/components/trpc/error-text';
import { Alert } from '@/components/ui/Alert';
import type { TRunSummary } from '@/server/services/backtest/schemas';
import { directionClass, formatRatio, formatSignedPercent } from './format';

const ACTIVE = new Set(['queued', 'running']);

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
  const list = trpc.backtest.list.useQuery({ limit: 200 }, { refetchInterval: (q) => (q.state.data?.some((r) => ACTIVE.has(r.status)) ? 1000 : false) });
  const remove = trpc.backtest.delete.useMutation({ onSuccess: () => utils.backtest.list.invalidate() });
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  const runs = list.data ?? [];

  return (
    <section className="page bt-list">
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
