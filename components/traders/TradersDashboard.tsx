'use client';
import Link from 'next/link';
import { useState } from 'react';
import { usePreferences } from '@/components/preferences/PreferencesProvider';
import { trpc } from '@/components/trpc/client';
import { errorText } from '@/components/trpc/error-text';
import { Alert } from '@/components/ui/Alert';
import { CreateTraderForm } from './CreateTraderForm';
import { barTimeText, money, moveColor, signedPct } from './format';
import { Sparkline } from './Sparkline';
import { TraderControls } from './TraderControls';
import { FALLBACK_POLL_MS, useCoalesced, useTraderEvents } from './use-trader-events';

/** What the list shows (status, equity, last bar, sparkline) changes only with these. */
const LIST_EVENTS = new Set(['bar', 'status', 'resync']);

/** The Traders page: every trader with status, P&L and a sparkline, a leaderboard, and the create form. */
export function TradersDashboard() {
  const { t, locale } = usePreferences();
  const utils = trpc.useUtils();
  const reload = useCoalesced(() => void utils.trader.list.invalidate(), 1_000);
  // pushed, not polled: the list reloads when the feed says a trader changed
  const { live } = useTraderEvents(null, (events) => {
    if (events.some((e) => LIST_EVENTS.has(e.type))) reload();
  });
  const list = trpc.trader.list.useQuery(undefined, { refetchInterval: live ? false : FALLBACK_POLL_MS });
  const [notice, setNotice] = useState<string | null>(null);
  const traders = list.data ?? [];
  const ranked = [...traders].filter((x) => x.pnlPct !== null).sort((a, b) => (b.pnlPct ?? 0) - (a.pnlPct ?? 0));

  return (
    <section className="page traders-page">
      <div className="page__header">
        <h1>{t.traders.title}</h1>
        {list.data ? <span className="muted">{t.traders.count(traders.length)}</span> : null}
      </div>
      <p className="muted">{t.traders.subtitle}</p>
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      {list.error ? <Alert>{errorText(list.error, t).message}</Alert> : null}
      {list.data && traders.length === 0 ? <p className="empty">{t.traders.empty}</p> : null}
      {traders.length > 0 ? (
        <table className="table traders-table" data-testid="traders-table">
          <thead>
            <tr>
              <th>{t.traders.name}</th>
              <th>{t.traders.orderStatus}</th>
              <th>{t.traders.symbols}</th>
              <th className="num">{t.traders.equity}</th>
              <th className="num">{t.traders.pnl}</th>
              <th>{t.traders.equityCurve}</th>
              <th>{t.traders.lastBar}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {traders.map((trader) => (
              <tr key={trader.id} data-testid="trader-row">
                <td>
                  <Link href={`/traders/${trader.id}`}>{trader.name}</Link>
                  <div className="muted small">
                    {t.traders.version(trader.strategyVersion)} · {trader.timeframe} · {trader.brokerKind} · {trader.dataSource === 'replay' ? t.traders.replayLabel : t.traders.liveLabel}
                  </div>
                </td>
                <td>
                  <span className={`status status--${trader.status}`} data-testid="trader-status" title={trader.statusReason || undefined}>
                    {t.traders.status[trader.status]}
                  </span>
                </td>
                <td>{trader.symbols.join(', ')}</td>
                <td className="num">{money(trader.equity, locale)}</td>
                <td className="num" style={{ color: moveColor(trader.pnl) }}>
                  {signedPct(trader.pnlPct)}
                </td>
                <td>
                  <Sparkline values={trader.sparkline} />
                </td>
                <td className="small">{barTimeText(trader.lastBarTime, trader.timeframe)}</td>
                <td>
                  <TraderControls trader={trader} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {ranked.length > 1 ? (
        <div className="card">
          <h2>{t.traders.leaderboard}</h2>
          <ol className="leaderboard" data-testid="leaderboard">
            {ranked.map((trader) => (
              <li key={trader.id}>
                <Link href={`/traders/${trader.id}`}>{trader.name}</Link> <span style={{ color: moveColor(trader.pnl) }}>{signedPct(trader.pnlPct)}</span> <span className="muted small">{money(trader.pnl, locale)}</span>
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      <CreateTraderForm onCreated={(name) => setNotice(t.traders.created(name))} />
    </section>
  );
}
