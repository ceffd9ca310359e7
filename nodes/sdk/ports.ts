/**
 * Port types: what flows along an edge. One `canConnect` decides which edges are legal;
 * the editor (live, while dragging) and the compiler (on save/run) both call it.
 */
export const PORT_TYPES = ['number', 'signal', 'decision', 'order'] as const;
export type TPortType = (typeof PORT_TYPES)[number];

export interface TPortSpec<T extends TPortType = TPortType> {
  type: T;
  /** An optional input may stay unwired; numbers then read NaN, signals false, others null. */
  optional?: boolean;
  label?: { en: string; zh: string };
}

export function port<T extends TPortType>(type: T, opts: Omit<TPortSpec, 'type'> = {}): TPortSpec<T> {
  return { type, ...opts };
}

export type TConnectResult = { ok: true } | { ok: false; reason: { en: string; zh: string } };

/**
 * Same type always connects. A signal may feed a number input (true = 1, false = 0) so that
 * counters and sums over signals need no converter node. Nothing else converts implicitly:
 * a number is never silently treated as a signal (use a comparison node).
 */
export function canConnect(from: TPortType, to: TPortType): TConnectResult {
  if (from === to) return { ok: true };
  if (from === 'signal' && to === 'number') return { ok: true };
  return {
    ok: false,
    reason: {
      en: `a ${from} output cannot feed a ${to} input`,
      zh: `${PORT_TYPE_ZH[from]}输出不能连接到${PORT_TYPE_ZH[to]}输入`,
    },
  };
}

export const PORT_TYPE_ZH: Record<TPortType, string> = {
  number: '数值',
  signal: '信号',
  decision: '决策',
  order: '订单',
};

/** Colours for handles in the editor; kept here so the palette and the canvas agree. */
export const PORT_COLORS: Record<TPortType, string> = {
  number: '#3b82f6',
  signal: '#f59e0b',
  decision: '#a855f7',
  order: '#10b981',
};
