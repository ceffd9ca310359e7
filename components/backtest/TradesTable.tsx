'use client';
// Round-trip trades: sortable by any column, exportable as CSV, times in the exchange's zone.
import { useMemo, useState } from 'react';
import { usePreferences } from '@/components/preferences/PreferencesProvider';
import type { TTradeDto } from '@/server/services/backtest/schemas';
import { downloadFile } from '@/components/ui/download-file';
import { directionClass, formatAmount, formatExchangeTime, formatPrice, formatQty, formatSignedPercent, hasIntraday } from './format';

type TKey = 'symbol' | 'entryTime' | 'exitTime' | 'qty' | 'entryPrice' | 'exitPrice' | 'pnl' | 'returnPct' | 'fees' | 'bars';
const KEYS: TKey[] = ['symbol', 'entryTime', 'exitTime', 'qty', 'entryPrice', 'exitPrice', 'pnl', 'returnPct', 'fees', 'bars'];

export function tradesCsv(trades: TTradeDto[], intraday: boolean): string {
  const rows = [KEYS.join(',')];
  for (const tr of trades) {
    rows.push(
      KEYS.map((k) => {
        const v = tr[k];
        if (k === 'entryTime' || k === 'exitTime') return formatExchangeTime(v as number, intraday);
        return typeof v === 'number' ? String(v) : `"${String(v).replace(/"/g, '""')}"`;
      }).join(','),
    );
  }
  return rows.join('\n') + '\n';
}

export function TradesTable({ trades, total, tickOf, zoneLabel, fileName }: { trades: TTradeDto[]; total: number; tickOf: (symbol: string) => number; zoneLabel: string; fileName: string }) {
  const { t, locale } = usePreferences();
  const c = t.backtest.columns;
  const [sort, setSort] = useState<{ key: TKey; desc: boolean }>({ key: 'entryTime', desc: false });
  const intraday = useMemo(() => hasIntraday(trades.map((x) => x.entryTime)), [trades]);
  const sorted = useMemo(() => {
    const out = [...trades];
    out.sort((a, b) => {
      const x = a[sort.key];
      const y = b[sort.key];
      const cmp = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return sort.desc ? -cmp : cmp;
    });
    return out;
  }, [trades, sort]);

  const download = () => {
    // The byte-order mark makes Excel read the CSV as UTF-8 (Chinese names, zone labels).
    downloadFile(fileName, '\ufeff' + tradesCsv(sorted, intraday), 'text/csv;charset=utf-8');
  };

  return (
    <section className="bt-panel" data-testid="trades-table">
      <div className="bt-panel__head">
        <h3>{t.backtest.tradesTitle(total)}</h3>
        <span className="bt-panel__note">{t.backtest.timesIn(zoneLabel)}</span>
        <button type="button" className="button button--ghost" onClick={download} disabled={trades.length === 0} data-testid="export-trades">
          {t.backtest.exportCsv}
        </button>
      </div>
      {total > trades.length ? <p className="muted">{t.backtest.capped(trades.length, total)}</p> : null}
      {trades.length === 0 ? (
        <p className="empty">{t.backtest.noTrades}</p>
      ) : (
        <div className="bt-table-wrap">
          <table className="bt-table">
            <thead>
              <tr>
                {KEYS.map((k) => (
                  <th key={k} scope="col" aria-sort={sort.key === k ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
                    <button type="button" className="bt-sort" aria-pressed={sort.key === k} title={t.backtest.sortBy(c[k])} onClick={() => setSort((s) => ({ key: k, desc: s.key === k ? !s.desc : k === 'pnl' || k === 'returnPct' }))}>
                      {c[k]}
                      {sort.key === k ? (sort.desc ? ' ↓' : ' ↑') : ''}
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {sorted.map((tr, k) => (
                <tr key={`${tr.symbol}-${tr.entryTime}-${k}`}>
                  <td>{tr.symbol}</td>
                  <td>{formatExchangeTime(tr.entryTime, intraday)}</td>
                  <td>{formatExchangeTime(tr.exitTime, intraday)}</td>
                  <td>{formatQty(tr.qty, locale)}</td>
                  <td>{formatPrice(tr.entryPrice, tickOf(tr.symbol), locale)}</td>
                  <td>{formatPrice(tr.exitPrice, tickOf(tr.symbol), locale)}</td>
                  <td className={directionClass(tr.pnl)}>{formatAmount(tr.pnl, locale, { signed: true })}</td>
                  <td className={directionClass(tr.returnPct)}>{formatSignedPercent(tr.returnPct, locale)}</td>
                  <td>{formatAmount(tr.fees, locale)}</td>
                  <td>{tr.bars}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
