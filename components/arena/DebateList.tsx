'use client';
// Past debates, newest first: reopen one, or delete it.
import { usePreferences } from '@/components/preferences/PreferencesProvider';
import { trpc } from '@/components/trpc/client';
import { errorText } from '@/components/trpc/error-text';
import { Alert } from '@/components/ui/Alert';
import { barDate } from './debate-feed';

export function DebateList({ selected, onOpen, onDeleted }: { selected: string | null; onOpen: (id: string) => void; onDeleted: (id: string) => void }) {
  const { t } = usePreferences();
  const utils = trpc.useUtils();
  const list = trpc.arena.list.useQuery({}, { refetchInterval: (q) => (q.state.data?.some((d) => d.status === 'running') ? 3000 : false) });
  const remove = trpc.arena.delete.useMutation();

  async function destroy(id: string) {
    if (!window.confirm(t.arena.confirmDelete)) return;
    await remove.mutateAsync({ id });
    await utils.arena.list.invalidate();
    onDeleted(id);
  }

  return (
    <section className="card arena-list" aria-labelledby="arena-past-title" data-testid="arena-list">
      <h2 id="arena-past-title">{t.arena.past}</h2>
      {list.error ? <Alert>{errorText(list.error, t).message}</Alert> : null}
      {remove.error ? <Alert>{errorText(remove.error, t).message}</Alert> : null}
      {list.data?.length === 0 ? <p className="muted">{t.arena.pastEmpty}</p> : null}
      <ul>
        {list.data?.map((d) => (
          <li key={d.id} className={`arena-list__item ${d.id === selected ? 'arena-list__item--selected' : ''}`} data-testid="arena-list-item">
            <button type="button" className="arena-list__open" aria-current={d.id === selected || undefined} onClick={() => onOpen(d.id)}>
              <span className="arena-list__symbol">{d.symbol}</span>
              <span className="muted"> {barDate(d.barTime)}</span>
              <span className="arena-list__meta">
                {d.verdict ? (
                  <span className={`arena-action arena-action--${d.verdict.action}`}>
                    {t.ai.actions[d.verdict.action]} {Math.round(d.verdict.confidence * 100)}%
                  </span>
                ) : null}{' '}
                <span className="muted">
                  {t.arena.status[d.status] ?? d.status} · {d.participants.map((p) => t.ai.roles[p.role] ?? p.role).join(' / ')}
                </span>
              </span>
            </button>
            <button type="button" className="icon-button" aria-label={`${t.arena.delete} ${d.symbol}`} onClick={() => void destroy(d.id)}>
              ×
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
