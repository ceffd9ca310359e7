'use client';
// Every compiler problem, graph-level first; clicking one selects its node and brings it into view.
import { useT } from '@/components/preferences/PreferencesProvider';
import { getNodeDefinition } from '@/nodes/registry';
import type { TStudioNode } from '../lib/flow-types';
import { problemText, type TProblems } from '../lib/problems';
import { useLang } from '../use-lang';

export function ProblemsList({ problems, nodes, onSelect }: { problems: TProblems; nodes: readonly TStudioNode[]; onSelect: (nodeId: string) => void }) {
  const t = useT();
  const lang = useLang();
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const name = (id: string) => {
    const n = byId.get(id);
    const def = n ? getNodeDefinition(n.data.type) : undefined;
    return n?.data.label || (def ? def.label[lang] : id);
  };
  if (problems.all.length === 0) {
    return (
      <div className="studio-problems" data-testid="problems">
        <p className="studio-problems__ok">✓ {t.editor.problems.none}</p>
        {problems.pruned.length > 0 ? <p className="muted">{t.editor.problems.pruned(problems.pruned.length)}</p> : null}
      </div>
    );
  }
  return (
    <div className="studio-problems" data-testid="problems">
      <ul>
        {problems.all.map((p, i) => (
          <li key={i}>
            {p.nodeId === null ? (
              <div className="studio-problems__item studio-problems__item--general">
                <strong>{t.editor.problems.strategy}</strong> {problemText(p, lang)}
              </div>
            ) : (
              <button type="button" className="studio-problems__item" onClick={() => onSelect(p.nodeId!)} data-testid="problem-item">
                <strong>{name(p.nodeId)}</strong> <code className="muted">{p.nodeId}</code> {problemText(p, lang)}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
