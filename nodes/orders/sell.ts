import { defineNode } from '../sdk';
import { makeIntent, ORDER_INPUTS, ORDER_OUTPUTS, sizedQty, sizeSummary, ZSizedOrderParams } from './order-params';

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
  params: ZSizedOrderParams,
  warmup: () => 0,
  init: () => null,
  step: ({ nodeId, in: i, params, ctx, out }) => {
    out.order = null;
    if (!i.when || ctx.position.qty <= 0) return;
    out.order = makeIntent(nodeId, 'sell', Math.min(sizedQty(params, ctx, i.price), ctx.position.qty), params.orderType, i.price, 'sell', true);
  },
  summary: sizeSummary,
});
