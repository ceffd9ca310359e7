import { z } from 'zod';
import type { TNodeContext } from '../sdk';
import { defineNode, port } from '../sdk';
import { makeIntent } from '../orders/order-params';

/** Relative tolerance so that "exactly 10% up" counts as 10% despite binary rounding (100 × 1.1 = 110.00000000000001). */
const TOLERANCE = 1e-12;

const ZPercent = (fallback: number, what: string) =>
  z.number().gt(0).max(100).default(fallback).describe(what);

/**
 * Exit rules watch the open position on each bar's close and emit a market sell of the whole
 * position when hit; the order fills like any other (next open by default). They need no
 * wiring: drop one on the canvas and it guards every symbol the strategy trades.
 */
function exitRule(
  type: string,
  label: { en: string; zh: string },
  description: { en: string; zh: string },
  fallback: number,
  hit: (ctx: TNodeContext, fraction: number) => boolean,
) {
  return defineNode({
    type,
    version: 1,
    category: 'risk',
    kind: 'trading',
    label,
    description,
    inputs: {},
    outputs: { order: port('order') },
    params: z.object({ percent: ZPercent(fallback, 'percent from the reference price') }),
    warmup: () => 0,
    init: () => null,
    step: ({ nodeId, params, ctx, out }) => {
      out.order = null;
      if (ctx.position.qty > 0 && hit(ctx, params.percent / 100)) {
        out.order = makeIntent(nodeId, 'sell', ctx.position.qty, 'market', NaN, `${label.en} ${params.percent}%`, true);
      }
    },
    summary: (p) => `${p.percent}%`,
  });
}

export const stopLoss = exitRule(
  'risk.stop-loss',
  { en: 'Stop loss', zh: '止损' },
  { en: 'Sells the position when the close falls this percent below the average entry price.', zh: '收盘价低于持仓均价该百分比时卖出全部持仓。' },
  5,
  (ctx, f) => ctx.bar.close <= ctx.position.avgPrice * (1 - f) * (1 + TOLERANCE),
);

export const takeProfit = exitRule(
  'risk.take-profit',
  { en: 'Take profit', zh: '止盈' },
  { en: 'Sells the position when the close rises this percent above the average entry price.', zh: '收盘价高于持仓均价该百分比时卖出全部持仓。' },
  10,
  (ctx, f) => ctx.bar.close >= ctx.position.avgPrice * (1 + f) * (1 - TOLERANCE),
);

export const trailingStop = exitRule(
  'risk.trailing-stop',
  { en: 'Trailing stop', zh: '移动止损' },
  { en: 'Sells the position when the close falls this percent below the highest close since entry.', zh: '收盘价自持仓以来最高收盘价回落该百分比时卖出全部持仓。' },
  8,
  (ctx, f) => ctx.bar.close <= ctx.position.highSinceEntry * (1 - f) * (1 + TOLERANCE),
);
