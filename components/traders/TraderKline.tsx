'use client';
import { useState } from 'react';
import { KlineChart } from '@/components/backtest/KlineChart';
import { usePreferences } from '@/components/preferences/PreferencesProvider';
import { trpc } from '@/components/trpc/client';
import type { TTraderDetail } from '@/server/services/trader/schemas';

/** Candles of a traded symbol with the trader's fills and refused orders as markers. */
export function TraderKline({ trader }: { trader: TTraderDetail }) {
  const { t } = usePreferences();
  const [symbol, setSymbol] = useState(trader.symbols[0]);
  // reloaded by the page when its live feed reports a processed bar (TraderDetail), not on a timer
  const bars = trpc.trader.bars.useQuery({ id: trader.id, symbol }, { enabled: trader.lastBarTime !== null });
  const fills = trader.fills
    .filter((f) => f.symbol === symbol)
    .map((f) => ({ orderId: f.clientOrderId, time: f.time, symbol: f.symbol, side: f.side as 'buy' | 'sell', qty: f.qty, price: f.price, fee: f.fee, feeParts: {}, reason: '' }));
  const events = trader.orders
    .filter((o) => o.symbol === symbol && (o.status === 'rejected' || o.status === 'expired'))
    .map((o) => ({ time: o.barTime, symbol: o.symbol, side: o.side as 'buy' | 'sell', qty: o.qty, status: o.status as 'rejected' | 'expired', reason: o.statusReason, nodeId: o.nodeId }));
  return (
    <div className="card" data-testid="trader-kline">
      <h2>
        {t.traders.kline}{' '}
        {trader.symbols.length > 1 ? (
          <select className="input" aria-label={t.traders.symbol} value={symbol} onChange={(e) => setSymbol(e.target.value)}>
            {trader.symbols.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        ) : (
          <span className="muted small">{symbol}</span>
        )}
      </h2>
      {bars.data && bars.data.times.length > 0 ? <KlineChart bars={bars.data} fills={fills} orderEvents={events} tick={0.01} height={320} /> : <p className="muted">{t.traders.noEquity}</p>}
    </div>
  );
}
