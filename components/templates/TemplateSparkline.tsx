'use client';

/**
 * The reference growth curve as a tiny SVG line (no chart library: a gallery draws a dozen of
 * these). Coloured by the user's market convention through the --up/--down variables.
 */
export function TemplateSparkline({ curve, label }: { curve: ReadonlyArray<readonly [string, number]>; label: string }) {
  const width = 240;
  const height = 40;
  if (curve.length < 2) return <svg className="tpl-spark" viewBox={`0 0 ${width} ${height}`} aria-hidden="true" />;
  const values = curve.map((p) => p[1]);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const points = values.map((v, k) => `${((k / (values.length - 1)) * width).toFixed(1)},${(height - 2 - ((v - min) / span) * (height - 4)).toFixed(1)}`).join(' ');
  const up = values[values.length - 1] >= values[0];
  return (
    <svg className="tpl-spark" viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" role="img" aria-label={label} data-testid="template-sparkline">
      <polyline points={points} fill="none" stroke={up ? 'var(--up)' : 'var(--down)'} strokeWidth="1.5" vectorEffect="non-scaling-stroke" />
    </svg>
  );
}
