'use client';
// Equity (with the benchmark scaled to the same start) and drawdown, sharing the time axis and tooltip.
import { useMemo } from 'react';
import { Area, AreaChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { usePreferences } from '@/components/preferences/PreferencesProvider';
import type { TEquitySeries } from '@/server/services/backtest/schemas';
import { drawdownSeries } from './drawdown';
import { formatAmount, formatExchangeTime, formatSignedPercent, hasIntraday } from './format';
import { useThemeColors } from './use-theme-colors';

export function EquityCharts({ equity, zoneLabel, compact }: { equity: TEquitySeries; zoneLabel: string; compact?: boolean }) {
  const { t, locale } = usePreferences();
  const colors = useThemeColors();
  const intraday = useMemo(() => hasIntraday(equity.times), [equity.times]);
  const { data, ddFloor } = useMemo(() => {
    const dd = drawdownSeries(equity.equity);
    // round the axis to whole 5% steps so its ticks read 0%, −5%, −10%, …
    const floor = Math.min(-0.05, Math.floor(Math.min(0, ...dd) * 20) / 20);
    return { data: equity.times.map((time, i) => ({ time, equity: equity.equity[i], benchmark: equity.benchmark?.[i] ?? null, drawdown: dd[i] })), ddFloor: floor };
  }, [equity]);
  const height = compact ? 200 : 280;
  const axis = { stroke: colors.muted, fontSize: 11 };
  const timeTick = (v: number) => formatExchangeTime(v, false);
  const tooltipTime = (v: unknown) => `${formatExchangeTime(Number(v), intraday)} (${zoneLabel})`;
  const tooltipStyle = { background: colors.surface, border: `1px solid ${colors.border}`, color: colors.text, fontSize: 12 };
  return (
    <div className="bt-grid-2">
      <section className="bt-panel" data-testid="equity-chart">
        <div className="bt-panel__head">
          <h3>{t.backtest.charts.equity}</h3>
          <span className="bt-panel__note">
            {equity.sourcePoints > equity.times.length ? `${t.backtest.charts.downsampled(equity.times.length, equity.sourcePoints)} · ` : ''}
            {t.backtest.timesIn(zoneLabel)}
          </span>
        </div>
        <LineChart data={data} syncId="bt-equity" responsive style={{ width: '100%', height }} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={colors.border} strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="time" type="number" scale="time" domain={['dataMin', 'dataMax']} tickFormatter={timeTick} tick={axis} stroke={colors.border} minTickGap={40} />
          <YAxis tickFormatter={(v: number) => formatAmount(v, locale, { digits: 1 })} tick={axis} stroke={colors.border} width={64} domain={['auto', 'auto']} />
          <Tooltip
            contentStyle={tooltipStyle}
            labelFormatter={tooltipTime}
            formatter={(value, name) => [formatAmount(Number(value), locale), name === 'benchmark' ? t.backtest.charts.benchmark : t.backtest.charts.strategy]}
          />
          {equity.benchmark ? <Legend formatter={(name) => (name === 'benchmark' ? t.backtest.charts.benchmark : t.backtest.charts.strategy)} wrapperStyle={{ fontSize: 12 }} /> : null}
          <Line type="linear" dataKey="equity" stroke={colors.accent} dot={false} strokeWidth={1.5} isAnimationActive={false} />
          {equity.benchmark ? <Line type="linear" dataKey="benchmark" stroke={colors.muted} dot={false} strokeWidth={1} strokeDasharray="4 3" isAnimationActive={false} connectNulls /> : null}
        </LineChart>
      </section>
      <section className="bt-panel" data-testid="drawdown-chart">
        <div className="bt-panel__head">
          <h3>{t.backtest.charts.drawdown}</h3>
        </div>
        <AreaChart data={data} syncId="bt-equity" responsive style={{ width: '100%', height }} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={colors.border} strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="time" type="number" scale="time" domain={['dataMin', 'dataMax']} tickFormatter={timeTick} tick={axis} stroke={colors.border} minTickGap={40} />
          <YAxis tickFormatter={(v: number) => formatSignedPercent(v, locale, 0)} tick={axis} stroke={colors.border} width={64} domain={[ddFloor, 0]} tickCount={5} />
          <Tooltip contentStyle={tooltipStyle} labelFormatter={tooltipTime} formatter={(value) => [formatSignedPercent(Number(value), locale), t.backtest.charts.drawdown]} />
          <Area type="linear" dataKey="drawdown" stroke={colors.down} fill={colors.down} fillOpacity={0.25} isAnimationActive={false} />
        </AreaChart>
      </section>
    </div>
  );
}
