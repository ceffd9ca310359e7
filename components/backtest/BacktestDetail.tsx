'use client';
// One run on its own page: what it ran on (symbols, range, rules, costs), progress while it runs,
// why it failed, or the full results.
import './backtest.css';
import Link from 'next/link';
import { useRef } from 'react';
import { usePreferences } from '@/components/preferences/PreferencesProvider';
import { trpc } from '@/components/trpc/client';
import { errorText } from '@/components/trpc/error-text';
import { Alert } from '@/components/ui/Alert';
import { BacktestResults } from './BacktestResults';
import { runTitle, StatusBadge } from './BacktestList';
import { formatAmount, formatPercent } from './format';
import { RunErrorView } from './RunErrorView';
import { RunProgress } from './RunProgress';
import { symbolName } from './SymbolPicker';
import { PROGRESS_FALLBACK_POLL_MS, useRunProgress, withProgress } from './use-run-progress';

const ACTIVE = new Set(['queued', 'running']);

export function BacktestDetail({ runId }: { runId: string }) {
  const { t, locale } = usePreferences();
  const streamFailed = useRef(false);
  // progress is pushed (useRunProgress); this poll runs only if that stream has failed
  const run = trpc.backtest.get.useQuery({ id: runId }, { refetchInterval: (q) => (streamFailed.current && q.state.data && ACTIVE.has(q.state.data.status) ? PROGRESS_FALLBACK_POLL_MS : false) });
  const live = useRunProgress(runId, !!run.data && ACTIVE.has(run.data.status), () => void run.refetch());
  streamFailed.current = live.failed;
  const cancel = trpc.backtest.cancel.useMutation({ onSettled: () => void run.refetch() });
  const r = run.data ? withProgress(run.data, live.progress) : undefined;
  return (
    <section className="page bt-detail">
      <p>
        <Link href="/backtests">← {t.backtest.backToList}</Link>
      </p>
      {run.isPending ? <p className="muted">{t.common.loading}</p> : null}
      {run.error ? <Alert>{errorText(run.error, t).message}</Alert> : null}
      {r ? (
        <>
          <div className="page__header">
            <h1>{t.backtest.detailTitle(runTitle(r, t))}</h1>
            <StatusBadge run={r} />
            {r.strategyId && r.strategyName ? <Link href={`/strategies/${r.strategyId}`}>{t.backtest.openStrategy}</Link> : null}
          </div>
          <dl className="bt-detail__meta" aria-label={t.backtest.settingsTitle}>
            {(r.params.resolved ?? []).map((s) => (
              <div key={s.symbol}>
                <dt>{s.symbol}</dt>
                <dd>
                  {symbolName(s, locale)} · {t.backtest.markets[s.market] ?? s.market}
                  {s.marketOverridden ? ' *' : ''} · {s.adjustment ? `${t.backtest.adjustments[s.adjustment] ?? s.adjustment} · ` : ''}
                  {s.from} → {s.to}
                </dd>
              </div>
            ))}
            <div>
              <dt>{t.backtest.initialCash}</dt>
              <dd>{formatAmount(r.initialCash, locale)}</dd>
            </div>
            <div>
              <dt>{t.backtest.fillTiming}</dt>
              <dd>{t.backtest.fillTimingValue[r.params.fillTiming] ?? r.params.fillTiming}</dd>
            </div>
            {r.params.costs?.commissionRate !== undefined ? (
              <div>
                <dt>{t.backtest.commission}</dt>
                <dd>{formatPercent(r.params.costs.commissionRate, locale, 3)}</dd>
              </div>
            ) : null}
            {r.params.costs?.slippageBps !== undefined ? (
              <div>
                <dt>{t.backtest.slippage}</dt>
                <dd>{r.params.costs.slippageBps}</dd>
              </div>
            ) : null}
            {r.params.benchmark ? (
              <div>
                <dt>{t.backtest.benchmark}</dt>
                <dd>{r.params.benchmark}</dd>
              </div>
            ) : null}
          </dl>
          {run.data && ACTIVE.has(run.data.status) ? <RunProgress run={r} eta={live.progress?.eta} onCancel={() => cancel.mutate({ id: r.id })} cancelling={cancel.isPending} /> : null}
          {r.error ? <RunErrorView error={r.error} graph={r.graph} /> : null}
          {r.status === 'succeeded' ? <BacktestResults run={r} /> : null}
        </>
      ) : null}
    </section>
  );
}
