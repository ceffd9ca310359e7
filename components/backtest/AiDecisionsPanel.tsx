'use client';
// A run's AI decisions (from the AI records of this run id) with the port's call/cache/cost counts.
import { usePreferences } from '@/components/preferences/PreferencesProvider';
import type { TDecisionRecordDto } from '@/server/services/ai/schemas';
import type { TRunResult } from '@/server/services/backtest/schemas';
import { formatExchangeTime, formatPercent, hasIntraday } from './format';

/** Decisions a run's page lists and marks on the K-line. */
export const SHOWN_DECISIONS = 500;

export function AiDecisionsPanel({
  decisions,
  stats,
  zoneLabel,
  nodeName,
  onPick,
}: {
  /** the run's decisions (first SHOWN_DECISIONS), fetched once by the results view for the chart too */
  decisions: TDecisionRecordDto[] | undefined;
  stats: NonNullable<TRunResult['ai']>;
  zoneLabel: string;
  nodeName: (nodeId: string) => string;
  /** a row was picked: show its bar on the K-line */
  onPick?: (d: TDecisionRecordDto) => void;
}) {
  const { t, locale } = usePreferences();
  const a = t.backtest.ai;
  const rows = decisions ?? [];
  const intraday = hasIntraday(rows.map((d) => d.barTime));
  const cost = [stats.cost.USD > 0 ? `$${stats.cost.USD.toFixed(4)}` : '', stats.cost.CNY > 0 ? `¥${stats.cost.CNY.toFixed(4)}` : ''].filter(Boolean).join(' + ') || '0';
  return (
    <section className="bt-panel" data-testid="ai-decisions">
      <div className="bt-panel__head">
        <h3>{a.title(stats.decisions)}</h3>
        <span className="bt-panel__note">{t.backtest.timesIn(zoneLabel)}</span>
      </div>
      <p className="muted">{a.stats(stats.modelCalls, stats.cacheHits, stats.heuristicAnswers, stats.failedDecisions, stats.promptTokens + stats.completionTokens, cost)}</p>
      {stats.decisions > rows.length && rows.length > 0 ? <p className="muted">{t.backtest.capped(rows.length, stats.decisions)}</p> : null}
      {rows.length > 0 ? (
        <div className="bt-table-wrap">
          <table className="bt-table">
            <thead>
              <tr>
                <th scope="col">{t.backtest.columns.time}</th>
                <th scope="col" className="bt-left">{t.backtest.columns.symbol}</th>
                <th scope="col" className="bt-left">{t.backtest.columns.node}</th>
                <th scope="col" className="bt-left">{a.action}</th>
                <th scope="col">{a.confidence}</th>
                <th scope="col" className="bt-left">{a.reasoning}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((d) => (
                <tr key={d.id} data-testid="ai-decision-row">
                  <td className="bt-left">
                    {onPick ? (
                      <button type="button" className="link-button" onClick={() => onPick(d)} title={a.showOnChart}>
                        {formatExchangeTime(d.barTime, intraday)}
                      </button>
                    ) : (
                      formatExchangeTime(d.barTime, intraday)
                    )}
                  </td>
                  <td className="bt-left">{d.symbol}</td>
                  <td className="bt-left">{nodeName(d.nodeId)}</td>
                  <td className={`bt-left ${d.decision.action === 'BUY' ? 'price-up' : d.decision.action === 'SELL' ? 'price-down' : ''}`}>{a.actions[d.decision.action] ?? d.decision.action}</td>
                  <td>{formatPercent(d.decision.confidence, locale, 0)}</td>
                  <td className="bt-wrap">{d.error ? `${d.error} · ` : ''}{d.decision.reasoning}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
