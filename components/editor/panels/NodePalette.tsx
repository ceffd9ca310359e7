'use client';
// The node palette, generated from the registry: categories, search in both languages, drag an
// entry onto the canvas or press it (Enter/click) to add it in the middle of the view.
import { forwardRef, useDeferredValue, useMemo, useState, type DragEvent } from 'react';
import { useT } from '@/components/preferences/PreferencesProvider';
import { NODE_LIST } from '@/nodes/registry';
import { PORT_COLORS } from '@/nodes/sdk/ports';
import type { TAnyNodeDefinition } from '@/nodes/sdk/define-node';
import { paletteGroups } from '../lib/palette';
import { useLang } from '../use-lang';

/** dataTransfer type carrying the node type from the palette to the canvas */
export const PALETTE_DRAG_TYPE = 'application/x-nofx-node-type';

export const NodePalette = forwardRef<HTMLInputElement, { onAdd: (type: string) => void }>(function NodePalette({ onAdd }, searchRef) {
  const t = useT();
  const lang = useLang();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const groups = useMemo(() => paletteGroups(NODE_LIST, deferred), [deferred]);
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const searching = deferred.trim() !== '';

  const toggle = (category: string) =>
    setCollapsed((c) => {
      const next = new Set(c);
      if (next.has(category)) next.delete(category);
      else next.add(category);
      return next;
    });

  return (
    <aside className="studio-palette" aria-label={t.editor.palette.title}>
      <div className="studio-palette__head">
        <h2>{t.editor.palette.title}</h2>
        <label className="sr-only" htmlFor="palette-search">
          {t.editor.palette.search}
        </label>
        <input
          id="palette-search"
          ref={searchRef}
          className="input studio-palette__search"
          type="search"
          placeholder={t.editor.palette.searchPlaceholder}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            // Enter in the search adds the best match.
            if (e.key === 'Enter' && groups[0]?.items[0]) {
              e.preventDefault();
              onAdd(groups[0].items[0].type);
            }
            if (e.key === 'Escape') setQuery('');
          }}
          autoComplete="off"
        />
        <p className="studio-palette__hint muted">{t.editor.palette.hint}</p>
      </div>
      <div className="studio-palette__list" data-testid="palette">
        {groups.length === 0 ? <p className="muted studio-palette__empty">{t.editor.palette.noMatch}</p> : null}
        {groups.map((g) => {
          const open = searching || !collapsed.has(g.category);
          return (
            <section key={g.category} className={`studio-palette__group studio-palette__group--${g.category}`}>
              <h3>
                <button type="button" className="studio-palette__group-toggle" aria-expanded={open} onClick={() => toggle(g.category)}>
                  <span aria-hidden="true">{open ? '▾' : '▸'}</span> {t.editor.palette.categories[g.category]}
                  <span className="muted studio-palette__count">{g.items.length}</span>
                </button>
              </h3>
              {open ? (
                <ul>
                  {g.items.map((def) => (
                    <PaletteItem key={def.type} def={def} lang={lang} onAdd={onAdd} addLabel={t.editor.palette.add(def.label[lang])} />
                  ))}
                </ul>
              ) : null}
            </section>
          );
        })}
      </div>
    </aside>
  );
});

function PaletteItem({ def, lang, onAdd, addLabel }: { def: TAnyNodeDefinition; lang: 'en' | 'zh'; onAdd: (type: string) => void; addLabel: string }) {
  const onDragStart = (e: DragEvent) => {
    e.dataTransfer.setData(PALETTE_DRAG_TYPE, def.type);
    e.dataTransfer.setData('text/plain', def.type);
    e.dataTransfer.effectAllowed = 'copy';
  };
  const other = lang === 'zh' ? def.label.en : def.label.zh;
  const ports = [...Object.values(def.outputs)];
  return (
    <li>
      <button
        type="button"
        className="studio-palette__item"
        draggable
        onDragStart={onDragStart}
        onClick={() => onAdd(def.type)}
        title={`${def.description[lang]}\n${def.type}`}
        aria-label={addLabel}
        data-node-type={def.type}
      >
        <span className="studio-palette__item-label">{def.label[lang]}</span>
        <span className="studio-palette__item-other">{other}</span>
        <span className="studio-palette__item-ports" aria-hidden="true">
          {ports.map((p, i) => (
            <span key={i} className="studio-palette__dot" style={{ background: PORT_COLORS[p.type] }} />
          ))}
        </span>
      </button>
    </li>
  );
}
