'use client';
// Two or more runs side by side: equity curves overlaid (each as growth of its initial cash) and
// a metrics table with the best value of each row marked.
import './backtest.css';
import Link from 'next/link';
import { useMemo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { usePreferences } from '@/components/preferences/PreferencesProvider';
import { trpc } from '@/components/trpc/client';
import { errorText } from '@/components/trpc/error-text';
import { Alert } from '@/components/ui/Alert';
import type { TMetrics } from '@/server/engine/metrics/compute-metrics';
import { runTitle } from './BacktestList';
import { directionClass, formatAmount, formatCount, formatExchangeTime, formatPercent, formatRatio, formatSignedPercent } from './format';
import { useThemeColors } from './use-theme-colors';

const PALETTE = ['#2458d6', '#d97706', '#7c3aed', '#0891b2', '#be185d', '#4d7c0f', '#64748b', '#b91c1c'];

type TRow = { key: keyof TMetrics; format: (v: number | null, locale: 'en-US' | 'zh-CN') => string; better: 'high' | 'low' | null; signed?: boolean };
const ROWS: TRow[] = [
  { key: 'totalReturn', format: (v, l) => formatSignedPercent(v, l), better: 'high', signed: true },
  { key: 'annualReturn', format: (v, l) => formatSignedPercent(v, l), better: 'high', signed: true },
  { key: 'maxDrawdown', format: (v, l) => formatSignedPercent(v === null ? null : -Math.abs(v), l), better: 'low' },
  { key: 'sharpe', format: (v, l) => formatRatio(v, l), better: 'high' },
  { key: 'sortino', format: (v, l) => formatRatio(v, l), better: 'high' },
  { key: 'calmar', format: (v, l) => formatRatio(v, l), better: 'high' },
  { key: 'winRate', format: (v, l) => formatPercent(v, l, 1), better: 'high' },
  { key: 'profitFactor', format: (v, l) => formatRatio(v, l), better: 'high' },
  { key: 'trades', format: (v, l) => formatCount(v ?? NaN, l), better: null },
  { key: 'fees', format: (v, l) => formatAmount(v, l), better: 'low' },
  { key: 'finalEquity', format: (v, l) => formatAmount(v, l), better: null },
  { key: 'volatility', format: (v, l) => formatPercent(v, l), better: 'low' },
  { key: 'exposure', format: (v, l) => formatPercent(v, l, 1), better: null },
];

export function CompareRuns({ ids }: { ids: string[] }) {
  const { t, locale } = usePreferences();
  const colors = useThemeColors();
  const cmp = trpc.backtest.compare.useQuery({ ids }, { enabled: ids.length >= 2 });
  const runs = cmp.data?.runs ?? [];

  // One row per distinct time; each run's value as growth of 1 so different cash sizes compare.
  const data = useMemo(() => {
    const byTime = new Map<number, Record<string, number>>();
    runs.forEach((r, k) => {
      if (!r.equity) return;
      const base = r.initialCash || r.equity.equity[0] || 1;
      r.equity.times.forEach((time, i) => {
        const row = byTime.get(time) ?? { time };
        row[`r${k}`] = r.equity!.equity[i] / base;
        byTime.set(time, row);
      });
    });
    return [...byTime.values()].sort((a, b) => a.time - b.time);
  }, [runs]);

  const label = (k: number) => `${k + 1}. ${runTitle(runs[k], t)} · ${runs[k].symbols.join(', ')}`;
  const m = t.backtest.metrics as Record<string, unknown>;

  return (
    <section className="page bt-compare">
      <p>
        <Link href="/backtests">← {t.backtest.backToList}</Link>
      </p>
      <h1>{t.backtest.compareTitle}</h1>
      {ids.length < 2 ? <Alert>{t.errors.compare_needs_two}</Alert> : null}
      {cmp.error ? <Alert>{errorText(cmp.error, t).message}</Alert> : null}
      {runs.length > 0 ? (
        <>
          <section className="bt-panel" data-testid="compare-chart">
            <div className="bt-panel__head">
              <h3>{t.backtest.charts.equity}</h3>
            </div>
            <LineChart data={data} responsive style={{ width: '100%', height: 340 }} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid stroke={colors.border} strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="time" type="number" scale="time" domain={['dataMin', 'dataMax']} tickFormatter={(v: number) => formatExchangeTime(v, false)} tick={{ fill: colors.muted, fontSize: 11 }} stroke={colors.border} minTickGap={40} />
              <YAxis tickFormatter={(v: number) => formatSignedPercent(v - 1, locale, 0)} tick={{ fill: colors.muted, fontSize: 11 }} stroke={colors.border} width={64} domain={['auto', 'auto']} />
              <Tooltip
                contentStyle={{ background: colors.surface, border: `1px solid ${colors.border}`, color: colors.text, fontSize: 12 }}
                labelFormatter={(v) => formatExchangeTime(Number(v), false)}
                formatter={(value, name) => [formatSignedPercent(Number(value) - 1, locale), label(Number(String(name).slice(1)))]}
              />
              <Legend formatter={(name) => label(Number(String(name).slice(1)))} wrapperStyle={{ fontSize: 12 }} />
              {runs.map((_, k) => (
                <Line key={k} type="linear" dataKey={`r${k}`} stroke={PALETTE[k % PALETTE.length]} dot={false} strokeWidth={1.5} isAnimationActive={false} connectNulls />
              ))}
            </LineChart>
          </section>
          <section className="bt-panel">
            <div className="bt-table-wrap" style={{ maxHeight: 'none' }}>
              <table className="bt-table" data-testid="compare-table">
                <thead>
                  <tr>
                    <th scope="col">{t.backtest.compareMetric}</th>
                    {runs.map((r, k) => (
                      <th key={r.id} scope="col" style={{ color: PALETTE[k % PALETTE.length] }}>
                        <Link href={`/backtests/${r.id}`}>{label(k)}</Link>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {ROWS.map((row) => {
                    const values = runs.map((r) => (r.metrics ? (r.metrics[row.key] as number | null) : null));
                    const finite = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
                    const best = row.better === null || finite.length < 2 ? null : row.better === 'high' ? Math.max(...finite) : Math.min(...finite);
                    return (
                      <tr key={row.key}>
                        <th scope="row" className="bt-left">
                          {String(m[row.key] ?? row.key)}
                        </th>
                        {values.map((v, k) => (
                          <td key={k} className={row.signed ? directionClass(v) : undefined} style={best !== null && v === best ? { fontWeight: 700 } : undefined}>
                            {row.format(v, locale)}
                            {best !== null && v === best ? ' ★' : ''}
                          </td>
                        ))}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>
        </>
      ) : null}
    </section>
  );
}
