import { z } from 'zod';
import { defineNode, port } from '../sdk';
import { makeIntent } from '../orders/order-params';

/**
 * Exits the whole position when the close falls to or below a wired stop level: an ATR stop
 * (entry − 2 × ATR), a channel low, any price a graph computes.
 */
export const stopPrice = defineNode({
  type: 'risk.stop-price',
  version: 1,
  category: 'risk',
  kind: 'trading',
  label: { en: 'Stop at price', zh: '价格止损' },
  description: {
    en: 'Sells the whole position when the close is at or below the wired stop price (e.g. entry − 2×ATR).',
    zh: '收盘价不高于连接的止损价（如 均价 − 2×ATR）时卖出全部持仓。',
  },
  inputs: { stop: port('number', { label: { en: 'stop price', zh: '止损价' } }) },
  outputs: { order: port('order') },
  params: z.object({}),
  warmup: () => 0,
  init: () => null,
  step: ({ nodeId, in: i, ctx, out }) => {
    out.order = null;
    if (ctx.position.qty > 0 && i.stop === i.stop && ctx.bar.close <= i.stop) {
      out.order = makeIntent(nodeId, 'sell', ctx.position.qty, 'market', NaN, `stop at ${i.stop}`, true);
    }
  },
});
