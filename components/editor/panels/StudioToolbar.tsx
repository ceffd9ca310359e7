'use client';
// The editor's header: back link, strategy name, autosave status, and the tools (undo/redo,
// layout, view toggles, templates, import/export, versions, shortcuts).
import Link from 'next/link';
import { useRef, type ChangeEvent } from 'react';
import { useT } from '@/components/preferences/PreferencesProvider';
import { errorText } from '@/components/trpc/error-text';
import { TEMPLATES } from '@/templates';
import type { TAutosaveStatus } from '../hooks/use-autosave';
import { useLang } from '../use-lang';

export interface TToolbarProps {
  name: string;
  save: TAutosaveStatus;
  onSaveNow: () => void;
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  onLayout: () => void;
  onFit: () => void;
  snapToGrid: boolean;
  onSnapToGrid: (on: boolean) => void;
  showMinimap: boolean;
  onMinimap: (on: boolean) => void;
  onTemplate: (id: string) => void;
  onImportText: (text: string) => void;
  onExport: () => void;
  historyOpen: boolean;
  onHistory: () => void;
  onShortcuts: () => void;
  problemCount: number;
  onProblems: () => void;
}

export function StudioToolbar(p: TToolbarProps) {
  const t = useT();
  const lang = useLang();
  const file = useRef<HTMLInputElement>(null);
  const tb = t.editor.toolbar;

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    e.target.value = '';
    if (f) p.onImportText(await f.text());
  };

  return (
    <header className="studio-header">
      <div className="studio-header__title">
        <Link href="/strategies" className="studio-header__back" title={t.editor.back}>
          ← <span className="sr-only">{t.editor.back}</span>
        </Link>
        <h1>
          <span className="studio-header__studio">{t.editor.studio}</span> <span data-testid="strategy-name">{p.name}</span>
        </h1>
        <SaveStatus save={p.save} onSaveNow={p.onSaveNow} />
      </div>
      <div className="studio-toolbar" role="toolbar" aria-label={tb.label}>
        <button type="button" className="button button--ghost" onClick={p.onUndo} disabled={!p.canUndo} title={`${tb.undo} (Ctrl/⌘+Z)`}>
          ↶ {tb.undo}
        </button>
        <button type="button" className="button button--ghost" onClick={p.onRedo} disabled={!p.canRedo} title={`${tb.redo} (Ctrl/⌘+Shift+Z)`}>
          ↷ {tb.redo}
        </button>
        <span className="studio-toolbar__sep" />
        <button type="button" className="button button--ghost" onClick={p.onLayout} title={`${tb.autoLayout} (Shift+L)`}>
          {tb.autoLayout}
        </button>
        <button type="button" className="button button--ghost" onClick={p.onFit} title={`${tb.fitView} (Shift+F)`}>
          {tb.fitView}
        </button>
        <button type="button" className="button button--ghost" aria-pressed={p.snapToGrid} onClick={() => p.onSnapToGrid(!p.snapToGrid)}>
          {tb.snapToGrid}
        </button>
        <button type="button" className="button button--ghost" aria-pressed={p.showMinimap} onClick={() => p.onMinimap(!p.showMinimap)}>
          {tb.minimap}
        </button>
        <span className="studio-toolbar__sep" />
        <select
          className="select studio-toolbar__templates"
          aria-label={tb.templates}
          value=""
          onChange={(e) => {
            if (e.target.value) p.onTemplate(e.target.value);
          }}
        >
          <option value="">{tb.templatesPlaceholder}</option>
          {TEMPLATES.map((tpl) => (
            <option key={tpl.id} value={tpl.id}>
              {tpl.title[lang]}
            </option>
          ))}
        </select>
        <button type="button" className="button button--ghost" onClick={() => file.current?.click()}>
          {tb.import}
        </button>
        <input ref={file} type="file" accept=".json,application/json" className="sr-only" tabIndex={-1} aria-label={tb.import} data-testid="import-file" onChange={onFile} />
        <button type="button" className="button button--ghost" onClick={p.onExport}>
          {tb.export}
        </button>
        <span className="studio-toolbar__sep" />
        <button type="button" className={`button button--ghost studio-toolbar__problems${p.problemCount > 0 ? ' studio-toolbar__problems--bad' : ''}`} onClick={p.onProblems} data-testid="problem-count">
          {p.problemCount > 0 ? '⚠ ' : '✓ '}
          {tb.problems(p.problemCount)}
        </button>
        <button type="button" className="button button--ghost" aria-pressed={p.historyOpen} onClick={p.onHistory}>
          {tb.history}
        </button>
        <button type="button" className="button button--ghost icon-button" onClick={p.onShortcuts} aria-label={tb.shortcuts} title={`${tb.shortcuts} (?)`}>
          ?
        </button>
      </div>
    </header>
  );
}

function SaveStatus({ save, onSaveNow }: { save: TAutosaveStatus; onSaveNow: () => void }) {
  const t = useT();
  const s = t.editor.save;
  return (
    <span className={`studio-save studio-save--${save.status}`} role="status" data-testid="save-status">
      {save.status === 'saved' ? s.saved(save.version) : save.status === 'saving' ? s.saving : save.status === 'unsaved' ? s.unsaved : s.failed(errorText(save.error, t).message)}
      {save.status === 'error' ? (
        <button type="button" className="button button--ghost studio-save__retry" onClick={onSaveNow}>
          {s.retry}
        </button>
      ) : null}
    </span>
  );
}
