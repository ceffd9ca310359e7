'use client';
// Add or edit one AI provider. Picking a preset prefills the name and shows the preset's base
// URL, models and JSON mode as the defaults an empty field means. The key is write-only.
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { usePreferences } from '@/components/preferences/PreferencesProvider';
import { trpc } from '@/components/trpc/client';
import { errorText } from '@/components/trpc/error-text';
import { Alert } from '@/components/ui/Alert';
import type { TProviderView } from '@/server/ai/settings/provider-settings';
import type { TProviderPresetDto } from '@/server/services/ai/schemas';
import { emptyForm, formFromProvider, formToInput, presetLabel, type TProviderForm } from './provider-form-state';

export function ProviderForm({ presets, provider, onDone }: { presets: TProviderPresetDto[]; provider: TProviderView | null; onDone: (saved: TProviderView | null) => void }) {
  const { t, locale } = usePreferences();
  const uid = useId();
  const utils = trpc.useUtils();
  const save = trpc.aiProvider.save.useMutation();
  const test = trpc.aiProvider.test.useMutation();
  const models = trpc.aiProvider.models.useMutation();
  const providerCount = utils.aiProvider.list.getData()?.providers.length ?? 0;
  const [form, setForm] = useState<TProviderForm>(() => (provider ? formFromProvider(provider) : emptyForm(presets[0], locale, providerCount === 0)));
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [listed, setListed] = useState<string[]>([]);

  const preset = presets.find((p) => p.kind === form.kind) ?? presets[0];
  const set = <K extends keyof TProviderForm>(key: K, value: TProviderForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const id = (name: string) => `${uid}-${name}`;
  const suggestions = [...new Set([...listed, ...preset.models])];

  function pickPreset(kind: string) {
    const next = presets.find((p) => p.kind === kind);
    if (!next) return;
    setForm((f) => {
      // keep a name the user typed; replace one that was just the previous preset's label
      const named = f.name.trim() !== '' && f.name !== presetLabel(preset, locale);
      return { ...f, kind: next.kind, name: named ? f.name : presetLabel(next, locale) };
    });
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFields({});
    setError(null);
    setStatus(null);
    try {
      const saved = await save.mutateAsync(formToInput(form));
      await utils.aiProvider.list.invalidate();
      onDone(saved);
    } catch (err) {
      const text = errorText(err, t);
      setFields(text.fields);
      setError(text.message);
    }
  }

  async function runTest() {
    if (!form.id) return;
    setStatus(null);
    try {
      const r = await test.mutateAsync({ id: form.id, model: form.defaultModel.trim(), language: locale === 'zh-CN' ? 'zh-CN' : 'en-US' });
      setStatus(r.ok ? { ok: true, text: t.ai.testOk(r.model, r.latencyMs, r.jsonOk) } : { ok: false, text: t.ai.testFailed(r.message) });
    } catch (err) {
      setStatus({ ok: false, text: t.ai.testFailed(errorText(err, t).message) });
    }
  }

  async function fetchModels() {
    if (!form.id) return;
    setStatus(null);
    try {
      const r = await models.mutateAsync({ id: form.id });
      if (r.ok) {
        setListed(r.models);
        setStatus({ ok: true, text: t.ai.modelsFound(r.models.length) });
      } else setStatus({ ok: false, text: t.ai.modelsFailed(r.message) });
    } catch (err) {
      setStatus({ ok: false, text: t.ai.modelsFailed(errorText(err, t).message) });
    }
  }

  /** the input's error when there is one, else its hint */
  const describedBy = (name: string, hasHint: boolean) => (fields[name] ? id(`${name}-error`) : hasHint ? id(`${name}-hint`) : undefined);

  return (
    <form className="aip__form" onSubmit={submit} aria-labelledby={id('title')} data-testid="ai-provider-form" noValidate>
      <h3 id={id('title')}>{provider ? t.ai.editTitle(provider.name) : t.ai.newTitle}</h3>
      {error && Object.keys(fields).length === 0 ? <Alert>{error}</Alert> : null}
      <div className="aip__grid">
        <FormField id={id('kind')} label={t.ai.preset}>
          <select id={id('kind')} className="input" value={form.kind} onChange={(e) => pickPreset(e.target.value)} data-testid="ai-provider-preset">
            {presets.map((p) => (
              <option key={p.kind} value={p.kind}>
                {presetLabel(p, locale)}
              </option>
            ))}
          </select>
        </FormField>
        <FormField id={id('name')} label={t.ai.name} error={fields.name}>
          <input id={id('name')} className="input" value={form.name} onChange={(e) => set('name', e.target.value)} aria-invalid={!!fields.name || undefined} aria-describedby={describedBy('name', false)} />
        </FormField>
        <FormField id={id('baseURL')} label={t.ai.baseUrl} error={fields.baseURL} hint={t.ai.baseUrlHint(preset.baseURL)}>
          <input
            id={id('baseURL')}
            className="input"
            type="url"
            value={form.baseURL}
            placeholder={preset.baseURL || 'http://127.0.0.1:8000/v1'}
            onChange={(e) => set('baseURL', e.target.value)}
            aria-invalid={!!fields.baseURL || undefined}
            aria-describedby={describedBy('baseURL', true)}
          />
        </FormField>
        <FormField
          id={id('apiKey')}
          label={t.ai.apiKey}
          error={fields.apiKey}
          hint={provider?.hasKey && provider.keyHint ? t.ai.apiKeyHintStored(provider.keyHint) : preset.needsKey ? t.ai.apiKeyHintNew : t.ai.apiKeyNotNeeded}
        >
          <input
            id={id('apiKey')}
            className="input"
            type="password"
            autoComplete="off"
            value={form.apiKey}
            disabled={form.removeKey}
            placeholder={provider?.keyHint ?? ''}
            onChange={(e) => set('apiKey', e.target.value)}
            aria-invalid={!!fields.apiKey || undefined}
            aria-describedby={describedBy('apiKey', true)}
          />
        </FormField>
        {provider?.hasKey ? (
          <label className="aip__check">
            <input type="checkbox" checked={form.removeKey} onChange={(e) => set('removeKey', e.target.checked)} />
            {t.ai.removeKey}
          </label>
        ) : null}
        <FormField id={id('defaultModel')} label={t.ai.model} error={fields.defaultModel} hint={t.ai.modelHint(preset.defaultModel)}>
          <input
            id={id('defaultModel')}
            className="input"
            list={id('models')}
            value={form.defaultModel}
            placeholder={preset.defaultModel}
            onChange={(e) => set('defaultModel', e.target.value)}
            aria-invalid={!!fields.defaultModel || undefined}
            aria-describedby={describedBy('defaultModel', true)}
          />
          <datalist id={id('models')}>
            {suggestions.map((m) => (
              <option key={m} value={m} />
            ))}
          </datalist>
        </FormField>
        <FormField id={id('jsonMode')} label={t.ai.jsonMode}>
          <select id={id('jsonMode')} className="input" value={form.jsonMode} onChange={(e) => set('jsonMode', e.target.value as TProviderForm['jsonMode'])}>
            <option value="preset">{t.ai.jsonModePreset(preset.jsonMode)}</option>
            <option value="on">{t.ai.jsonModeOn}</option>
            <option value="off">{t.ai.jsonModeOff}</option>
          </select>
        </FormField>
      </div>
      <label className="aip__check">
        <input type="checkbox" checked={form.isDefault} onChange={(e) => set('isDefault', e.target.checked)} />
        {t.ai.isDefault}
      </label>
      <details>
        <summary>{t.ai.advanced}</summary>
        <div className="aip__grid" style={{ marginTop: '0.5rem' }}>
          <FormField id={id('timeoutMs')} label={t.ai.timeout} error={fields.timeoutMs}>
            <input id={id('timeoutMs')} className="input" type="number" min={1} max={600} value={form.timeoutS} onChange={(e) => set('timeoutS', e.target.value)} aria-invalid={!!fields.timeoutMs || undefined} aria-describedby={describedBy('timeoutMs', false)} />
          </FormField>
          <FormField id={id('maxRetries')} label={t.ai.retries} error={fields.maxRetries}>
            <input id={id('maxRetries')} className="input" type="number" min={0} max={10} value={form.maxRetries} onChange={(e) => set('maxRetries', e.target.value)} aria-invalid={!!fields.maxRetries || undefined} aria-describedby={describedBy('maxRetries', false)} />
          </FormField>
          <FormField id={id('concurrency')} label={t.ai.concurrency} error={fields.concurrency} hint={t.ai.concurrencyHint(preset.concurrency)}>
            <input
              id={id('concurrency')}
              className="input"
              type="number"
              min={1}
              max={32}
              value={form.concurrency}
              placeholder={String(preset.concurrency)}
              onChange={(e) => set('concurrency', e.target.value)}
              aria-invalid={!!fields.concurrency || undefined}
              aria-describedby={describedBy('concurrency', true)}
            />
          </FormField>
        </div>
        <fieldset className="aip__prices">
          <legend>{t.ai.prices}</legend>
          {form.prices.length > 0 ? (
            <table>
              <thead>
                <tr>
                  <th>{t.ai.priceModel}</th>
                  <th>{t.ai.priceInput}</th>
                  <th>{t.ai.priceOutput}</th>
                  <th>{t.ai.priceCurrency}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {form.prices.map((row, k) => {
                  const update = (patch: Partial<typeof row>) => set('prices', form.prices.map((r, j) => (j === k ? { ...r, ...patch } : r)));
                  return (
                    <tr key={k}>
                      <td>
                        <input className="input" aria-label={t.ai.priceModel} list={id('models')} value={row.model} onChange={(e) => update({ model: e.target.value })} />
                      </td>
                      <td>
                        <input className="input" aria-label={t.ai.priceInput} type="number" min={0} step="any" value={row.input} onChange={(e) => update({ input: e.target.value })} />
                      </td>
                      <td>
                        <input className="input" aria-label={t.ai.priceOutput} type="number" min={0} step="any" value={row.output} onChange={(e) => update({ output: e.target.value })} />
                      </td>
                      <td>
                        <select className="input" aria-label={t.ai.priceCurrency} value={row.currency} onChange={(e) => update({ currency: e.target.value as 'USD' | 'CNY' })}>
                          <option value="USD">USD</option>
                          <option value="CNY">CNY</option>
                        </select>
                      </td>
                      <td>
                        <button type="button" className="button button--ghost" onClick={() => set('prices', form.prices.filter((_, j) => j !== k))}>
                          {t.ai.removePrice}
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          ) : null}
          <button type="button" className="button button--ghost" onClick={() => set('prices', [...form.prices, { model: form.defaultModel || preset.defaultModel, input: '', output: '', currency: 'USD' }])}>
            {t.ai.addPrice}
          </button>
        </fieldset>
      </details>
      {status ? (
        <p className={`aip__result aip__result--${status.ok ? 'ok' : 'error'}`} role="status" data-testid="ai-provider-form-status">
          {status.text}
        </p>
      ) : null}
      <div className="aip__buttons">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? t.ai.saving : t.ai.save}
        </button>
        {form.id ? (
          <>
            <button type="button" className="button" onClick={runTest} disabled={test.isPending}>
              {test.isPending ? t.ai.testing : t.ai.test}
            </button>
            <button type="button" className="button" onClick={fetchModels} disabled={models.isPending}>
              {models.isPending ? t.ai.fetching : t.ai.fetchModels}
            </button>
          </>
        ) : null}
        <button type="button" className="button button--ghost" onClick={() => onDone(null)}>
          {t.ai.cancel}
        </button>
      </div>
    </form>
  );
}

/** A label above its control, with the error (or else the hint) below, linked by aria-describedby. */
function FormField({ id, label, error, hint, children }: { id: string; label: string; error?: string; hint?: string; children: ReactNode }) {
  return (
    <div className="aip__field">
      <label htmlFor={id}>{label}</label>
      {children}
      {error ? (
        <span className="aip__error" id={`${id}-error`} role="alert">
          {error}
        </span>
      ) : hint ? (
        <span className="aip__hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
    </div>
  );
}
