'use client';
// The inspector for a selected group: its name, members (click one to go to it), collapse, ungroup.
import { useT } from '@/components/preferences/PreferencesProvider';
import type { TStudioGroup } from '../lib/groups';

export function GroupInspector({
  group,
  nodeTitle,
  onRename,
  onToggle,
  onUngroup,
  onFocusMember,
}: {
  group: TStudioGroup;
  nodeTitle: (id: string) => string;
  onRename: (label: string) => void;
  onToggle: () => void;
  onUngroup: () => void;
  onFocusMember: (id: string) => void;
}) {
  const t = useT();
  const g = t.editor.groups;
  return (
    <aside className="studio-inspector" aria-label={t.editor.inspector.title} data-testid="inspector">
      <header className="studio-inspector__header">
        <h2>{group.label}</h2>
        <p className="muted studio-inspector__type">{g.members(group.nodeIds.length)}</p>
      </header>
      <div className="studio-inspector__actions">
        <button type="button" className="button button--ghost" onClick={onToggle} aria-expanded={!group.collapsed}>
          {group.collapsed ? g.expand : g.collapse}
        </button>
        <button type="button" className="button button--ghost" onClick={onUngroup} title="Ctrl/⌘+Shift+G">
          {t.editor.toolbar.ungroup}
        </button>
      </div>
      <section className="studio-inspector__section">
        <div className="studio-field">
          <label className="studio-field__label" htmlFor={`group-${group.id}-label`}>
            {g.name}
          </label>
          <input id={`group-${group.id}-label`} className="input" type="text" maxLength={80} value={group.label} onChange={(e) => onRename(e.target.value)} />
        </div>
        <p className="studio-field__hint muted">{g.layoutOnly}</p>
      </section>
      <section className="studio-inspector__section">
        <ul className="studio-inspector__members">
          {group.nodeIds.map((id) => (
            <li key={id}>
              <button type="button" className="studio-problems__item studio-inspector__member" onClick={() => onFocusMember(id)}>
                {nodeTitle(id)} <code className="muted">{id}</code>
              </button>
            </li>
          ))}
        </ul>
      </section>
    </aside>
  );
}
