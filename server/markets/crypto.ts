import { noPriceBand, type TMarketRules } from './types';

const QTY_STEP = 1e-8;

/** Crypto spot: fractional quantities (1e-8 steps), maker/taker fees, 24/7, no limits. */
export const cryptoRules: TMarketRules = {
  id: 'crypto',
  label: { en: 'Crypto', zh: '加密货币' },
  timezone: 'UTC',
  tradingDaysPerYear: 365,
  settlementDays: () => 0,
  roundQty: ({ side, qty, held }) => {
    if (side === 'sell' && qty >= held - QTY_STEP / 2) return held; // sell-all keeps no dust
    return Math.floor(qty / QTY_STEP + 1e-6) * QTY_STEP;
  },
  priceBand: noPriceBand,
  fees: ({ qty, price, costs, liquidity }) => {
    const rate = liquidity === 'maker' ? costs.makerFee : costs.takerFee;
    const fee = qty * price * rate;
    return { total: fee, parts: { [liquidity === 'maker' ? 'makerFee' : 'takerFee']: fee } };
  },
  inferInstrument: (symbol) => ({
    symbol,
    market: 'crypto',
    board: 'crypto',
    currency: symbol.endsWith('USDT') ? 'USDT' : 'USD',
    lotSize: 0,
    qtyStep: QTY_STEP,
    tick: 0.01,
    listingDate: NaN,
    stPeriods: [],
  }),
};
