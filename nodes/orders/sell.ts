import { z } from 'zod';
import { defineNode } from '../sdk';
import { ZSizeParam } from './buy';
import { makeIntent, ORDER_INPUTS, ORDER_OUTPUTS, sizingPrice, ZOrderTypeParam } from './order-params';

export const sell = defineNode({
  type: 'orders.sell',
  version: 1,
  category: 'orders',
  kind: 'trading',
  label: { en: 'Sell', zh: '卖出' },
  description: {
    en: 'Sells when the trigger is true, at most the sellable position (long-only; T+1 holds back today’s buys on A-shares).',
    zh: '触发为真时卖出，最多卖出可卖持仓（仅做多；A股T+1当日买入不可卖）。',
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
    if (!i.when || ctx.position.qty <= 0) return;
    const price = sizingPrice(ctx, params.orderType, i.price);
    const wanted =
      params.size === 'shares'
        ? params.amount
        : params.size === 'cash'
          ? params.amount / price
          : ((params.amount / 100) * ctx.account.equity) / price;
    out.order = makeIntent(nodeId, 'sell', Math.min(wanted, ctx.position.qty), params.orderType, i.price, 'sell', true);
  },
  summary: (p) => `${p.amount}${p.size === 'percentEquity' ? '%' : p.size === 'cash' ? '¤' : ''} ${p.orderType}`,
});
