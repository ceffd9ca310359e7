import { z } from 'zod';
import type { TNodeContext, TOrderIntent, TSide } from '../sdk';
import { port } from '../sdk';

/** Inputs every order node has: a trigger, and a price that limit orders need. */
export const ORDER_INPUTS = {
  when: port('signal', { label: { en: 'when', zh: '触发' } }),
  price: port('number', { optional: true, label: { en: 'limit price', zh: '限价' } }),
};

export const ORDER_OUTPUTS = { order: port('order') };

export const ZOrderTypeParam = z.enum(['market', 'limit']).default('market').describe('market, or limit at the wired price');

export const ZSizeParam = z
  .enum(['shares', 'cash', 'percentEquity'])
  .default('percentEquity')
  .describe('how "amount" is read: shares, money, or percent of equity');

/** Params of the buy and sell nodes: a size and how to read it, and the order type. */
export const ZSizedOrderParams = z.object({
  size: ZSizeParam,
  amount: z.number().positive().default(10).describe('shares, money, or percent (10 = 10%)'),
  orderType: ZOrderTypeParam,
});

/** Quantity for a size given in shares, money or percent of equity, at the sizing price. */
export function sizedQty(params: z.output<typeof ZSizedOrderParams>, ctx: TNodeContext, limitPrice: number): number {
  if (params.size === 'shares') return params.amount;
  const price = sizingPrice(ctx, params.orderType, limitPrice);
  return params.size === 'cash' ? params.amount / price : ((params.amount / 100) * ctx.account.equity) / price;
}

export function sizeSummary(p: z.output<typeof ZSizedOrderParams>): string {
  return `${p.amount}${p.size === 'percentEquity' ? '%' : p.size === 'cash' ? '¤' : ''} ${p.orderType}`;
}

/**
 * Builds an intent for `qty` (already resolved from sizing; the broker rounds it to the
 * market's lot and checks cash). Limit orders with no valid price wired produce nothing.
 */
export function makeIntent(
  nodeId: string,
  side: TSide,
  qty: number,
  orderType: 'market' | 'limit',
  limitPrice: number,
  reason: string,
  reduceOnly: boolean,
): TOrderIntent | null {
  if (!(qty > 0)) return null;
  if (orderType === 'limit' && !(limitPrice > 0)) return null;
  return { side, qty, type: orderType, limitPrice: orderType === 'limit' ? limitPrice : NaN, nodeId, reason, reduceOnly };
}

/** The price a size in money or percent is converted at: the limit price, else this bar's close. */
export function sizingPrice(ctx: TNodeContext, orderType: 'market' | 'limit', limitPrice: number): number {
  return orderType === 'limit' && limitPrice > 0 ? limitPrice : ctx.bar.close;
}
