import { z } from 'zod';
import { defineNode } from '../sdk';
import { port } from '../sdk';
import { makeIntent, ORDER_INPUTS, ORDER_OUTPUTS, sizingPrice, ZOrderTypeParam } from './order-params';

/**
 * Buys or sells the difference between the position's value and `percent` of equity, valued
 * at the signal bar's close (as backtrader's order_target_percent does). 0 % closes the position.
 */
export const targetPercent = defineNode({
  type: 'orders.target-percent',
  version: 1,
  category: 'orders',
  kind: 'trading',
  label: { en: 'Target % of equity', zh: '目标仓位%' },
  description: {
    en: 'Trades the position toward a percent of equity when the trigger is true; 0 closes it. A number wired into "percent" (0–100) overrides the param, e.g. risk-based sizing.',
    zh: '触发为真时把持仓调整到权益的目标百分比；0 即平仓。连接到"目标%"的数值（0–100）优先于参数，可用于按风险定仓。',
  },
  // A wired percent (e.g. risk-based sizing from ATR) overrides the param on that bar.
  inputs: { ...ORDER_INPUTS, percent: port('number', { optional: true, label: { en: 'percent', zh: '目标%' } }) },
  outputs: ORDER_OUTPUTS,
  params: z.object({
    percent: z.number().min(0).max(100).default(95).describe('target position value as percent of equity'),
    orderType: ZOrderTypeParam,
  }),
  warmup: () => 0,
  init: () => null,
  step: ({ nodeId, in: i, params, ctx, out }) => {
    out.order = null;
    if (!i.when) return;
    const held = ctx.position.qty;
    const wired = i.percent;
    const percent = wired === wired ? Math.min(100, Math.max(0, wired)) : params.percent;
    if (percent === 0) {
      if (held > 0) out.order = makeIntent(nodeId, 'sell', held, params.orderType, i.price, 'target 0%', true);
      return;
    }
    const price = sizingPrice(ctx, params.orderType, i.price);
    const deltaQty = ((percent / 100) * ctx.account.equity - held * ctx.bar.close) / price;
    const reason = `target ${Math.round(percent * 100) / 100}%`;
    if (deltaQty > 0) out.order = makeIntent(nodeId, 'buy', deltaQty, params.orderType, i.price, reason, false);
    else if (deltaQty < 0) out.order = makeIntent(nodeId, 'sell', Math.min(-deltaQty, held), params.orderType, i.price, reason, true);
  },
  summary: (p) => `${p.percent}%`,
});
