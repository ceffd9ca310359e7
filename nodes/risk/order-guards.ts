import { z } from 'zod';
import type { TNodeContext, TOrderIntent } from '../sdk';
import { defineNode, port } from '../sdk';

/**
 * Guards rewrite or block order intents. Wired between an order node and nothing, a guard
 * checks that path only; left with its input unwired, it guards every order of the strategy.
 * Guards never block exits (reduce-only intents): a risk rule must not trap a position.
 */
function guard<P extends z.ZodObject>(
  type: string,
  label: { en: string; zh: string },
  description: { en: string; zh: string },
  params: P,
  check: (order: TOrderIntent, params: z.output<P>, ctx: TNodeContext, state: { haltedDay: number }) => TOrderIntent | null,
  summary: (p: z.output<P>) => string,
  observe?: (params: z.output<P>, ctx: TNodeContext, state: { haltedDay: number }) => void,
) {
  return defineNode({
    type,
    version: 1,
    category: 'risk',
    kind: 'trading',
    label,
    description,
    inputs: { order: port('order', { optional: true }) },
    outputs: { order: port('order') },
    params,
    warmup: () => 0,
    init: () => ({ haltedDay: -1 }),
    step: ({ in: i, params: p, ctx, state, out }) => {
      if (observe) observe(p, ctx, state);
      const order = i.order;
      out.order = order === null || order.reduceOnly ? order : check(order, p, ctx, state);
    },
    summary,
    globalGuard: true,
  });
}

export const maxPosition = guard(
  'risk.max-position',
  { en: 'Max position %', zh: '最大仓位%' },
  { en: 'Shrinks buys so one position stays within this percent of equity.', zh: '缩减买单，使单一持仓不超过权益的该百分比。' },
  z.object({ percent: z.number().gt(0).max(100).default(30).describe('max position value, percent of equity') }),
  (order, p, ctx) => {
    const room = (p.percent / 100) * ctx.account.equity - ctx.position.qty * ctx.bar.close;
    const price = order.type === 'limit' ? order.limitPrice : ctx.bar.close;
    const qty = Math.min(order.qty, room / price);
    return qty > 0 ? (qty === order.qty ? order : { ...order, qty, reason: `${order.reason}, capped at ${p.percent}%` }) : null;
  },
  (p) => `${p.percent}%`,
);

export const maxOpenPositions = guard(
  'risk.max-open-positions',
  { en: 'Max open positions', zh: '最大持仓数' },
  { en: 'Blocks buys that would open a new position when this many are already open.', zh: '已有该数量持仓时，禁止开新仓。' },
  z.object({ count: z.number().int().min(1).max(1000).default(5).describe('positions') }),
  (order, p, ctx) => (ctx.position.qty === 0 && ctx.account.openPositions >= p.count ? null : order),
  (p) => String(p.count),
);

export const cooldown = guard(
  'risk.cooldown',
  { en: 'Cooldown after exit', zh: '平仓后冷却' },
  { en: 'Blocks new buys of a symbol for this many bars after its position was closed.', zh: '某标的平仓后的若干根K线内禁止再次买入。' },
  z.object({ bars: z.number().int().min(1).max(10000).default(5).describe('bars') }),
  (order, p, ctx) =>
    ctx.position.lastExitIndex >= 0 && ctx.bar.index - ctx.position.lastExitIndex <= p.bars ? null : order,
  (p) => `${p.bars}`,
);

export const maxDailyLoss = guard(
  'risk.max-daily-loss',
  { en: 'Max daily loss %', zh: '单日最大亏损%' },
  {
    en: 'When equity falls this percent below the day’s starting equity, no new buys for the rest of the day.',
    zh: '权益较当日开始下跌该百分比后，当日不再开仓或加仓。',
  },
  z.object({ percent: z.number().gt(0).max(100).default(3).describe('percent of the day’s starting equity') }),
  (order, _p, ctx, state) => (state.haltedDay === ctx.account.tradingDay ? null : order),
  (p) => `${p.percent}%`,
  // Runs every bar, order or not, so a loss hit earlier in the day keeps the halt on.
  (p, ctx, state) => {
    if (ctx.account.equity <= ctx.account.dayStartEquity * (1 - p.percent / 100)) state.haltedDay = ctx.account.tradingDay;
  },
);
