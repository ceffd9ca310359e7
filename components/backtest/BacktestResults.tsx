'use client';
// Results of one finished run: metric cards, equity vs benchmark and drawdown, the K-line with
// trade markers, the trades table and the order log. Times everywhere in the exchange's zone.
import './backtest.css';
import { useContext, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { usePreferences } from '@/components/preferences/PreferencesProvider';
import { trpc } from '@/components/trpc/client';
import { errorText } from '@/components/trpc/error-text';
import { Alert } from '@/components/ui/Alert';
import type { TRunDetail } from '@/server/services/backtest/schemas';
import { AiDecisionsPanel, SHOWN_DECISIONS } from './AiDecisionsPanel';
import { nodeDisplayName } from './compile-errors';
import { getNodeDefinition } from '@/nodes/registry';
import { EquityCharts } from './EquityCharts';
import { InspectedNodeContext } from './inspected-node';
import { KlineChart } from './KlineChart';
import { MetricCards } from './MetricCards';
import { inspectableNodes, NodeInspectPicker } from './NodeInspectPicker';
import { OrderEventsList } from './OrderEventsList';
import { RunRulesPanel } from './RunRulesPanel';
import { TradesTable } from './TradesTable';

export function zoneLabelOf(run: Pick<TRunDetail, 'params'>, zones: Record<string, string>): string {
  const tz = [...new Set((run.params.resolved ?? []).map((r) => r.timezone))];
  return tz.length === 0 ? 'UTC' : tz.map((z) => zones[z] ?? z).join(' / ');
}

/** "SMA 30" / "均线" style: the user's label, else the node type's label with its id. */
function shortNodeName(graph: TRunDetail['graph'], nodeId: string, locale: string): string {
  const node = graph?.nodes.find((n) => n.id === nodeId);
  if (!node) return nodeId;
  if (node.label) return node.label;
  const def = getNodeDefinition(node.type);
  return def ? `${locale === 'zh-CN' ? def.label.zh : def.label.en} ${node.id}` : node.id;
}

export function BacktestResults({ run, compact }: { run: TRunDetail; compact?: boolean }) {
  const { t, locale } = usePreferences();
  const finished = run.status === 'succeeded';
  const result = trpc.backtest.result.useQuery({ id: run.id }, { enabled: finished, staleTime: Infinity });
  const symbols = run.params.resolved?.map((r) => r.symbol) ?? run.symbols;
  const [symbol, setSymbol] = useState(symbols[0] ?? '');
  // Charts and tables of a long run take the main thread for a moment: render them at a lower
  // priority so the metric cards (already known from the run row) paint first.
  const results = useDeferredValue(result.data);
  // AI decisions as K-line markers; picking one in the list scrolls the chart to it.
  const decisions = trpc.ai.decisions.useQuery({ runId: run.id, limit: SHOWN_DECISIONS }, { enabled: !!results?.ai, staleTime: Infinity });
  const [focusTime, setFocusTime] = useState<number | null>(null);
  const bars = trpc.backtest.bars.useQuery({ id: run.id, symbol }, { enabled: finished && !!symbol, staleTime: Infinity });
  const zoneLabel = zoneLabelOf(run, t.backtest.zones);
  const tickOf = useMemo(() => {
    const ticks = new Map((run.params.resolved ?? []).map((r) => [r.symbol, r.tick]));
    return (s: string) => ticks.get(s) ?? 0.01;
  }, [run.params.resolved]);
  const nodeName = (nodeId: string) => nodeDisplayName(run.graph, nodeId, locale) ?? nodeId;

  // Node inspection: the editor's selected node when it has something to plot, else the picker's.
  const selectedInEditor = useContext(InspectedNodeContext);
  const [inspected, setInspected] = useState<string | null>(null);
  const inspectable = useMemo(() => new Set(inspectableNodes(run.graph)), [run.graph]);
  useEffect(() => {
    if (selectedInEditor && inspectable.has(selectedInEditor)) setInspected(selectedInEditor);
  }, [selectedInEditor, inspectable]);
  const study = trpc.backtest.nodeSeries.useQuery({ id: run.id, symbol, nodeId: inspected ?? '' }, { enabled: finished && !!symbol && inspected !== null, staleTime: Infinity });

  if (!finished) return <p className="muted">{t.backtest.notFinished}</p>;
  return (
    <div className="bt-results" data-testid="backtest-results">
      {run.metrics ? <MetricCards metrics={run.metrics} compact={compact} /> : null}
      {result.error ? <Alert>{errorText(result.error, t).message}</Alert> : null}
      {results ? <EquityCharts equity={results.equity} zoneLabel={zoneLabel} compact={compact} /> : null}
      <section className="bt-panel">
        <div className="bt-panel__head">
          <h3>{t.backtest.charts.kline}</h3>
          {symbols.length > 1 ? (
            <select className="select" aria-label={t.backtest.symbol} value={symbol} onChange={(e) => setSymbol(e.target.value)}>
              {symbols.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          ) : (
            <span className="muted">{symbol}</span>
          )}
          <NodeInspectPicker graph={run.graph} value={inspected} onChange={setInspected} />
          <span className="bt-panel__note">{t.backtest.timesIn(zoneLabel)}</span>
        </div>
        {selectedInEditor && !inspectable.has(selectedInEditor) && !run.graph?.nodes.some((n) => n.id === selectedInEditor) ? (
          <p className="muted" data-testid="inspect-note">{t.backtest.inspect.notInRun}</p>
        ) : null}
        {study.data?.unavailable === 'trading_phase' ? <p className="muted" data-testid="inspect-note">{t.backtest.inspect.tradingPhase}</p> : null}
        {study.error ? <Alert>{errorText(study.error, t).message}</Alert> : null}
        {bars.error ? <Alert>{errorText(bars.error, t).message}</Alert> : null}
        {bars.data?.truncated ? <p className="muted">{t.backtest.charts.truncatedBars}</p> : null}
        {bars.data && results ? <KlineChart bars={bars.data} fills={results.fills} orderEvents={results.orderEvents} tick={tickOf(symbol)} height={compact ? 300 : 400} study={inspected ? study.data : null} studyName={inspected ? shortNodeName(run.graph, inspected, locale) : undefined} decisions={decisions.data} focusTime={focusTime} /> : <div className="bt-kline" style={{ height: compact ? 300 : 400 }} />}
      </section>
      {results ? (
        <>
          <TradesTable trades={results.trades} total={results.counts.trades} tickOf={tickOf} zoneLabel={zoneLabel} fileName={`trades-${run.id}.csv`} />
          <OrderEventsList events={results.orderEvents} total={results.counts.orderEvents} zoneLabel={zoneLabel} nodeName={nodeName} />
          <RunRulesPanel runId={run.id} />
          {results.ai ? (
            <AiDecisionsPanel
              decisions={decisions.data}
              stats={results.ai}
              zoneLabel={zoneLabel}
              nodeName={nodeName}
              onPick={(d) => {
                setSymbol(d.symbol);
                setFocusTime(d.barTime);
              }}
            />
          ) : null}
          <p className="muted bt-timing">{t.backtest.timing(Math.round(results.timing.loadMs), Math.round(results.timing.runMs))}</p>
        </>
      ) : null}
    </div>
  );
}
