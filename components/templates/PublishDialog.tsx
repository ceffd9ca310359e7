'use client';
import './templates.css';
import Link from 'next/link';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { usePreferences } from '@/components/preferences/PreferencesProvider';
import { trpc } from '@/components/trpc/client';
import { errorText } from '@/components/trpc/error-text';
import { Alert } from '@/components/ui/Alert';
import { ErrorDetails } from './ErrorDetails';

const MARKETS = ['cn-a', 'hk', 'us', 'crypto'] as const;
type TMarket = (typeof MARKETS)[number];
type TForm = { title: string; description: string; tags: string; markets: TMarket[]; visibility: 'public' | 'unlisted'; includeAiCache: boolean };

function tagsOf(text: string): string[] {
  return text
    .split(/[,，、\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function templateLink(id: string): string {
  return `${window.location.origin}/templates/${encodeURIComponent(id)}`;
}

/**
 * Publish a strategy as a template, or manage the template it already is: texts, tags, markets,
 * visibility, sharing the AI answers, a new version, unpublish. A modal <dialog>: Escape closes it.
 */
export function PublishDialog({ strategy, onClose }: { strategy: { id: string; name: string; description: string }; onClose: () => void }) {
  const { t } = usePreferences();
  const tp = t.templates.publish;
  const ref = useRef<HTMLDialogElement>(null);
  const utils = trpc.useUtils();
  const current = trpc.template.forStrategy.useQuery({ strategyId: strategy.id });
  const templateId = current.data?.id ?? null;
  const detail = trpc.template.get.useQuery({ id: templateId ?? '' }, { enabled: !!templateId });
  const publish = trpc.template.publish.useMutation();
  const update = trpc.template.update.useMutation();
  const unpublish = trpc.template.unpublish.useMutation();
  const [form, setForm] = useState<TForm>({ title: strategy.name, description: strategy.description, tags: '', markets: [...MARKETS], visibility: 'public', includeAiCache: false });
  const [loadedFrom, setLoadedFrom] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ message: string; fields: Record<string, string>; cause: unknown } | null>(null);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    ref.current?.showModal();
  }, []);

  // Managing an existing template: start from what is published.
  if (detail.data && current.data && loadedFrom !== detail.data.id) {
    setLoadedFrom(detail.data.id);
    setForm({
      title: detail.data.title.en,
      description: detail.data.description.en,
      tags: detail.data.tags.join(', '),
      markets: detail.data.markets.filter((m): m is TMarket => (MARKETS as readonly string[]).includes(m)),
      visibility: detail.data.visibility === 'unlisted' ? 'unlisted' : 'public',
      includeAiCache: current.data.hasAiCache,
    });
  }

  async function refresh() {
    await Promise.all([utils.template.forStrategy.invalidate({ strategyId: strategy.id }), utils.template.mine.invalidate(), utils.template.list.invalidate(), utils.template.get.invalidate()]);
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setFailure(null);
    setNotice(null);
    const body = { title: form.title, description: form.description, tags: tagsOf(form.tags), markets: form.markets, visibility: form.visibility, includeAiCache: form.includeAiCache };
    try {
      if (templateId) {
        const r = await update.mutateAsync({ id: templateId, ...body });
        setNotice(tp.updated(r.version, r.newVersion));
      } else {
        await publish.mutateAsync({ strategyId: strategy.id, ...body });
        setNotice(tp.published);
      }
      await refresh();
    } catch (err) {
      const text = errorText(err, t);
      setFailure({ ...text, cause: err });
    }
  }

  async function onUnpublish() {
    if (!templateId || !window.confirm(tp.confirmUnpublish)) return;
    setFailure(null);
    try {
      await unpublish.mutateAsync({ id: templateId });
      setNotice(tp.unpublished);
      setLoadedFrom(null);
      await refresh();
    } catch (err) {
      setFailure({ ...errorText(err, t), cause: err });
    }
  }

  async function onCopy(link: string) {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      // clipboard refused (insecure context): the link is selectable in the field
    }
  }

  const busy = publish.isPending || update.isPending || unpublish.isPending;
  const fieldError = (name: string) => failure?.fields[name] ?? Object.entries(failure?.fields ?? {}).find(([k]) => k.startsWith(`${name}.`))?.[1];
  const link = templateId ? templateLink(templateId) : null;
  return (
    <dialog ref={ref} className="tpl-dialog" aria-labelledby="publish-title" onClose={onClose} data-testid="publish-dialog">
      <h2 id="publish-title">{templateId ? tp.manageTitle(strategy.name) : tp.dialogTitle(strategy.name)}</h2>
      {current.isPending ? <p className="muted">{t.common.loading}</p> : null}
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      {link && current.data ? (
        <>
          <p className="muted" data-testid="publish-stats">
            {tp.stats(current.data.version, current.data.uses, current.data.forks)}
          </p>
          <div className="tpl-link">
            <label htmlFor="publish-link" className="sr-only">
              {tp.link}
            </label>
            <input id="publish-link" className="input" readOnly value={link} onFocus={(e) => e.target.select()} data-testid="publish-link" />
            <button type="button" className="button" onClick={() => onCopy(link)}>
              {copied ? tp.copied : tp.copy}
            </button>
            <Link className="button button--ghost" href={`/templates/${encodeURIComponent(templateId!)}`}>
              {tp.open}
            </Link>
          </div>
        </>
      ) : null}
      {failure ? (
        <Alert>
          {failure.message}
          <ErrorDetails error={failure.cause} heading={tp.compileFailed} />
        </Alert>
      ) : null}
      <form onSubmit={onSubmit} noValidate>
        <div className="field">
          <label htmlFor="publish-title-input">{tp.titleLabel}</label>
          <input id="publish-title-input" className="input" value={form.title} maxLength={120} aria-invalid={fieldError('title') ? true : undefined} onChange={(e) => setForm({ ...form, title: e.target.value })} />
          {fieldError('title') ? <p className="field__error">{fieldError('title')}</p> : null}
        </div>
        <div className="field">
          <label htmlFor="publish-description">{tp.descriptionLabel}</label>
          <textarea id="publish-description" className="input" value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} aria-invalid={fieldError('description') ? true : undefined} />
          {fieldError('description') ? <p className="field__error">{fieldError('description')}</p> : null}
        </div>
        <div className="field">
          <label htmlFor="publish-tags">{tp.tagsLabel}</label>
          <input id="publish-tags" className="input" value={form.tags} onChange={(e) => setForm({ ...form, tags: e.target.value })} aria-invalid={fieldError('tags') ? true : undefined} aria-describedby="publish-tags-hint" />
          {fieldError('tags') ? <p className="field__error">{fieldError('tags')}</p> : <p id="publish-tags-hint" className="field__hint">{tp.tagsHint}</p>}
        </div>
        <fieldset>
          <legend>{tp.marketsLabel}</legend>
          <div className="tpl-dialog__row">
            {MARKETS.map((m) => (
              <label key={m} className="tpl-check">
                <input
                  type="checkbox"
                  checked={form.markets.includes(m)}
                  onChange={(e) => setForm({ ...form, markets: e.target.checked ? [...form.markets, m] : form.markets.filter((x) => x !== m) })}
                />
                {t.templates.markets[m]}
              </label>
            ))}
          </div>
          {fieldError('markets') ? <p className="field__error">{fieldError('markets')}</p> : null}
        </fieldset>
        <fieldset>
          <legend>{tp.visibility}</legend>
          {(['public', 'unlisted'] as const).map((v) => (
            <label key={v} className="tpl-check">
              <input type="radio" name="publish-visibility" value={v} checked={form.visibility === v} onChange={() => setForm({ ...form, visibility: v })} data-testid={`publish-visibility-${v}`} />
              {tp[v]}
            </label>
          ))}
        </fieldset>
        <label className="tpl-check" style={{ marginBottom: '0.75rem' }}>
          <input type="checkbox" checked={form.includeAiCache} onChange={(e) => setForm({ ...form, includeAiCache: e.target.checked })} />
          {tp.includeAiCache}
        </label>
        <p className="field__hint">{templateId ? tp.updateHint : tp.privacy}</p>
        <div className="tpl-dialog__actions">
          {templateId ? (
            <button type="button" className="button button--danger" onClick={onUnpublish} disabled={busy} data-testid="unpublish-template">
              {tp.unpublish}
            </button>
          ) : null}
          <button type="button" className="button button--ghost" onClick={() => ref.current?.close()}>
            {tp.close}
          </button>
          <button type="submit" className="button button--primary" disabled={busy || current.isPending} data-testid="publish-submit">
            {templateId ? tp.update : tp.submit}
          </button>
        </div>
      </form>
    </dialog>
  );
}
