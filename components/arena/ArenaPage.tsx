'use client';
// The Debate Arena: set up a debate or reopen a past one on the left, watch it on the right.
// The open debate is in the URL (?debate=<id>) so it can be reloaded and shared between tabs.
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback } from 'react';
import { usePreferences } from '@/components/preferences/PreferencesProvider';
import { DebateList } from './DebateList';
import { DebateSetupForm } from './DebateSetupForm';
import { DebateView } from './DebateView';
import './arena.css';

export function ArenaPage() {
  const { t } = usePreferences();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const selected = params.get('debate');
  const select = useCallback((id: string | null) => router.replace(id ? `${pathname}?debate=${encodeURIComponent(id)}` : pathname, { scroll: false }), [router, pathname]);

  return (
    <section className="page arena" data-testid="arena-page">
      <div className="page__header">
        <h1>{t.arena.title}</h1>
      </div>
      <p className="muted">{t.arena.intro}</p>
      <div className="arena-layout">
        <div className="arena-side">
          <DebateSetupForm onStarted={(id) => select(id)} />
          <DebateList selected={selected} onOpen={(id) => select(id)} onDeleted={(id) => (id === selected ? select(null) : undefined)} />
        </div>
        <div className="arena-main">
          {selected ? (
            <DebateView key={selected} debateId={selected} />
          ) : (
            <div className="card placeholder">
              <p>{t.arena.placeholder}</p>
            </div>
          )}
        </div>
      </div>
    </section>
  );
}
