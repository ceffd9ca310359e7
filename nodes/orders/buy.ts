import { defineNode } from '../sdk';
import { makeIntent, ORDER_INPUTS, ORDER_OUTPUTS, sizedQty, sizeSummary, ZSizedOrderParams } from './order-params';

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
  params: ZSizedOrderParams,
  warmup: () => 0,
  init: () => null,
  step: ({ nodeId, in: i, params, ctx, out }) => {
    out.order = null;
    if (!i.when) return;
    out.order = makeIntent(nodeId, 'buy', sizedQty(params, ctx, i.price), params.orderType, i.price, 'buy', false);
  },
  summary: sizeSummary,
});
