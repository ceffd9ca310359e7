'use client';
import Link from 'next/link';
import { usePreferences } from '@/components/preferences/PreferencesProvider';
import type { TTemplateCard } from '@/server/services/template/schemas';
import { ReferenceMetrics } from './ReferenceMetrics';
import { TemplateSparkline } from './TemplateSparkline';

/** One gallery card: the whole card is the link to the detail page. */
export function TemplateCard({ card }: { card: TTemplateCard }) {
  const { t, locale } = usePreferences();
  const tt = t.templates;
  const zh = locale === 'zh-CN';
  const title = zh ? card.title.zh : card.title.en;
  const ref = card.reference;
  // the market the reference ran on first, then the others the template suits
  const markets = ref ? [ref.market, ...card.markets.filter((m) => m !== ref.market)] : card.markets;
  return (
    <li>
      <Link href={`/templates/${encodeURIComponent(card.id)}`} className="tpl-card" data-testid="template-card" data-template-id={card.id}>
        <div className="tpl-card__head">
          <h3 className="tpl-card__title">{title}</h3>
          <span className="tpl-chips">
            {card.usesAi ? (
              <span className="tpl-badge" title={tt.aiBadgeTitle} data-testid="ai-badge">
                {tt.aiBadge}
              </span>
            ) : null}
            {card.visibility === 'unlisted' ? <span className="tpl-badge tpl-badge--muted">{tt.unlisted}</span> : null}
          </span>
        </div>
        <p className="tpl-card__desc">{zh ? card.description.zh : card.description.en}</p>
        <span className="tpl-chips">
          {markets.map((m) => (
            <span key={m} className="tpl-chip tpl-chip--market">
              {tt.markets[m] ?? m}
            </span>
          ))}
          {card.tags.slice(0, 4).map((tag) => (
            <span key={tag} className="tpl-chip">
              {tt.styles[tag] ?? tag}
            </span>
          ))}
        </span>
        {ref ? (
          <>
            <TemplateSparkline curve={ref.curve} label={tt.referenceOn(ref.symbol, ref.from, ref.to)} />
            <ReferenceMetrics reference={ref} />
          </>
        ) : (
          <p className="muted" style={{ fontSize: '0.8rem', margin: 0 }}>
            {tt.noReference}
          </p>
        )}
        <span className="tpl-card__foot">
          <span>{card.author ? tt.by(card.author) : tt.builtin}</span>
          <span>
            {ref ? `${ref.symbol} · ` : ''}
            {tt.forks(card.forks)}
          </span>
        </span>
      </Link>
    </li>
  );
}
