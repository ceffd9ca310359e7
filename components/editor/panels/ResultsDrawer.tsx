'use client';
// The bottom drawer: the backtest run bar and its results, and the problems list. Both tabs stay
// mounted (a running backtest keeps its state while the problems are shown). The top edge drags
// to resize.
import { useCallback, useRef, useState, type PointerEvent, type ReactNode } from 'react';
import { useT } from '@/components/preferences/PreferencesProvider';

export type TDrawerTab = 'backtest' | 'problems';

const MIN_HEIGHT = 120;

export function ResultsDrawer({
  tab,
  onTab,
  open,
  onOpen,
  problemCount,
  backtest,
  problems,
}: {
  tab: TDrawerTab;
  onTab: (tab: TDrawerTab) => void;
  open: boolean;
  onOpen: (open: boolean) => void;
  problemCount: number;
  backtest: ReactNode;
  problems: ReactNode;
}) {
  const t = useT();
  const [height, setHeight] = useState(280);
  const drag = useRef<{ y: number; h: number } | null>(null);

  const onPointerDown = useCallback(
    (e: PointerEvent<HTMLDivElement>) => {
      drag.current = { y: e.clientY, h: height };
      e.currentTarget.setPointerCapture(e.pointerId);
    },
    [height],
  );
  const onPointerMove = useCallback((e: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    const max = Math.max(MIN_HEIGHT, window.innerHeight * 0.8);
    setHeight(Math.min(max, Math.max(MIN_HEIGHT, drag.current.h + drag.current.y - e.clientY)));
  }, []);
  const onPointerUp = useCallback(() => {
    drag.current = null;
  }, []);

  const tabButton = (id: TDrawerTab, label: string) => (
    <button
      type="button"
      role="tab"
      id={`drawer-tab-${id}`}
      aria-selected={open && tab === id}
      aria-controls={`drawer-panel-${id}`}
      className="studio-drawer__tab"
      onClick={() => {
        if (open && tab === id) onOpen(false);
        else {
          onTab(id);
          onOpen(true);
        }
      }}
    >
      {label}
    </button>
  );

  return (
    <section className={`studio-drawer${open ? ' studio-drawer--open' : ''}`} aria-label={t.editor.drawer.label} style={open ? { height } : undefined} data-testid="results-drawer">
      {open ? (
        <div className="studio-drawer__resize" role="separator" aria-orientation="horizontal" onPointerDown={onPointerDown} onPointerMove={onPointerMove} onPointerUp={onPointerUp} />
      ) : null}
      <div className="studio-drawer__tabs" role="tablist">
        {tabButton('backtest', t.editor.drawer.backtest)}
        {tabButton('problems', `${t.editor.drawer.problems}${problemCount > 0 ? ` (${problemCount})` : ''}`)}
        <button type="button" className="button button--ghost studio-drawer__toggle" onClick={() => onOpen(!open)} aria-expanded={open}>
          {open ? `▾ ${t.editor.drawer.hide}` : `▴ ${t.editor.drawer.show}`}
        </button>
      </div>
      <div className="studio-drawer__panel" role="tabpanel" id="drawer-panel-backtest" aria-labelledby="drawer-tab-backtest" hidden={!open || tab !== 'backtest'}>
        {backtest}
      </div>
      <div className="studio-drawer__panel" role="tabpanel" id="drawer-panel-problems" aria-labelledby="drawer-tab-problems" hidden={!open || tab !== 'problems'}>
        {problems}
      </div>
    </section>
  );
}
