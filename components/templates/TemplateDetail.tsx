'use client';
import './templates.css';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { usePreferences } from '@/components/preferences/PreferencesProvider';
import { trpc } from '@/components/trpc/client';
import { errorText } from '@/components/trpc/error-text';
import { Alert } from '@/components/ui/Alert';
import { ReferenceChart } from './ReferenceChart';
import { ReferenceMetrics } from './ReferenceMetrics';
import { TemplateGraph } from './TemplateGraph';

/** A template: its graph (read only), idea, reference results and "Use template". */
export function TemplateDetail({ id }: { id: string }) {
  const { t, locale } = usePreferences();
  const tt = t.templates;
  const zh = locale === 'zh-CN';
  const router = useRouter();
  const detail = trpc.template.get.useQuery({ id }, { refetchOnWindowFocus: false });
  const fork = trpc.template.fork.useMutation();
  const [error, setError] = useState<string | null>(null);

  async function onUse() {
    setError(null);
    try {
      const created = await fork.mutateAsync({ id, version: detail.data?.version });
      router.push(`/strategies/${created.strategyId}`);
    } catch (err) {
      setError(errorText(err, t).message);
    }
  }

  if (detail.isPending) return <p className="muted">{t.common.loading}</p>;
  if (detail.error) {
    return (
      <section className="page">
        <p>
          <Link href="/templates">← {tt.back}</Link>
        </p>
        <Alert>{errorText(detail.error, t).message}</Alert>
      </section>
    );
  }
  const d = detail.data;
  const ref = d.reference;
  const title = zh ? d.title.zh : d.title.en;
  return (
    <section className="page tpl-detail" data-testid="template-detail" data-template-id={d.id}>
      <p>
        <Link href="/templates">← {tt.back}</Link>
      </p>
      <div className="tpl-detail__head">
        <h1>{title}</h1>
        {d.usesAi ? (
          <span className="tpl-badge" title={tt.aiBadgeTitle} data-testid="ai-badge">
            {tt.aiBadge}
          </span>
        ) : null}
        {d.visibility === 'unlisted' ? <span className="tpl-badge tpl-badge--muted">{tt.unlisted}</span> : null}
        <span className="muted">
          {d.author ? tt.by(d.author) : tt.builtin} · {tt.version(d.version)} · {tt.uses(d.uses)} · {tt.forks(d.forks)}
        </span>
        <div className="tpl-detail__actions">
          <button type="button" className="button button--primary" onClick={onUse} disabled={fork.isPending || fork.isSuccess} data-testid="use-template">
            {fork.isPending || fork.isSuccess ? tt.using : tt.use}
          </button>
        </div>
      </div>
      {error ? <Alert>{error}</Alert> : null}
      {d.hasAiCache ? <Alert kind="info">{tt.aiCacheNote}</Alert> : null}
      <span className="tpl-chips" style={{ marginBottom: '1rem' }}>
        {d.markets.map((m) => (
          <span key={m} className="tpl-chip tpl-chip--market">
            {tt.markets[m] ?? m}
          </span>
        ))}
        {d.tags.map((tag) => (
          <span key={tag} className="tpl-chip">
            {tt.styles[tag] ?? tag}
          </span>
        ))}
      </span>
      <h2>{tt.graph}</h2>
      <TemplateGraph graph={d.graph} label={tt.graphLabel} />
      <div className="tpl-detail__grid">
        <div className="card">
          {d.idea ? (
            <>
              <h2>{tt.idea}</h2>
              <p>{zh ? d.idea.zh : d.idea.en}</p>
            </>
          ) : null}
          <h2>{tt.description}</h2>
          <p style={{ whiteSpace: 'pre-wrap' }}>{(zh ? d.description.zh : d.description.en) || '—'}</p>
          {d.suggested ? (
            <>
              <h2>{tt.suggested}</h2>
              <p data-testid="template-suggested">
                {d.suggested.symbols.join(', ')} · {tt.timeframe(d.suggested.timeframe)}
              </p>
            </>
          ) : null}
        </div>
        <div className="card" data-testid="template-reference">
          <h2>{tt.reference}</h2>
          {ref ? (
            <>
              <p className="muted" style={{ fontSize: '0.85rem' }}>
                {tt.referenceOn(ref.symbol, ref.from, ref.to)}
              </p>
              <ReferenceMetrics reference={ref} full />
              <ReferenceChart reference={ref} />
            </>
          ) : (
            <p className="muted">{tt.noReference}</p>
          )}
        </div>
      </div>
    </section>
  );
}
