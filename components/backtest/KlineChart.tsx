'use client';
// Candles of the traded symbol with buy/sell fills and rejected orders as markers (lightweight-charts).
// Times are exchange-local encoded as UTC, so the chart's UTC axis reads as exchange time.
import { useEffect, useRef } from 'react';
import type { IChartApi, SeriesMarker, UTCTimestamp } from 'lightweight-charts';
import { usePreferences } from '@/components/preferences/PreferencesProvider';
import type { TDecisionRecordDto } from '@/server/services/ai/schemas';
import type { TBarsDto, TFillDto, TNodeSeriesDto, TOrderEventDto } from '@/server/services/backtest/schemas';
import { formatPrice, formatQty, tickDecimals } from './format';
import { studyLines } from './node-study';
import { useThemeColors } from './use-theme-colors';

const sec = (ms: number) => Math.floor(ms / 1000) as UTCTimestamp;

/** `study`: an inspected node's outputs, drawn on the price pane or in a pane below (see node-study.ts). */
export function KlineChart({
  bars,
  fills,
  orderEvents,
  tick,
  height = 360,
  study,
  studyName,
  decisions,
  focusTime,
}: {
  bars: TBarsDto;
  fills: TFillDto[];
  orderEvents: TOrderEventDto[];
  tick: number;
  height?: number;
  study?: TNodeSeriesDto | null;
  /** the inspected node's display name, for the series titles */
  studyName?: string;
  /** AI decisions of the run: BUY/SELL get a marker, so the reasoning sits next to what it caused */
  decisions?: TDecisionRecordDto[];
  /** scroll the chart to this bar time (a decision picked in the list) */
  focusTime?: number | null;
}) {
  const { t, locale } = usePreferences();
  const colors = useThemeColors();
  const box = useRef<HTMLDivElement>(null);
  const chartRef = useRef<IChartApi | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el || bars.times.length === 0) return;
    let chart: IChartApi | null = null;
    let disposed = false;
    void import('lightweight-charts').then((lc) => {
      if (disposed) return;
      chart = lc.createChart(el, {
        autoSize: true,
        layout: { background: { type: lc.ColorType.Solid, color: colors.surface }, textColor: colors.muted, fontSize: 11, attributionLogo: false },
        grid: { vertLines: { color: colors.border }, horzLines: { color: colors.border } },
        rightPriceScale: { borderColor: colors.border },
        timeScale: { borderColor: colors.border, timeVisible: bars.times.some((x) => x % 86_400_000 !== 0), secondsVisible: false },
        localization: { locale, priceFormatter: (p: number) => formatPrice(p, tick, locale) },
        crosshair: { mode: lc.CrosshairMode.Normal },
      });
      const candles = chart.addSeries(lc.CandlestickSeries, {
        upColor: colors.up,
        downColor: colors.down,
        borderUpColor: colors.up,
        borderDownColor: colors.down,
        wickUpColor: colors.up,
        wickDownColor: colors.down,
        priceFormat: { type: 'price', precision: tickDecimals(tick), minMove: tick },
      });
      candles.setData(bars.times.map((time, i) => ({ time: sec(time), open: bars.open[i], high: bars.high[i], low: bars.low[i], close: bars.close[i] })));
      const volume = chart.addSeries(lc.HistogramSeries, { priceScaleId: 'volume', priceFormat: { type: 'volume' }, lastValueVisible: false, priceLineVisible: false });
      chart.priceScale('volume').applyOptions({ scaleMargins: { top: 0.82, bottom: 0 } });
      volume.setData(bars.times.map((time, i) => ({ time: sec(time), value: bars.volume[i], color: bars.close[i] >= bars.open[i] ? `${colors.up}55` : `${colors.down}55` })));

      const first = bars.times[0];
      const markers: SeriesMarker<UTCTimestamp>[] = [];
      for (const f of fills) {
        if (f.symbol !== bars.symbol || f.time < first) continue;
        const buy = f.side === 'buy';
        markers.push({
          time: sec(f.time),
          position: buy ? 'belowBar' : 'aboveBar',
          shape: buy ? 'arrowUp' : 'arrowDown',
          color: buy ? colors.up : colors.down,
          text: `${buy ? t.backtest.charts.buy : t.backtest.charts.sell} ${formatQty(f.qty, locale)}@${formatPrice(f.price, tick, locale)}`,
          size: 1,
        });
      }
      for (const d of decisions ?? []) {
        if (d.symbol !== bars.symbol || d.barTime < first || d.decision.action === 'HOLD') continue;
        const buy = d.decision.action === 'BUY';
        markers.push({
          time: sec(d.barTime),
          position: buy ? 'belowBar' : 'aboveBar',
          shape: 'square',
          color: colors.accent,
          text: `AI ${t.ai.actions[d.decision.action]} ${Math.round(d.decision.confidence * 100)}%`,
          size: 0.7,
        });
      }
      for (const e of orderEvents) {
        if (e.symbol !== bars.symbol || e.time < first) continue;
        markers.push({ time: sec(e.time), position: e.side === 'buy' ? 'belowBar' : 'aboveBar', shape: 'circle', color: colors.warn, text: t.backtest.charts.rejected, size: 0.8 });
      }
      // Labels only while they stay readable; the arrows alone say enough on a busy chart.
      if (markers.length > 16) for (const m of markers) delete m.text;
      markers.sort((a, b) => a.time - b.time);
      lc.createSeriesMarkers(candles, markers);

      // The study's times are the same bars as the chart's (both come from the run's series).
      if (study && study.symbol === bars.symbol) {
        const timeAt = study.times;
        const lines = studyLines(study, bars.close);
        for (const line of lines) {
          const output = locale === 'zh-CN' ? line.label.zh : line.label.en;
          const title = studyName ? (lines.length === 1 ? studyName : `${studyName} · ${output}`) : output;
          if (line.kind === 'signal') {
            const s = chart.addSeries(lc.HistogramSeries, { color: line.color, title, priceLineVisible: false, lastValueVisible: false }, 1);
            s.setData(line.points.map((p) => ({ time: sec(timeAt[p.i]), value: p.value })));
          } else {
            const s = chart.addSeries(lc.LineSeries, { color: line.color, lineWidth: 2, title, priceLineVisible: false }, line.pane);
            s.setData(line.points.map((p) => ({ time: sec(timeAt[p.i]), value: p.value })));
          }
        }
        const below = chart.panes()[1];
        if (below) below.setHeight(Math.round(height * 0.3));
      }
      chart.timeScale().fitContent();
      chartRef.current = chart;
    });
    return () => {
      disposed = true;
      chartRef.current = null;
      chart?.remove();
    };
  }, [bars, fills, orderEvents, tick, colors, locale, t, study, studyName, height, decisions]);

  // A picked decision: show about three months around it (daily bars), without rebuilding the chart.
  useEffect(() => {
    const chart = chartRef.current;
    if (!chart || focusTime == null || bars.times.length === 0) return;
    let i = bars.times.findIndex((x) => x >= focusTime);
    if (i < 0) i = bars.times.length - 1;
    chart.timeScale().setVisibleLogicalRange({ from: Math.max(0, i - 40), to: Math.min(bars.times.length - 1, i + 20) });
  }, [focusTime, bars.times]);

  return <div ref={box} className="bt-kline" style={{ height }} data-testid="kline-chart" role="img" aria-label={`${t.backtest.charts.kline}: ${bars.symbol}`} />;
}
