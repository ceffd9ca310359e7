'use client';
import { useState } from 'react';
import { useT } from '@/components/preferences/PreferencesProvider';
import { trpc } from '@/components/trpc/client';
import { errorText } from '@/components/trpc/error-text';
import { StrategyFileBar } from '@/components/templates/StrategyFileBar';
import { Alert } from '@/components/ui/Alert';
import { CreateStrategyForm } from './CreateStrategyForm';
import { StrategyRow } from './StrategyRow';

export function StrategyList() {
  const t = useT();
  const list = trpc.strategy.list.useQuery();
  const [notice, setNotice] = useState<string | null>(null);
  const published = trpc.template.mine.useQuery();
  const publishedIds = new Set((published.data ?? []).map((p) => p.strategyId));
  const [includeAiCache, setIncludeAiCache] = useState(false);

  return (
    <section className="page">
      <div className="page__header">
        <h1>{t.strategies.title}</h1>
        {list.data ? <span className="muted">{t.strategies.count(list.data.length)}</span> : null}
      </div>
      <CreateStrategyForm onCreated={(name) => setNotice(t.strategies.created(name))} />
      <StrategyFileBar includeAiCache={includeAiCache} onIncludeAiCache={setIncludeAiCache} onImported={setNotice} />
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      {list.isPending ? <p className="muted">{t.common.loading}</p> : null}
      {list.error ? <Alert>{errorText(list.error, t).message}</Alert> : null}
      {list.data && list.data.length === 0 ? <p className="empty">{t.strategies.empty}</p> : null}
      {list.data && list.data.length > 0 ? (
        <ul className="strategy-list" data-testid="strategy-list">
          {list.data.map((s) => (
            <StrategyRow key={s.id} strategy={s} onNotice={setNotice} published={publishedIds.has(s.id)} includeAiCache={includeAiCache} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
