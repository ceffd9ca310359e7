'use client';
// Saved versions of the strategy (every autosave is one): list, preview one read-only, restore it
// (the restore is an ordinary, undoable edit that autosave then saves as a new version).
import { useMemo, useState } from 'react';
import { usePreferences, useT } from '@/components/preferences/PreferencesProvider';
import { trpc } from '@/components/trpc/client';
import { errorText } from '@/components/trpc/error-text';
import { Alert } from '@/components/ui/Alert';
import type { TMessages } from '@/messages/en-US';
import type { TGraph } from '@/nodes/sdk/graph-schema';
import { ReadOnlyGraph } from '../canvas/ReadOnlyGraph';

export function versionNote(note: string, t: TMessages): string {
  const n = t.editor.history.notes;
  if (note === '') return n.autosave;
  if (note === 'manual') return n.manual;
  if (note === 'import') return n.import;
  if (note.startsWith('template:')) return n.template(note.slice('template:'.length));
  if (note.startsWith('restore:')) return n.restore(note.slice('restore:'.length));
  return note;
}

export function VersionHistoryPanel({ strategyId, onRestore, onClose }: { strategyId: string; onRestore: (graph: TGraph, version: number) => void; onClose: () => void }) {
  const t = useT();
  const { locale } = usePreferences();
  const versions = trpc.strategy.listVersions.useQuery({ id: strategyId });
  const [selected, setSelected] = useState<number | null>(null);
  const preview = trpc.strategy.getVersion.useQuery({ id: strategyId, version: selected ?? 1 }, { enabled: selected !== null, staleTime: Infinity });
  const time = useMemo(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }), [locale]);
  const latest = versions.data?.[0]?.version;

  return (
    <aside className="studio-history" aria-label={t.editor.history.title} data-testid="version-history">
      <div className="studio-history__head">
        <h2>{t.editor.history.title}</h2>
        <button type="button" className="button button--ghost" onClick={onClose}>
          {t.editor.history.close}
        </button>
      </div>
      {versions.isPending ? <p className="muted">{t.editor.history.loading}</p> : null}
      {versions.error ? <Alert>{errorText(versions.error, t).message}</Alert> : null}
      {versions.data && versions.data.length === 0 ? <p className="muted">{t.editor.history.empty}</p> : null}
      {selected !== null ? (
        <div className="studio-history__preview" data-testid="version-preview">
          <p>
            <strong>{t.editor.history.previewing(selected)}</strong>
          </p>
          {preview.error ? <Alert>{errorText(preview.error, t).message}</Alert> : null}
          {preview.data ? (
            <>
              <PreviewCanvas graph={preview.data.graph} />
              <p className="muted">{t.editor.graphSummary(preview.data.graph.nodes.length, preview.data.graph.edges.length)}</p>
              <button type="button" className="button button--primary" onClick={() => onRestore(preview.data.graph, preview.data.version)}>
                {t.editor.history.restore}
              </button>
            </>
          ) : (
            <p className="muted">{t.common.loading}</p>
          )}
        </div>
      ) : null}
      <ol className="studio-history__list">
        {versions.data?.map((v) => (
          <li key={v.id}>
            <button type="button" className="studio-history__item" aria-pressed={selected === v.version} onClick={() => setSelected(v.version)} data-testid="version-item">
              <strong>{t.editor.history.version(v.version)}</strong>
              {v.version === latest ? <span className="studio-history__latest">{t.editor.history.latest}</span> : null}
              <span className="muted">{versionNote(v.note, t)}</span>
              <time dateTime={v.createdAt} className="muted">
                {time.format(new Date(v.createdAt))}
              </time>
            </button>
          </li>
        ))}
      </ol>
    </aside>
  );
}

/** A read-only canvas of a saved version. */
function PreviewCanvas({ graph }: { graph: TGraph }) {
  return (
    <div className="studio-history__canvas">
      <ReadOnlyGraph graph={graph} />
    </div>
  );
}
