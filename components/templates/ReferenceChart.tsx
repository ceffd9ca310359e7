'use client';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { formatRatio } from '@/components/backtest/format';
import { useThemeColors } from '@/components/backtest/use-theme-colors';
import { usePreferences } from '@/components/preferences/PreferencesProvider';
import type { TTemplateReference } from '@/server/services/template/schemas';

/** The reference backtest's growth of 1 (the stored 120-point curve), coloured by its sign. */
export function ReferenceChart({ reference }: { reference: TTemplateReference }) {
  const { t, locale } = usePreferences();
  const colors = useThemeColors();
  const data = reference.curve.map(([date, value]) => ({ date, value }));
  const last = data.at(-1)?.value ?? 1;
  const axis = { stroke: colors.muted, fontSize: 11 };
  const tooltipStyle = { background: colors.surface, border: `1px solid ${colors.border}`, color: colors.text, fontSize: 12 };
  return (
    <figure style={{ margin: 0 }} data-testid="template-equity-chart">
      <figcaption className="muted" style={{ fontSize: '0.85rem', marginBottom: '0.25rem' }}>
        {t.templates.equity}
      </figcaption>
      <LineChart data={data} responsive style={{ width: '100%', height: 220 }} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke={colors.border} strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="date" tick={axis} stroke={colors.border} minTickGap={48} />
        <YAxis tick={axis} stroke={colors.border} width={48} domain={['auto', 'auto']} tickFormatter={(v: number) => formatRatio(v, locale)} />
        <Tooltip contentStyle={tooltipStyle} formatter={(v: unknown) => formatRatio(Number(v), locale, 4)} />
        <Line type="monotone" dataKey="value" stroke={last >= 1 ? colors.up : colors.down} dot={false} strokeWidth={1.5} isAnimationActive={false} name={t.templates.equity} />
      </LineChart>
    </figure>
  );
}
