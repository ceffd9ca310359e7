'use client';
// Rejected and expired orders with the broker's reason (lots, T+1, price limits, cash) and the node.
import { usePreferences } from '@/components/preferences/PreferencesProvider';
import type { TOrderEventDto } from '@/server/services/backtest/schemas';
import { formatExchangeTime, formatQty, hasIntraday } from './format';
import { reasonText } from './reason-text';

export function OrderEventsList({ events, total, zoneLabel, nodeName }: { events: TOrderEventDto[]; total: number; zoneLabel: string; nodeName: (nodeId: string) => string }) {
  const { t, locale } = usePreferences();
  const c = t.backtest.columns;
  const intraday = hasIntraday(events.map((e) => e.time));
  return (
    <section className="bt-panel" data-testid="order-events">
      <div className="bt-panel__head">
        <h3>{t.backtest.ordersTitle(total)}</h3>
        <span className="bt-panel__note">{t.backtest.timesIn(zoneLabel)}</span>
      </div>
      {total > events.length ? <p className="muted">{t.backtest.capped(events.length, total)}</p> : null}
      {events.length === 0 ? (
        <p className="empty">{t.backtest.noOrderEvents}</p>
      ) : (
        <div className="bt-table-wrap">
          <table className="bt-table">
            <thead>
              <tr>
                <th scope="col">{c.time}</th>
                <th scope="col" className="bt-left">{c.symbol}</th>
                <th scope="col" className="bt-left">{c.side}</th>
                <th scope="col">{c.qty}</th>
                <th scope="col" className="bt-left">{c.status}</th>
                <th scope="col" className="bt-left">{c.reason}</th>
                <th scope="col" className="bt-left">{c.node}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e, k) => (
                <tr key={`${e.time}-${e.nodeId}-${k}`}>
                  <td className="bt-left">{formatExchangeTime(e.time, intraday)}</td>
                  <td className="bt-left">{e.symbol}</td>
                  <td className="bt-left">{t.backtest.side[e.side] ?? e.side}</td>
                  <td>{formatQty(e.qty, locale)}</td>
                  <td className="bt-left">{t.backtest.orderStatus[e.status] ?? e.status}</td>
                  <td className="bt-wrap">{reasonText(e.reason, t)}</td>
                  <td className="bt-left">{nodeName(e.nodeId)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
