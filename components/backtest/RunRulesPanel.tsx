'use client';
// "Rules of this run": per symbol, the market rules the simulated broker applied (lots,
// settlement, price limits, fees and taxes), with the date each took effect, what changed during
// the run, and the costs used. Collapsed by default: traders open it when a number surprises them.
import { usePreferences } from '@/components/preferences/PreferencesProvider';
import { trpc } from '@/components/trpc/client';
import { errorText } from '@/components/trpc/error-text';
import { Alert } from '@/components/ui/Alert';
import { formatPercent } from './format';

export function RunRulesPanel({ runId }: { runId: string }) {
  const { t, locale } = usePreferences();
  const r = t.backtest.rules;
  const lang = locale === 'zh-CN' ? 'zh' : 'en';
  const rules = trpc.backtest.rules.useQuery({ id: runId }, { staleTime: Infinity });
  return (
    <details className="bt-panel bt-rules" data-testid="run-rules">
      <summary className="bt-panel__head">
        <h3>{r.title}</h3>
        <span className="bt-panel__note">{r.note}</span>
      </summary>
      {rules.error ? <Alert>{errorText(rules.error, t).message}</Alert> : null}
      {rules.data?.map((s) => (
        <div key={s.symbol} className="bt-rules__symbol">
          <h4>
            {s.symbol} · {s.marketLabel[lang]}
            {s.marketOverridden ? <span className="muted"> ({r.overridden})</span> : null}
          </h4>
          <div className="bt-table-wrap">
            <table className="bt-table">
              <thead>
                <tr>
                  <th scope="col" className="bt-left">{r.rule}</th>
                  <th scope="col" className="bt-left">{r.value}</th>
                  <th scope="col" className="bt-left">{r.since}</th>
                  <th scope="col" className="bt-left">{r.source}</th>
                </tr>
              </thead>
              <tbody>
                {s.rules.map((rule) => (
                  <tr key={rule.id} data-rule={rule.id}>
                    <td className="bt-left">{rule.label[lang]}</td>
                    <td className="bt-left">
                      {rule.value}
                      {rule.changed ? (
                        <div className="bt-rules__changed" data-testid="rule-changed">
                          {r.changedTo(rule.changed.value, rule.changed.since)}
                        </div>
                      ) : null}
                    </td>
                    <td className="bt-left">{rule.since || '—'}</td>
                    <td className="bt-left muted">{rule.changed?.source ?? rule.source}</td>
                  </tr>
                ))}
                <tr data-rule="costs">
                  <td className="bt-left">{r.costs}</td>
                  <td className="bt-left" colSpan={3}>
                    {r.costsValue(formatPercent(s.costs.commissionRate, locale, 4), `${s.costs.minCommission} ${s.currency}`, s.costs.slippageBps)}
                  </td>
                </tr>
              </tbody>
            </table>
          </div>
        </div>
      ))}
    </details>
  );
}
