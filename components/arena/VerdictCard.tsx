'use client';
// The decision: action and confidence, how it was reached (vote tally or judge), and any note
// (e.g. the judge failed and the vote decided).
import { usePreferences } from '@/components/preferences/PreferencesProvider';
import type { TVerdictDto } from '@/server/services/ai/schemas';

const ACTIONS = ['BUY', 'SELL', 'HOLD'] as const;

export function VerdictCard({ verdict }: { verdict: TVerdictDto }) {
  const { t } = usePreferences();
  const total = ACTIONS.reduce((n, a) => n + verdict.tally[a], 0);
  const { action, confidence, reasoning } = verdict.decision;
  return (
    <section className="card arena-verdict" aria-labelledby="arena-verdict-title" data-testid="arena-verdict">
      <h3 id="arena-verdict-title">
        {t.arena.verdictTitle}: <span className={`arena-action arena-action--${action}`}>{t.ai.actions[action] ?? action}</span>{' '}
        <span className="muted">
          {t.arena.confidence(`${Math.round(confidence * 100)}%`)} · {verdict.method === 'judge' ? t.arena.byJudge : t.arena.byVote}
        </span>
      </h3>
      <p className="arena-verdict__reasoning">{reasoning}</p>
      {verdict.note ? <p className="muted">{verdict.note}</p> : null}
      <div className="arena-tally" aria-label={t.arena.tally}>
        <p className="arena-hint">{t.arena.tally}</p>
        {ACTIONS.map((a) => (
          <div key={a} className="arena-tally__row">
            <span className="arena-tally__label">{t.ai.actions[a]}</span>
            <span className="arena-tally__bar">
              <span className={`arena-tally__fill arena-action--${a}`} style={{ width: `${total > 0 ? (verdict.tally[a] / total) * 100 : 0}%` }} />
            </span>
            <span className="arena-tally__value">{verdict.tally[a].toFixed(2)}</span>
          </div>
        ))}
      </div>
    </section>
  );
}
