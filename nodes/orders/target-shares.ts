import { z } from 'zod';
import { defineNode } from '../sdk';
import { makeIntent, ORDER_INPUTS, ORDER_OUTPUTS, ZOrderTypeParam } from './order-params';

export const targetShares = defineNode({
  type: 'orders.target-shares',
  version: 1,
  category: 'orders',
  kind: 'trading',
  label: { en: 'Target shares', zh: '目标股数' },
  description: {
    en: 'Trades the position toward a number of shares (or coins) when the trigger is true.',
    zh: '触发为真时把持仓调整到目标股数（或币数）。',
  },
  inputs: ORDER_INPUTS,
  outputs: ORDER_OUTPUTS,
  params: z.object({
    shares: z.number().min(0).default(100).describe('target quantity'),
    orderType: ZOrderTypeParam,
  }),
  warmup: () => 0,
  init: () => null,
  step: ({ nodeId, in: i, params, ctx, out }) => {
    out.order = null;
    if (!i.when) return;
    const delta = params.shares - ctx.position.qty;
    if (delta > 0) out.order = makeIntent(nodeId, 'buy', delta, params.orderType, i.price, `target ${params.shares}`, false);
    else if (delta < 0) out.order = makeIntent(nodeId, 'sell', -delta, params.orderType, i.price, `target ${params.shares}`, true);
  },
  summary: (p) => String(p.shares),
});
