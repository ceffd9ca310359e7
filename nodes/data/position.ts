import { z } from 'zod';
import { defineNode, port } from '../sdk';

/**
 * The open position of the symbol, as of this bar's close (after this bar's fills). Lets a
 * graph say "enter only when flat" or measure a stop from the entry price.
 */
export const position = defineNode({
  type: 'data.position',
  version: 1,
  category: 'data',
  kind: 'trading',
  label: { en: 'Position', zh: '持仓' },
  description: {
    en: 'The current position: quantity, average entry price, bars since entry, and whether it is flat or long.',
    zh: '当前持仓：数量、持仓均价、持仓K线数，以及是否空仓/持有。',
  },
  inputs: {},
  outputs: {
    qty: port('number', { label: { en: 'quantity', zh: '数量' } }),
    avgPrice: port('number', { label: { en: 'entry price', zh: '均价' } }),
    barsHeld: port('number', { label: { en: 'bars held', zh: '持仓K线数' } }),
    flat: port('signal', { label: { en: 'flat', zh: '空仓' } }),
    long: port('signal', { label: { en: 'long', zh: '持有' } }),
  },
  params: z.object({}),
  warmup: () => 0,
  init: () => null,
  step: ({ ctx, out }) => {
    const p = ctx.position;
    const held = p.qty > 0;
    out.qty = p.qty;
    out.avgPrice = held ? p.avgPrice : NaN;
    out.barsHeld = held ? ctx.bar.index - p.entryIndex : NaN;
    out.flat = !held;
    out.long = held;
  },
});
