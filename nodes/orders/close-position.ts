import { z } from 'zod';
import { defineNode } from '../sdk';
import { makeIntent, ORDER_INPUTS, ORDER_OUTPUTS, ZOrderTypeParam } from './order-params';

export const closePosition = defineNode({
  type: 'orders.close-position',
  version: 1,
  category: 'orders',
  kind: 'trading',
  label: { en: 'Close position', zh: '平仓' },
  description: { en: 'Sells the whole position when the trigger is true.', zh: '触发为真时卖出全部持仓。' },
  inputs: ORDER_INPUTS,
  outputs: ORDER_OUTPUTS,
  params: z.object({ orderType: ZOrderTypeParam }),
  warmup: () => 0,
  init: () => null,
  step: ({ nodeId, in: i, params, ctx, out }) => {
    out.order = null;
    if (!i.when || ctx.position.qty <= 0) return;
    out.order = makeIntent(nodeId, 'sell', ctx.position.qty, params.orderType, i.price, 'close', true);
  },
});
