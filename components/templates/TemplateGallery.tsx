'use client';
import './templates.css';
import { useDeferredValue, useState } from 'react';
import { usePreferences } from '@/components/preferences/PreferencesProvider';
import { trpc } from '@/components/trpc/client';
import { errorText } from '@/components/trpc/error-text';
import { Alert } from '@/components/ui/Alert';
import { MyTemplates } from './MyTemplates';
import { TemplateCard } from './TemplateCard';

const MARKETS = ['cn-a', 'hk', 'us', 'crypto'] as const;
// TEMPLATE_STYLES in server/services/template/schemas.ts (UI code takes only types from server/)
const STYLES = ['trend', 'mean-reversion', 'breakout', 'volatility', 'risk'] as const;
type TAiFilter = 'all' | 'yes' | 'no';

/** The gallery: filters on top (the server filters, so counts and search agree with the API), cards below. */
export function TemplateGallery() {
  const { t } = usePreferences();
  const tt = t.templates;
  const [market, setMarket] = useState<(typeof MARKETS)[number] | ''>('');
  const [style, setStyle] = useState('');
  const [ai, setAi] = useState<TAiFilter>('all');
  const [search, setSearch] = useState('');
  // typing stays responsive: the query follows the deferred value
  const deferredSearch = useDeferredValue(search.trim());
  const list = trpc.template.list.useQuery(
    {
      ...(market ? { market } : {}),
      ...(style ? { style } : {}),
      ...(ai === 'all' ? {} : { usesAi: ai === 'yes' }),
      ...(deferredSearch ? { search: deferredSearch } : {}),
    },
    { placeholderData: (previous) => previous },
  );

  return (
    <section className="page" data-testid="template-gallery">
      <div className="page__header">
        <h1>{tt.title}</h1>
        {list.data ? (
          <span className="muted" data-testid="template-count">
            {tt.count(list.data.length)}
          </span>
        ) : null}
      </div>
      <p className="tpl-intro">{tt.intro}</p>
      <form className="tpl-filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label>
          {tt.search}
          <input className="input" type="search" value={search} placeholder={tt.searchPlaceholder} onChange={(e) => setSearch(e.target.value)} data-testid="template-search" />
        </label>
        <label>
          {tt.market}
          <select className="select" value={market} onChange={(e) => setMarket(e.target.value as typeof market)} data-testid="template-filter-market">
            <option value="">{tt.allMarkets}</option>
            {MARKETS.map((m) => (
              <option key={m} value={m}>
                {tt.markets[m]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {tt.style}
          <select className="select" value={style} onChange={(e) => setStyle(e.target.value)} data-testid="template-filter-style">
            <option value="">{tt.allStyles}</option>
            {STYLES.map((s) => (
              <option key={s} value={s}>
                {tt.styles[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {tt.ai}
          <select className="select" value={ai} onChange={(e) => setAi(e.target.value as TAiFilter)} data-testid="template-filter-ai">
            <option value="all">{tt.aiAll}</option>
            <option value="yes">{tt.aiOnly}</option>
            <option value="no">{tt.aiNone}</option>
          </select>
        </label>
      </form>
      {list.error ? <Alert>{errorText(list.error, t).message}</Alert> : null}
      {list.isPending ? <p className="muted">{t.common.loading}</p> : null}
      {list.data && list.data.length === 0 ? <p className="empty">{tt.none}</p> : null}
      {list.data && list.data.length > 0 ? (
        <ul className="tpl-grid" data-testid="template-grid" aria-busy={list.isFetching}>
          {list.data.map((card) => (
            <TemplateCard key={card.id} card={card} />
          ))}
        </ul>
      ) : null}
      <MyTemplates />
    </section>
  );
}
