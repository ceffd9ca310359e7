'use client';
// Settings → AI providers: the user's OpenAI-compatible endpoints (keys write-only), with Test,
// default and delete per row, the form to add or edit one, and the decision cache below.
import { useState } from 'react';
import { usePreferences } from '@/components/preferences/PreferencesProvider';
import { trpc } from '@/components/trpc/client';
import { errorText } from '@/components/trpc/error-text';
import { Alert } from '@/components/ui/Alert';
import type { TProviderView } from '@/server/ai/settings/provider-settings';
import type { TProviderPresetDto } from '@/server/services/ai/schemas';
import { AiCachePanel } from './AiCachePanel';
import { ProviderForm } from './ProviderForm';
import { presetLabel, toSettingsInput } from './provider-form-state';
import './ai-providers.css';

type TEditing = { mode: 'new' } | { mode: 'edit'; provider: TProviderView } | null;

export function AiProvidersSection() {
  const { t } = usePreferences();
  const list = trpc.aiProvider.list.useQuery();
  const [editing, setEditing] = useState<TEditing>(null);
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);

  return (
    <section className="card aip" aria-labelledby="ai-providers-title" data-testid="ai-providers">
      <h2 id="ai-providers-title">{t.ai.title}</h2>
      <p className="muted">{t.ai.intro}</p>
      <p className="muted">{t.ai.heuristicNote}</p>
      {notice ? <Alert kind={notice.kind}>{notice.text}</Alert> : null}
      {list.error ? <Alert>{errorText(list.error, t).message}</Alert> : null}
      {!list.data && !list.error ? <p className="muted">{t.common.loading}</p> : null}
      {list.data ? (
        list.data.providers.length === 0 ? (
          <p className="empty" data-testid="ai-providers-empty">
            {t.ai.empty}
          </p>
        ) : (
          <ul className="aip__list">
            {list.data.providers.map((p) => (
              <ProviderRow
                key={p.id}
                provider={p}
                preset={list.data.presets.find((x) => x.kind === p.kind)}
                onEdit={() => {
                  setNotice(null);
                  setEditing({ mode: 'edit', provider: p });
                }}
                onNotice={setNotice}
              />
            ))}
          </ul>
        )
      ) : null}
      {list.data && editing ? (
        <ProviderForm
          key={editing.mode === 'edit' ? editing.provider.id : 'new'}
          presets={list.data.presets}
          provider={editing.mode === 'edit' ? editing.provider : null}
          onDone={(saved) => {
            setEditing(null);
            if (saved) setNotice({ kind: 'success', text: t.ai.saved(saved.name) });
          }}
        />
      ) : (
        <div className="aip__buttons">
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              setNotice(null);
              setEditing({ mode: 'new' });
            }}
            disabled={!list.data}
          >
            {t.ai.add}
          </button>
        </div>
      )}
      <AiCachePanel />
    </section>
  );
}

function ProviderRow({
  provider,
  preset,
  onEdit,
  onNotice,
}: {
  provider: TProviderView;
  preset: TProviderPresetDto | undefined;
  onEdit: () => void;
  onNotice: (n: { kind: 'success' | 'error'; text: string } | null) => void;
}) {
  const { t, locale } = usePreferences();
  const utils = trpc.useUtils();
  const test = trpc.aiProvider.test.useMutation();
  const remove = trpc.aiProvider.delete.useMutation();
  const save = trpc.aiProvider.save.useMutation();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  const baseURL = provider.baseURL || preset?.baseURL || '';
  const model = provider.defaultModel || preset?.defaultModel || '';

  async function runTest() {
    setResult(null);
    try {
      const r = await test.mutateAsync({ id: provider.id, language: locale === 'zh-CN' ? 'zh-CN' : 'en-US' });
      setResult(r.ok ? { ok: true, text: t.ai.testOk(r.model, r.latencyMs, r.jsonOk) } : { ok: false, text: t.ai.testFailed(r.message) });
    } catch (error) {
      setResult({ ok: false, text: t.ai.testFailed(errorText(error, t).message) });
    }
  }

  async function makeDefault() {
    onNotice(null);
    try {
      await save.mutateAsync({ ...toSettingsInput(provider), isDefault: true });
      await utils.aiProvider.list.invalidate();
    } catch (error) {
      onNotice({ kind: 'error', text: errorText(error, t).message });
    }
  }

  async function destroy() {
    if (!window.confirm(t.ai.confirmDelete(provider.name))) return;
    onNotice(null);
    try {
      await remove.mutateAsync({ id: provider.id });
      onNotice({ kind: 'success', text: t.ai.deleted(provider.name) });
      await utils.aiProvider.list.invalidate();
    } catch (error) {
      onNotice({ kind: 'error', text: errorText(error, t).message });
    }
  }

  return (
    <li className="aip__row" data-testid="ai-provider-row" data-provider-id={provider.id}>
      <div className="aip__main">
        <span className="aip__name">
          {provider.name}
          {provider.isDefault ? <span className="aip__badge">{t.ai.defaultBadge}</span> : null}
        </span>
        <span className="aip__meta">
          {preset ? presetLabel(preset, locale) : provider.kind} · {baseURL} · {model || '—'} · {provider.hasKey && provider.keyHint ? t.ai.keyHint(provider.keyHint) : t.ai.noKey}
        </span>
      </div>
      <div className="aip__actions">
        <button type="button" className="button" onClick={runTest} disabled={test.isPending}>
          {test.isPending ? t.ai.testing : t.ai.test}
        </button>
        {!provider.isDefault ? (
          <button type="button" className="button button--ghost" onClick={makeDefault} disabled={save.isPending}>
            {t.ai.makeDefault}
          </button>
        ) : null}
        <button type="button" className="button button--ghost" onClick={onEdit}>
          {t.ai.edit}
        </button>
        <button type="button" className="button button--danger" onClick={destroy} disabled={remove.isPending}>
          {t.ai.delete}
        </button>
      </div>
      {result ? (
        <p className={`aip__result aip__result--${result.ok ? 'ok' : 'error'}`} role="status" data-testid="ai-provider-test-result">
          {result.text}
        </p>
      ) : null}
    </li>
  );
}
