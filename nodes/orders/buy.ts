import { z } from 'zod';
import { defineNode } from '../sdk';
import { makeIntent, ORDER_INPUTS, ORDER_OUTPUTS, sizingPrice, ZOrderTypeParam } from './order-params';

export const ZSizeParam = z
  .enum(['shares', 'cash', 'percentEquity'])
  .default('percentEquity')
  .describe('how "amount" is read: shares, money, or percent of equity');

export const buy = defineNode({
  type: 'orders.buy',
  version: 1,
  category: 'orders',
  kind: 'trading',
  label: { en: 'Buy', zh: '买入' },
  description: {
    en: 'Buys when the trigger is true. Size in shares, money or percent of equity; rounded down to the market lot by the broker.',
    zh: '触发为真时买入。数量可按股数、金额或权益百分比；由券商按市场规则向下取整到整手。',
  },
  inputs: ORDER_INPUTS,
  outputs: ORDER_OUTPUTS,
  params: z.object({
    size: ZSizeParam,
    amount: z.number().positive().default(10).describe('shares, money, or percent (10 = 10%)'),
    orderType: ZOrderTypeParam,
  }),
  warmup: () => 0,
  init: () => null,
  step: ({ nodeId, in: i, params, ctx, out }) => {
    out.order = null;
    if (!i.when) return;
    const price = sizingPrice(ctx, params.orderType, i.price);
    const qty =
      params.size === 'shares'
        ? params.amount
        : params.size === 'cash'
          ? params.amount / price
          : ((params.amount / 100) * ctx.account.equity) / price;
    out.order = makeIntent(nodeId, 'buy', qty, params.orderType, i.price, 'buy', false);
  },
  summary: (p) => `${p.amount}${p.size === 'percentEquity' ? '%' : p.size === 'cash' ? '¤' : ''} ${p.orderType}`,
});
