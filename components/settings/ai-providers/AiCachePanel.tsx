'use client';
// The user's decision cache: how many answers per model, export (download), import (upload), clear.
import { useState, type ChangeEvent } from 'react';
import { usePreferences } from '@/components/preferences/PreferencesProvider';
import { trpc } from '@/components/trpc/client';
import { errorText } from '@/components/trpc/error-text';
import { Alert } from '@/components/ui/Alert';
import { downloadFile } from '@/components/ui/download-file';

export function AiCachePanel() {
  const { t } = usePreferences();
  const utils = trpc.useUtils();
  const stats = trpc.aiCache.stats.useQuery();
  const importCache = trpc.aiCache.import.useMutation();
  const clear = trpc.aiCache.clear.useMutation();
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function download() {
    setNotice(null);
    setBusy(true);
    try {
      const data = await utils.aiCache.export.fetch({});
      downloadFile(`nofx-ai-cache-${data.exportedAt.slice(0, 10)}.json`, JSON.stringify(data, null, 1));
    } catch (error) {
      setNotice({ kind: 'error', text: errorText(error, t).message });
    } finally {
      setBusy(false);
    }
  }

  async function upload(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setNotice(null);
    let data: unknown;
    try {
      data = JSON.parse(await file.text());
    } catch {
      setNotice({ kind: 'error', text: t.ai.cache.notJson });
      return;
    }
    try {
      const r = await importCache.mutateAsync({ data });
      setNotice({ kind: 'success', text: t.ai.cache.imported(r.imported, r.existing, r.rejected) });
      await utils.aiCache.stats.invalidate();
    } catch (error) {
      setNotice({ kind: 'error', text: errorText(error, t).message });
    }
  }

  async function forget() {
    if (!window.confirm(t.ai.cache.confirmClear)) return;
    setNotice(null);
    try {
      const r = await clear.mutateAsync({});
      setNotice({ kind: 'success', text: t.ai.cache.cleared(r.deleted) });
      await utils.aiCache.stats.invalidate();
    } catch (error) {
      setNotice({ kind: 'error', text: errorText(error, t).message });
    }
  }

  const s = stats.data;
  return (
    <div className="aip__cache" data-testid="ai-cache">
      <h3>{t.ai.cache.title}</h3>
      <p className="muted">{t.ai.cache.intro}</p>
      {notice ? <Alert kind={notice.kind}>{notice.text}</Alert> : null}
      {s ? (
        s.entries === 0 ? (
          <p className="muted">{t.ai.cache.empty}</p>
        ) : (
          <>
            <p>
              {t.ai.cache.entries(s.entries)}
              {s.oldest && s.newest ? <span className="muted"> · {t.ai.cache.range(s.oldest.slice(0, 10), s.newest.slice(0, 10))}</span> : null}
            </p>
            <table>
              <thead>
                <tr>
                  <th>{t.ai.cache.provider}</th>
                  <th>{t.ai.cache.model}</th>
                  <th>{t.ai.cache.count}</th>
                </tr>
              </thead>
              <tbody>
                {s.byModel.map((row) => (
                  <tr key={`${row.provider}|${row.model}`}>
                    <td>{row.provider}</td>
                    <td>{row.model}</td>
                    <td className="num">{row.entries}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )
      ) : null}
      <div className="aip__buttons">
        <button type="button" className="button" onClick={download} disabled={busy || !s || s.entries === 0}>
          {t.ai.cache.export}
        </button>
        <label className="button aip__file">
          {t.ai.cache.import}
          <input type="file" accept="application/json,.json" onChange={upload} />
        </label>
        <button type="button" className="button button--danger" onClick={forget} disabled={clear.isPending || !s || s.entries === 0}>
          {t.ai.cache.clear}
        </button>
      </div>
    </div>
  );
}
