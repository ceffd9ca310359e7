'use client';
import { useEffect } from 'react';
import { useT } from '@/components/preferences/PreferencesProvider';
import { trpc } from '@/components/trpc/client';
import { Alert } from '@/components/ui/Alert';
import { importErrorText } from './describe-import';

/** A running sync's progress, polled once a second until it ends; then its outcome. */
export function SyncProgress({ importId, symbol }: { importId: string; symbol: string }) {
  const t = useT();
  const utils = trpc.useUtils();
  const list = trpc.market.listImports.useQuery({ limit: 20, symbol }, { refetchInterval: (q) => (q.state.data?.find((r) => r.id === importId)?.status === 'running' ? 1000 : false) });
  const cancel = trpc.market.cancelSync.useMutation();
  const row = list.data?.find((r) => r.id === importId);
  const finished = row && row.status !== 'running';
  useEffect(() => {
    if (finished) void utils.market.listSymbols.invalidate();
  }, [finished, utils]);
  if (!row) return <p className="muted">{t.data.syncStarted(symbol)}</p>;
  const message = importErrorText(t, row.errorCode, row.error);
  return (
    <div className="data-section" data-testid="sync-progress">
      {row.status === 'running' ? (
        <p>
          <progress className="data-progress" value={row.progress} max={1} aria-label={t.data.statuses.running} /> {Math.round(row.progress * 100)}% · {t.data.rowsSummary(row.rowsWritten, 0)}{' '}
          <button type="button" className="button button--ghost" onClick={() => cancel.mutate({ id: row.id })}>
            {t.data.cancel}
          </button>
        </p>
      ) : (
        <Alert kind={row.status === 'succeeded' ? 'success' : 'error'}>
          {t.data.statuses[row.status]} · {t.data.rowsSummary(row.rowsWritten, row.rowsSkipped)}
          {message ? ` · ${message}` : ''}
        </Alert>
      )}
    </div>
  );
}
