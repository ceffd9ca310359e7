'use client';
import { useState, type FormEvent } from 'react';
import { useT } from '@/components/preferences/PreferencesProvider';
import { trpc } from '@/components/trpc/client';
import { errorText } from '@/components/trpc/error-text';
import { Alert } from '@/components/ui/Alert';
import { SyncProgress } from './SyncProgress';

const PROVIDERS_BY_MARKET: Record<string, ('tushare' | 'eastmoney' | 'yahoo' | 'futu' | 'binance')[]> = {
  'cn-a': ['tushare', 'eastmoney', 'futu', 'yahoo'],
  hk: ['eastmoney', 'yahoo', 'futu'],
  us: ['yahoo', 'futu'],
  crypto: ['binance'],
};
const TIMEFRAMES = ['1m', '5m', '15m', '1h', '1d', '1w'] as const;
const ADJUSTMENTS = ['raw', 'qfq', 'hfq', 'split-adj', 'none'] as const;

export function SyncForm({ symbol, market, onClose }: { symbol: string; market: string; onClose: () => void }) {
  const t = useT();
  const utils = trpc.useUtils();
  const providers = PROVIDERS_BY_MARKET[market] ?? [];
  const [provider, setProvider] = useState(providers[0]);
  const [timeframe, setTimeframe] = useState<(typeof TIMEFRAMES)[number]>('1d');
  const [adjustment, setAdjustment] = useState<(typeof ADJUSTMENTS)[number] | ''>('');
  const [from, setFrom] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [importId, setImportId] = useState<string | null>(null);
  const start = trpc.market.startSync.useMutation();

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const res = await start.mutateAsync({ provider, symbol, timeframe, adjustment: adjustment || undefined, from: from || undefined });
      setImportId(res.importId);
      await utils.market.listImports.invalidate();
    } catch (err) {
      setError(errorText(err, t).message);
    }
  }

  return (
    <form className="card data-section" onSubmit={onSubmit} aria-label={t.data.syncTitle(symbol)}>
      <strong>{t.data.syncTitle(symbol)}</strong>
      <div className="data-form">
        <label>
          {t.data.provider}
          <select className="input" value={provider} onChange={(e) => setProvider(e.target.value as typeof provider)}>
            {providers.map((p) => (
              <option key={p} value={p}>
                {t.data.providers[p]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.data.timeframe}
          <select className="input" value={timeframe} onChange={(e) => setTimeframe(e.target.value as typeof timeframe)}>
            {TIMEFRAMES.map((tf) => (
              <option key={tf} value={tf}>
                {t.data.timeframes[tf]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.data.adjustment}
          <select className="input" value={adjustment} onChange={(e) => setAdjustment(e.target.value as typeof adjustment)}>
            <option value="">{t.data.providerDefault}</option>
            {ADJUSTMENTS.map((a) => (
              <option key={a} value={a}>
                {t.data.adjustments[a]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.data.syncFrom}
          <input className="input" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <div>
          <button type="submit" className="button button--primary" disabled={start.isPending}>
            {t.data.startSync}
          </button>{' '}
          <button type="button" className="button button--ghost" onClick={onClose}>
            {t.common.cancel}
          </button>
        </div>
      </div>
      {error ? <Alert>{error}</Alert> : null}
      {importId ? <SyncProgress importId={importId} symbol={symbol} /> : null}
    </form>
  );
}
