'use client';
// Progress of a queued/running run: a bar with bars processed and an ETA (the server's, from the
// run's rate since it started; else from the rate observed here).
import { useEffect, useRef, useState } from 'react';
import { usePreferences } from '@/components/preferences/PreferencesProvider';
import type { TRunSummary } from '@/server/services/backtest/schemas';
import { formatCount } from './format';

export function RunProgress({ run, eta: serverEta, onCancel, cancelling }: { run: TRunSummary; eta?: number | null; onCancel?: () => void; cancelling?: boolean }) {
  const { t, locale } = usePreferences();
  const first = useRef<{ at: number; progress: number } | null>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, []);
  if (run.status === 'running' && run.progress > 0 && !first.current) first.current = { at: Date.now(), progress: run.progress };

  const pct = Math.round(run.progress * 100);
  let eta: number | null = serverEta ?? null;
  if (eta === null && first.current && run.progress > first.current.progress) {
    const rate = (run.progress - first.current.progress) / Math.max(1, now - first.current.at);
    eta = (1 - run.progress) / rate / 1000;
  }
  const total = run.barsTotal ?? 0;
  return (
    <div className="bt-progress" data-testid="run-progress">
      <div
        className="bt-progress__track"
        role="progressbar"
        aria-label={t.backtest.status[run.status]}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-valuetext={`${pct}%`}
      >
        <div className="bt-progress__fill" style={{ width: `${Math.max(2, pct)}%` }} />
      </div>
      <span className="bt-progress__text">
        {run.status === 'queued' ? t.backtest.queued : `${pct}% · ${t.backtest.progress(formatCount(run.barsDone, locale), formatCount(total, locale))}`}
        {eta !== null && run.status === 'running' ? ` · ${t.backtest.eta(eta)}` : ''}
      </span>
      {onCancel ? (
        <button type="button" className="button button--danger" onClick={onCancel} disabled={cancelling} data-testid="cancel-backtest">
          {t.backtest.cancel}
        </button>
      ) : null}
    </div>
  );
}
