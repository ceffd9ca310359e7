'use client';
import { Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export function EquityCurve({ points, timeframe }: { points: Array<{ time: number; equity: number }>; timeframe: string }) {
  const label = (ms: number) => {
    const iso = new Date(ms).toISOString();
    return timeframe === '1d' ? iso.slice(0, 10) : `${iso.slice(5, 10)} ${iso.slice(11, 16)}`;
  };
  const up = points.length > 1 && points[points.length - 1].equity >= points[0].equity;
  return (
    <div className="equity-curve" data-testid="trader-equity-curve" data-points={points.length}>
      <ResponsiveContainer width="100%" height={240}>
        <LineChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <XAxis dataKey="time" tickFormatter={label} minTickGap={40} fontSize={11} />
          <YAxis domain={['auto', 'auto']} fontSize={11} width={70} />
          <Tooltip labelFormatter={(v) => label(Number(v))} formatter={(v) => Number(v).toFixed(2)} />
          <Line type="monotone" dataKey="equity" stroke={up ? 'var(--up)' : 'var(--down)'} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
