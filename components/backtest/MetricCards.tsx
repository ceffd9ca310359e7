'use client';
import { usePreferences } from '@/components/preferences/PreferencesProvider';
import type { TMetrics } from '@/server/engine/metrics/compute-metrics';
import { directionClass, formatAmount, formatCount, formatPercent, formatRatio, formatSignedPercent } from './format';

type TCard = { key: string; label: string; value: string; tone?: string; title?: string };

/** The numbers a trader reads first, coloured by the market convention where a sign matters. */
export function MetricCards({ metrics, compact }: { metrics: TMetrics; compact?: boolean }) {
  const { t, locale } = usePreferences();
  const m = t.backtest.metrics;
  const cards: TCard[] = [
    { key: 'totalReturn', label: m.totalReturn, value: formatSignedPercent(metrics.totalReturn, locale), tone: directionClass(metrics.totalReturn) },
    { key: 'annualReturn', label: m.annualReturn, value: formatSignedPercent(metrics.annualReturn, locale), tone: directionClass(metrics.annualReturn) },
    { key: 'maxDrawdown', label: m.maxDrawdown, value: formatSignedPercent(-Math.abs(metrics.maxDrawdown), locale), tone: directionClass(-Math.abs(metrics.maxDrawdown)), title: m.bars(metrics.maxDrawdownBars) },
    { key: 'sharpe', label: m.sharpe, value: formatRatio(metrics.sharpe, locale) },
    { key: 'sortino', label: m.sortino, value: formatRatio(metrics.sortino, locale) },
    { key: 'calmar', label: m.calmar, value: formatRatio(metrics.calmar, locale) },
    { key: 'winRate', label: m.winRate, value: formatPercent(metrics.winRate, locale, 1) },
    { key: 'profitFactor', label: m.profitFactor, value: formatRatio(metrics.profitFactor, locale) },
    { key: 'trades', label: m.trades, value: formatCount(metrics.trades, locale) },
    { key: 'fees', label: m.fees, value: formatAmount(metrics.fees, locale) },
    { key: 'finalEquity', label: m.finalEquity, value: formatAmount(metrics.finalEquity, locale), title: metrics.finalEquity.toFixed(2) },
  ];
  if (!compact) {
    cards.push(
      { key: 'volatility', label: m.volatility, value: formatPercent(metrics.volatility, locale) },
      { key: 'exposure', label: m.exposure, value: formatPercent(metrics.exposure, locale, 1) },
      { key: 'turnover', label: m.turnover, value: `${formatRatio(metrics.turnover, locale)}×` },
      { key: 'avgWin', label: m.avgWin, value: formatAmount(metrics.avgWin, locale, { signed: true }), tone: directionClass(metrics.avgWin) },
      { key: 'avgLoss', label: m.avgLoss, value: formatAmount(metrics.avgLoss, locale, { signed: true }), tone: directionClass(metrics.avgLoss) },
      { key: 'maxDrawdownBars', label: m.maxDrawdownBars, value: m.bars(metrics.maxDrawdownBars) },
    );
    if (metrics.benchmarkReturn !== null) {
      cards.push(
        { key: 'benchmarkReturn', label: m.benchmarkReturn, value: formatSignedPercent(metrics.benchmarkReturn, locale), tone: directionClass(metrics.benchmarkReturn) },
        { key: 'alpha', label: m.alpha, value: formatSignedPercent(metrics.alpha, locale) },
        { key: 'beta', label: m.beta, value: formatRatio(metrics.beta, locale) },
      );
    }
  }
  return (
    <dl className="bt-metrics" data-testid="metric-cards">
      {cards.map((c) => (
        <div key={c.key} className="bt-metric" data-metric={c.key} title={c.title}>
          <dt>{c.label}</dt>
          <dd className={c.tone}>{c.value}</dd>
        </div>
      ))}
    </dl>
  );
}
