'use client';
import { directionClass, formatCount, formatPercent, formatRatio, formatSignedPercent } from '@/components/backtest/format';
import { usePreferences } from '@/components/preferences/PreferencesProvider';
import type { TTemplateReference } from '@/server/services/template/schemas';

/** Total return, max drawdown and Sharpe (plus more on the detail page), in traders' formats. */
export function ReferenceMetrics({ reference, full }: { reference: TTemplateReference; full?: boolean }) {
  const { t, locale } = usePreferences();
  const m = t.templates.metrics;
  const r = reference.metrics;
  const items = [
    { key: 'totalReturn', label: m.totalReturn, value: formatSignedPercent(r.totalReturn, locale, 1), tone: directionClass(r.totalReturn) },
    { key: 'maxDrawdown', label: m.maxDrawdown, value: formatSignedPercent(-Math.abs(r.maxDrawdown), locale, 1), tone: directionClass(-Math.abs(r.maxDrawdown)) },
    { key: 'sharpe', label: m.sharpe, value: formatRatio(r.sharpe, locale), tone: '' },
  ];
  if (full) {
    items.push(
      { key: 'annualReturn', label: m.annualReturn, value: formatSignedPercent(r.annualReturn, locale), tone: directionClass(r.annualReturn) },
      { key: 'trades', label: m.trades, value: formatCount(r.trades, locale), tone: '' },
      { key: 'winRate', label: m.winRate, value: formatPercent(r.winRate, locale, 1), tone: '' },
    );
    if (reference.buyAndHoldReturn !== null) {
      items.push({ key: 'buyAndHold', label: m.buyAndHold, value: formatSignedPercent(reference.buyAndHoldReturn, locale, 1), tone: directionClass(reference.buyAndHoldReturn) });
    }
  }
  return (
    <dl className="tpl-metrics" data-testid="template-metrics">
      {items.map((i) => (
        <div key={i.key} data-metric={i.key}>
          <dt>{i.label}</dt>
          <dd className={i.tone}>{i.value}</dd>
        </div>
      ))}
    </dl>
  );
}
