'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { usePreferences } from '@/components/preferences/PreferencesProvider';
import { trpc } from '@/components/trpc/client';
import { errorText } from '@/components/trpc/error-text';
import { Alert } from '@/components/ui/Alert';
import { EquityCurve } from './EquityCurve';
import { TraderKline } from './TraderKline';
import { barTimeText, money, moveColor, num, signedPct, zoneOf } from './format';
import { TraderControls } from './TraderControls';
import { FALLBACK_POLL_MS, useCoalesced, useTraderEvents } from './use-trader-events';

/** One trader's dashboard, reloaded when its live feed says something changed. */
export function TraderDetail({ id }: { id: string }) {
  const { t, locale } = usePreferences();
  const router = useRouter();
  const utils = trpc.useUtils();
  const reload = useCoalesced(() => void utils.trader.get.invalidate({ id }), 500);
  // candles change only when a bar is processed, and cost more to read: less often
  const reloadBars = useCoalesced(() => void utils.trader.bars.invalidate({ id }), 2_000);
  const { live } = useTraderEvents(id, (events) => {
    reload();
    if (events.some((e) => e.type === 'bar' || e.type === 'resync')) reloadBars();
  });
  const query = trpc.trader.get.useQuery({ id }, { refetchInterval: live ? false : FALLBACK_POLL_MS });
  if (query.error) return <Alert>{errorText(query.error, t).message}</Alert>;
  const d = query.data;
  if (!d) return <p className="muted">{t.common.loading}</p>;
  const tf = d.timeframe;
  const open = d.orders.filter((o) => o.status === 'submitted' || o.status === 'partially-filled');
  const riskText = (Object.entries(d.risk) as Array<[keyof typeof d.risk, number | null]>)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `${t.traders[k]}: ${v}`)
    .join(' · ');

  return (
    <section className="page trader-detail" data-testid="trader-detail">
      <p>
        <Link href="/traders">← {t.traders.back}</Link>
      </p>
      <div className="page__header">
        <h1>{d.name}</h1>
        <span className={`status status--${d.status}`} data-testid="trader-status">
          {t.traders.status[d.status]}
        </span>
        <span className="muted small" data-testid="trader-live" data-live={live}>
          {live ? t.traders.liveUpdates : t.traders.liveFallback}
        </span>
      </div>
      {d.statusReason ? <Alert>{d.statusReason}</Alert> : null}
      <TraderControls trader={d} full onDeleted={() => router.push('/traders')} />
      <div className="trader-stats">
        <div className="card">
          <div className="muted small">{t.traders.equity}</div>
          <div className="stat" data-testid="trader-equity">
            {money(d.equity, locale)}
          </div>
        </div>
        <div className="card">
          <div className="muted small">{t.traders.pnl}</div>
          <div className="stat" style={{ color: moveColor(d.pnl) }}>
            {signedPct(d.pnlPct)} <span className="small">{money(d.pnl, locale)}</span>
          </div>
        </div>
        <div className="card">
          <div className="muted small">{t.traders.cash}</div>
          <div className="stat">{money(d.cash, locale)}</div>
        </div>
        <div className="card">
          <div className="muted small">{t.traders.lastBar}</div>
          <div className="stat small" data-testid="trader-last-bar">
            {barTimeText(d.lastBarTime, tf)}
          </div>
          <div className="muted small">{t.traders.zone(zoneOf(d.market))}</div>
        </div>
      </div>
      <p className="muted small">
        {d.symbols.join(', ')} · {tf} · {t.traders.version(d.strategyVersion)} · {d.brokerKind} · {t.traders.activeFrom} {barTimeText(d.activeFrom, tf)} · {t.traders.riskSummary}: {riskText || t.traders.none}
      </p>

      <div className="card">
        <h2>{t.traders.equityCurve}</h2>
        {d.equityCurve.length > 1 ? <EquityCurve points={d.equityCurve} timeframe={tf} /> : <p className="muted">{t.traders.noEquity}</p>}
      </div>

      <TraderKline trader={d} />

      <div className="card">
        <h2>{t.traders.positions}</h2>
        {d.positions.length === 0 ? (
          <p className="muted">{t.traders.noPositions}</p>
        ) : (
          <table className="table" data-testid="trader-positions">
            <thead>
              <tr>
                <th>{t.traders.symbol}</th>
                <th className="num">{t.traders.qty}</th>
                <th className="num">{t.traders.sellable}</th>
                <th className="num">{t.traders.avgPrice}</th>
                <th className="num">{t.traders.lastPrice}</th>
                <th className="num">{t.traders.value}</th>
                <th className="num">{t.traders.pnl}</th>
              </tr>
            </thead>
            <tbody>
              {d.positions.map((p) => (
                <tr key={p.symbol}>
                  <td>{p.symbol}</td>
                  <td className="num">{num(p.qty, 4)}</td>
                  <td className="num">{num(p.sellable, 4)}</td>
                  <td className="num">{num(p.avgPrice, 3)}</td>
                  <td className="num">{num(p.lastPrice, 3)}</td>
                  <td className="num">{money(p.value, locale)}</td>
                  <td className="num" style={{ color: moveColor(p.pnl) }}>
                    {money(p.pnl, locale)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>

      <div className="card">
        <h2>{t.traders.openOrders}</h2>
        {open.length === 0 ? <p className="muted">{t.traders.noOpenOrders}</p> : <OrdersTable orders={open} timeframe={tf} />}
      </div>

      <div className="card">
        <h2>{t.traders.decisions}</h2>
        {d.decisions.length === 0 ? (
          <p className="muted">{t.traders.noDecisions}</p>
        ) : (
          <div className="decision-cards" data-testid="trader-decisions">
            {d.decisions.map((x) => (
              <article key={`${x.nodeId}|${x.symbol}|${x.barTime}`} className={`decision-card decision-card--${x.action.toLowerCase()}`} data-testid="decision-card">
                <header>
                  <strong>{x.action}</strong> {x.symbol} · {barTimeText(x.barTime, tf)} · <span className="muted">{t.traders.confidence(`${Math.round(x.confidence * 100)}%`)}</span>
                </header>
                <p>{x.reasoning}</p>
                {x.error ? <p className="field__error">{x.error}</p> : null}
              </article>
            ))}
          </div>
        )}
      </div>

      <div className="card">
        <h2>{t.traders.orders}</h2>
        {d.orders.length === 0 ? <p className="muted">{t.traders.noOrders}</p> : <OrdersTable orders={d.orders} timeframe={tf} />}
      </div>

      <div className="card">
        <h2>{t.traders.fills}</h2>
        {d.fills.length === 0 ? (
          <p className="muted">{t.traders.noFills}</p>
        ) : (
          <table className="table" data-testid="trader-fills">
            <thead>
              <tr>
                <th>{t.traders.time}</th>
                <th>{t.traders.symbol}</th>
                <th>{t.traders.side}</th>
                <th className="num">{t.traders.qty}</th>
                <th className="num">{t.traders.price}</th>
                <th className="num">{t.traders.fee}</th>
              </tr>
            </thead>
            <tbody>
              {d.fills.map((f) => (
                <tr key={f.fillKey}>
                  <td>{barTimeText(f.time, tf)}</td>
                  <td>{f.symbol}</td>
                  <td style={{ color: f.side === 'buy' ? 'var(--up)' : 'var(--down)' }}>{t.traders.sides[f.side] ?? f.side}</td>
                  <td className="num">{num(f.qty, 4)}</td>
                  <td className="num">{num(f.price, 3)}</td>
                  <td className="num">{num(f.fee, 2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>

      <div className="card">
        <h2>{t.traders.logs}</h2>
        {d.logs.length === 0 ? (
          <p className="muted">{t.traders.noLogs}</p>
        ) : (
          <ul className="trader-log" data-testid="trader-log">
            {d.logs.map((l, k) => (
              <li key={k} className={`trader-log__${l.level}`}>
                <span className="muted small">{l.at.slice(0, 19).replace('T', ' ')}</span> <code>{l.code}</code> {l.message}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

function OrdersTable({ orders, timeframe }: { orders: Array<{ clientOrderId: string; symbol: string; side: string; type: string; qty: number; barTime: number; stage: string; status: string; statusReason: string; filledQty: number; avgFillPrice: number | null; reason: string }>; timeframe: string }) {
  const { t } = usePreferences();
  return (
    <table className="table" data-testid="trader-orders">
      <thead>
        <tr>
          <th>{t.traders.barTime}</th>
          <th>{t.traders.symbol}</th>
          <th>{t.traders.side}</th>
          <th>{t.traders.type}</th>
          <th className="num">{t.traders.qty}</th>
          <th className="num">{t.traders.filled}</th>
          <th>{t.traders.orderStatus}</th>
          <th>{t.traders.reason}</th>
        </tr>
      </thead>
      <tbody>
        {orders.map((o) => (
          <tr key={o.clientOrderId} title={o.clientOrderId}>
            <td>{barTimeText(o.barTime, timeframe)}</td>
            <td>{o.symbol}</td>
            <td style={{ color: o.side === 'buy' ? 'var(--up)' : 'var(--down)' }}>{t.traders.sides[o.side] ?? o.side}</td>
            <td>{o.type}</td>
            <td className="num">{num(o.qty, 4)}</td>
            <td className="num">
              {num(o.filledQty, 4)}
              {o.avgFillPrice !== null ? ` @ ${num(o.avgFillPrice, 3)}` : ''}
            </td>
            <td>
              {t.traders.orderStatuses[o.status] ?? o.status}
              {o.stage === 'guard' ? ` (${t.traders.heldBack})` : ''}
            </td>
            <td className="small">{[o.reason, o.statusReason].filter(Boolean).join(' — ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
