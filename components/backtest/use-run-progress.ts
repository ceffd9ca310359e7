'use client';
// A run's progress pushed from the server (`backtest.progress`, SSE) instead of polled: the page
// shows the streamed status and bars processed over the run it read once, and reads the run
// again when the stream reports the final status (metrics and results are in the row then).
import { skipToken } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { trpc } from '@/components/trpc/client';
import type { TRunSummary } from '@/server/services/backtest/schemas';
import type { TBacktestProgress } from '@/server/services/backtest/watch-backtest-progress';

export const ACTIVE_RUN = new Set(['queued', 'running']);
/** Only while the stream has failed for good (it reconnects by itself otherwise). */
export const PROGRESS_FALLBACK_POLL_MS = 2_000;

export function useRunProgress(runId: string | null, active: boolean, onFinal: (p: TBacktestProgress) => void): { progress: TBacktestProgress | null; failed: boolean } {
  const [state, setState] = useState<{ runId: string; p: TBacktestProgress } | null>(null);
  const latest = useRef({ runId, onFinal });
  useEffect(() => {
    latest.current = { runId, onFinal };
  });
  const sub = trpc.backtest.progress.useSubscription(runId && active ? { id: runId } : skipToken, {
    onData: (p) => {
      const id = latest.current.runId;
      if (!id) return;
      setState({ runId: id, p });
      if (!ACTIVE_RUN.has(p.status)) latest.current.onFinal(p);
    },
  });
  return { progress: state && state.runId === runId ? state.p : null, failed: sub.status === 'error' };
}

/** The run as last read, with the streamed progress over it (progress only moves forward). */
export function withProgress<T extends TRunSummary>(run: T, p: TBacktestProgress | null): T {
  if (!p) return run;
  // the row read after the end is newer than the stream's last word
  if (!ACTIVE_RUN.has(run.status)) return run;
  // a final status shows once the run is read again (its metrics and error come with that read)
  return { ...run, status: ACTIVE_RUN.has(p.status) ? p.status : run.status, progress: Math.max(run.progress, p.progress), barsDone: Math.max(run.barsDone, p.barsDone), barsTotal: p.barsTotal ?? run.barsTotal };
}
