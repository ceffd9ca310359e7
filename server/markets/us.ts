import { noPriceBand, type TMarketRules } from './types';

/** US stocks: whole shares, no price limits, T+0 for trading purposes, commission by rate or per share. */
export const usRules: TMarketRules = {
  id: 'us',
  label: { en: 'US stocks', zh: '美股' },
  timezone: 'America/New_York',
  tradingDaysPerYear: 252,
  settlementDays: () => 0,
  roundQty: ({ side, qty, held }) => {
    const whole = Math.floor(qty + 1e-9);
    return side === 'sell' ? Math.min(whole, held) : whole;
  },
  priceBand: noPriceBand,
  fees: ({ qty, price, costs }) => {
    const byValue = qty * price * costs.commissionRate;
    const byShare = qty * costs.commissionPerShare;
    const commission = Math.max(byValue + byShare, costs.minCommission);
    return { total: commission, parts: { commission } };
  },
  inferInstrument: (symbol) => ({
    symbol,
    market: 'us',
    board: 'us',
    currency: 'USD',
    lotSize: 1,
    qtyStep: 1,
    tick: 0.01,
    listingDate: NaN,
    stPeriods: [],
  }),
};
