'use client';
import { useState, type FormEvent } from 'react';
import { useT } from '@/components/preferences/PreferencesProvider';
import { trpc } from '@/components/trpc/client';
import { errorText } from '@/components/trpc/error-text';
import { Alert } from '@/components/ui/Alert';
import type { TProviderSettingsDto } from '@/server/services/market/provider-settings';

export function ProviderSettingsPanel() {
  const t = useT();
  const list = trpc.market.providerSettings.useQuery();
  if (list.error) return <Alert>{errorText(list.error, t).message}</Alert>;
  if (!list.data) return <p className="muted">{t.common.loading}</p>;
  return (
    <div className="data-providers">
      {list.data.map((p) => (
        <ProviderCard key={p.provider} settings={p} />
      ))}
    </div>
  );
}

/** One provider's base URL, key (write-only: only a hint comes back), rate limit and switch. */
function ProviderCard({ settings }: { settings: TProviderSettingsDto }) {
  const t = useT();
  const utils = trpc.useUtils();
  const save = trpc.market.saveProviderSettings.useMutation();
  const [baseUrl, setBaseUrl] = useState(settings.baseUrl);
  const [credential, setCredential] = useState('');
  const [rate, setRate] = useState(String(settings.rateLimitPerMin));
  const [enabled, setEnabled] = useState(settings.enabled);
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const name = t.data.providers[settings.provider];
  const id = (f: string) => `provider-${settings.provider}-${f}`;

  async function submit(e: FormEvent, removeCredential = false) {
    e.preventDefault();
    setNotice(null);
    try {
      await save.mutateAsync({
        provider: settings.provider,
        enabled,
        baseUrl: baseUrl.trim() === settings.defaultBaseUrl ? '' : baseUrl.trim(),
        credential: removeCredential ? '' : credential.trim() || undefined,
        rateLimitPerMin: rate.trim() === '' ? null : Number(rate),
      });
      setCredential('');
      setNotice({ kind: 'success', text: t.data.providerSaved(name) });
      await utils.market.providerSettings.invalidate();
    } catch (err) {
      const text = errorText(err, t);
      setNotice({ kind: 'error', text: Object.values(text.fields)[0] ?? text.message });
    }
  }

  return (
    <form className="card" onSubmit={submit} aria-label={name} data-testid={`provider-${settings.provider}`}>
      <h3>{name}</h3>
      <p className="muted">{t.data.providerNotes[settings.provider]}</p>
      <div className="data-form">
        <label htmlFor={id('url')}>
          {t.data.baseUrl}
          <input id={id('url')} className="input" value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} />
        </label>
        <label htmlFor={id('key')}>
          {t.data.credential}
          <input id={id('key')} className="input" type="password" autoComplete="off" value={credential} onChange={(e) => setCredential(e.target.value)} />
          <span className="field__hint">{settings.hasCredential ? t.data.credentialStored(settings.credentialHint ?? '…') : settings.needsCredential ? t.data.credentialNone : t.data.credentialNotNeeded}</span>
        </label>
        <label htmlFor={id('rate')}>
          {t.data.rateLimit}
          <input id={id('rate')} className="input" type="number" min={1} max={6000} value={rate} onChange={(e) => setRate(e.target.value)} />
        </label>
        <label className="data-check">
          <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} /> {t.data.enabled}
        </label>
      </div>
      <p>
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {t.data.saveProvider}
        </button>{' '}
        {settings.hasCredential ? (
          <button type="button" className="button button--ghost" onClick={(e) => submit(e as unknown as FormEvent, true)}>
            {t.data.removeCredential}
          </button>
        ) : null}
      </p>
      {notice ? <Alert kind={notice.kind}>{notice.text}</Alert> : null}
    </form>
  );
}
