// Where an inspected node's outputs are drawn on the K-line chart: on the price pane when they
// live on the price's scale (moving averages, bands, channels), in a pane below otherwise
// (oscillators, volumes, signals). Pure, so it is unit-tested.
import type { TNodeSeriesDto } from '@/server/services/backtest/schemas';

export const STUDY_PALETTE = ['#7c3aed', '#0891b2', '#db2777', '#ca8a04', '#059669'];

export type TStudyLine = { name: string; label: { en: string; zh: string }; kind: 'line' | 'signal'; pane: 0 | 1; color: string; points: Array<{ i: number; value: number }> };

function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** `closes` aligned with `series.times`. */
export function studyLines(series: TNodeSeriesDto, closes: readonly number[]): TStudyLine[] {
  const priceLevel = median(closes.filter((c) => Number.isFinite(c) && c > 0));
  return series.outputs.map((o, k) => {
    const points: TStudyLine['points'] = [];
    o.values.forEach((v, i) => {
      if (v !== null && Number.isFinite(v)) points.push({ i, value: v });
    });
    const level = median(points.map((p) => p.value));
    const onPrice = o.type === 'number' && priceLevel > 0 && level > priceLevel / 2 && level < priceLevel * 2;
    return { name: o.name, label: o.label, kind: o.type === 'signal' ? 'signal' : 'line', pane: onPrice ? 0 : 1, color: STUDY_PALETTE[k % STUDY_PALETTE.length], points };
  });
}
