'use client';
import { useState } from 'react';
import { useT } from '@/components/preferences/PreferencesProvider';
import { trpc } from '@/components/trpc/client';
import { errorText } from '@/components/trpc/error-text';
import type { TTraderSummary } from '@/server/services/trader/schemas';

/** Start / pause / resume / stop (and on the detail page the kill switch and delete). */
export function TraderControls({ trader, full = false, onDeleted }: { trader: Pick<TTraderSummary, 'id' | 'name' | 'status'>; full?: boolean; onDeleted?: () => void }) {
  const t = useT();
  const utils = trpc.useUtils();
  const [error, setError] = useState<string | null>(null);
  const done = async () => {
    await Promise.all([utils.trader.list.invalidate(), utils.trader.get.invalidate({ id: trader.id })]);
  };
  const options = { onSuccess: done, onError: (e: unknown) => setError(errorText(e, t).message) };
  const start = trpc.trader.start.useMutation(options);
  const pause = trpc.trader.pause.useMutation(options);
  const resume = trpc.trader.resume.useMutation(options);
  const stop = trpc.trader.stop.useMutation(options);
  const remove = trpc.trader.delete.useMutation({ ...options, onSuccess: async () => (await done(), onDeleted?.()) });
  const busy = start.isPending || pause.isPending || resume.isPending || stop.isPending || remove.isPending;
  const { status } = trader;
  return (
    <div className="trader-controls">
      {status === 'stopped' || status === 'error' ? (
        <button type="button" className="button button--primary" disabled={busy} onClick={() => start.mutate({ id: trader.id })}>
          {t.traders.start}
        </button>
      ) : null}
      {status === 'running' ? (
        <button type="button" className="button" disabled={busy} onClick={() => pause.mutate({ id: trader.id })}>
          {t.traders.pause}
        </button>
      ) : null}
      {status === 'paused' ? (
        <button type="button" className="button button--primary" disabled={busy} onClick={() => resume.mutate({ id: trader.id })}>
          {t.traders.resume}
        </button>
      ) : null}
      {status === 'running' || status === 'paused' ? (
        <button type="button" className="button" disabled={busy} onClick={() => stop.mutate({ id: trader.id })}>
          {t.traders.stop}
        </button>
      ) : null}
      {full && (status === 'running' || status === 'paused') ? (
        <button type="button" className="button button--danger" disabled={busy} onClick={() => window.confirm(t.traders.killConfirm) && stop.mutate({ id: trader.id, cancelOrders: true })}>
          {t.traders.kill}
        </button>
      ) : null}
      {full ? (
        <button type="button" className="button button--ghost" disabled={busy} onClick={() => window.confirm(t.traders.deleteConfirm(trader.name)) && remove.mutate({ id: trader.id })}>
          {t.traders.delete}
        </button>
      ) : null}
      {error ? <span className="field__error" role="alert">{error}</span> : null}
    </div>
  );
}
