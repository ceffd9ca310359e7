'use client';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { usePreferences } from '@/components/preferences/PreferencesProvider';
import { trpc } from '@/components/trpc/client';
import { errorText } from '@/components/trpc/error-text';
import { PublishDialog } from '@/components/templates/PublishDialog';
import { downloadJson, strategyFileName } from '@/components/templates/strategy-file';
import type { TStrategySummary } from '@/server/services/strategy/schemas';

export function StrategyRow({
  strategy,
  onNotice,
  published = false,
  includeAiCache = false,
}: {
  strategy: TStrategySummary;
  onNotice: (text: string) => void;
  /** the strategy is published as a template (the button then manages it) */
  published?: boolean;
  /** exports embed the AI answers its runs used */
  includeAiCache?: boolean;
}) {
  const { t, locale } = usePreferences();
  const utils = trpc.useUtils();
  const rename = trpc.strategy.rename.useMutation();
  const remove = trpc.strategy.delete.useMutation();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(strategy.name);
  const [error, setError] = useState<string | null>(null);
  const [publishing, setPublishing] = useState(false);
  const exportFile = trpc.template.exportStrategy.useMutation();

  async function onExport() {
    setError(null);
    try {
      downloadJson(strategyFileName(strategy.name), await exportFile.mutateAsync({ id: strategy.id, includeAiCache }));
    } catch (err) {
      setError(errorText(err, t).message);
    }
  }

  async function onRename(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const renamed = await rename.mutateAsync({ id: strategy.id, name: draft });
      setEditing(false);
      onNotice(t.strategies.renamed(renamed.name));
      await utils.strategy.list.invalidate();
    } catch (err) {
      const text = errorText(err, t);
      setError(text.fields.name ?? text.message);
    }
  }

  async function onDelete() {
    if (!window.confirm(t.strategies.confirmDelete(strategy.name))) return;
    try {
      await remove.mutateAsync({ id: strategy.id });
      onNotice(t.strategies.deleted(strategy.name));
      await utils.strategy.list.invalidate();
    } catch (err) {
      setError(errorText(err, t).message);
    }
  }

  const updated = new Date(strategy.updatedAt).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const inputId = `rename-${strategy.id}`;
  return (
    <li className="strategy-row" data-testid="strategy-row">
      {editing ? (
        <form className="strategy-row__rename" onSubmit={onRename} noValidate>
          <label htmlFor={inputId} className="sr-only">
            {t.strategies.renameLabel(strategy.name)}
          </label>
          <input
            id={inputId}
            className="input"
            value={draft}
            autoFocus
            aria-invalid={error ? true : undefined}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && setEditing(false)}
          />
          <button type="submit" className="button button--primary" disabled={rename.isPending}>
            {t.common.save}
          </button>
          <button type="button" className="button button--ghost" onClick={() => (setEditing(false), setError(null), setDraft(strategy.name))}>
            {t.common.cancel}
          </button>
        </form>
      ) : (
        <div className="strategy-row__main">
          <Link href={`/strategies/${strategy.id}`} className="strategy-row__name">
            {strategy.name}
          </Link>
          <span className="muted">{t.strategies.updated(updated)}</span>
        </div>
      )}
      {!editing ? (
        <div className="strategy-row__actions">
          <button type="button" className="button button--ghost" onClick={() => (setDraft(strategy.name), setEditing(true))}>
            {t.common.rename}
          </button>
          <button type="button" className="button button--ghost" onClick={() => setPublishing(true)} data-testid="publish-strategy">
            {published ? t.templates.publish.buttonPublished : t.templates.publish.button}
          </button>
          <button type="button" className="button button--ghost" onClick={onExport} disabled={exportFile.isPending} title={t.templates.file.exportTitle(strategy.name)} data-testid="export-strategy">
            {t.templates.file.export}
          </button>
          <button type="button" className="button button--danger" disabled={remove.isPending} onClick={onDelete}>
            {t.common.delete}
          </button>
        </div>
      ) : null}
      {publishing ? <PublishDialog strategy={strategy} onClose={() => setPublishing(false)} /> : null}
      {error ? (
        <p className="field__error strategy-row__error" role="alert">
          {error}
        </p>
      ) : null}
    </li>
  );
}
