'use client';
import { useState } from 'react';
import { useT } from '@/components/preferences/PreferencesProvider';
import { trpc } from '@/components/trpc/client';
import { errorText } from '@/components/trpc/error-text';
import { Alert } from '@/components/ui/Alert';
import { SyncForm } from './SyncForm';

const MARKETS = ['cn-a', 'hk', 'us', 'crypto'] as const;

export function SymbolsPanel() {
  const t = useT();
  const [query, setQuery] = useState('');
  const [market, setMarket] = useState<(typeof MARKETS)[number] | ''>('');
  const [withoutData, setWithoutData] = useState(false);
  const [syncing, setSyncing] = useState<string | null>(null);
  const list = trpc.market.listSymbols.useQuery({ query: query || undefined, market: market || undefined, withoutData });

  return (
    <div>
      <div className="data-filters">
        <label>
          {t.data.search}
          <input className="input" type="search" value={query} placeholder={t.data.searchPlaceholder} onChange={(e) => setQuery(e.target.value)} data-testid="symbol-search" />
        </label>
        <label>
          {t.data.market}
          <select className="input" value={market} onChange={(e) => setMarket(e.target.value as typeof market)}>
            <option value="">{t.data.allMarkets}</option>
            {MARKETS.map((m) => (
              <option key={m} value={m}>
                {t.data.markets[m]}
              </option>
            ))}
          </select>
        </label>
        <label className="data-check">
          <input type="checkbox" checked={withoutData} onChange={(e) => setWithoutData(e.target.checked)} /> {t.data.showWithoutData}
        </label>
        {list.data ? <span className="muted">{t.data.symbolCount(list.data.length)}</span> : null}
      </div>
      {list.error ? <Alert>{errorText(list.error, t).message}</Alert> : null}
      {list.isPending ? <p className="muted">{t.common.loading}</p> : null}
      {list.data && list.data.length === 0 ? <p className="empty">{t.data.noSymbols}</p> : null}
      {list.data && list.data.length > 0 ? (
        <table className="data-table" data-testid="symbol-table">
          <thead>
            <tr>
              <th>{t.data.columns.symbol}</th>
              <th>{t.data.columns.name}</th>
              <th>{t.data.columns.market}</th>
              <th>{t.data.columns.series}</th>
              <th>{t.data.columns.actions}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((s) => (
              <tr key={s.symbol} data-testid={`symbol-row-${s.symbol}`}>
                <td>
                  <strong>{s.symbol}</strong>
                </td>
                <td>
                  {s.name.zh ?? ''}
                  {s.name.zh && s.name.en ? <br /> : null}
                  <span className="muted">{s.name.en ?? ''}</span>
                </td>
                <td>{t.data.markets[s.market] ?? s.market}</td>
                <td>
                  {s.series.length === 0 ? <span className="muted">{t.data.noSeries}</span> : null}
                  <ul className="data-series">
                    {s.series.map((series) => (
                      <li key={`${series.timeframe}-${series.adjustment}`}>
                        {t.data.timeframes[series.timeframe]} · {t.data.adjustments[series.adjustment]} · {series.from} → {series.to} · {t.data.barsCount(series.bars)} · <span className="muted">{series.source}</span>
                      </li>
                    ))}
                  </ul>
                  {syncing === s.symbol ? <SyncForm symbol={s.symbol} market={s.market} onClose={() => setSyncing(null)} /> : null}
                </td>
                <td>
                  <button type="button" className="button button--ghost" onClick={() => setSyncing(syncing === s.symbol ? null : s.symbol)} aria-expanded={syncing === s.symbol}>
                    {t.data.sync}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
