'use client';
// Undo/redo over settled graphs (groups included: they are part of the saved graph). Every settled change of the saved form becomes a step (so any
// edit is undoable, however it was made); edits tagged alike in quick succession (typing into
// one field) coalesce into one step.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TGraph } from '@/nodes/sdk/graph-schema';
import { canRedo, canUndo, createHistory, pushHistory, redoHistory, undoHistory, type THistory } from '../lib/history';

type TEntry = { graph: TGraph; key: string };

export function useGraphHistory(graph: TGraph, settledKey: string | null, apply: (g: TGraph) => void) {
  const [history, setHistory] = useState<THistory<TEntry>>(() => createHistory({ graph, key: settledKey ?? '' }));
  const ref = useRef(history);
  const nextTag = useRef<string | undefined>(undefined);

  useEffect(() => {
    if (settledKey === null || settledKey === ref.current.present.key) return;
    ref.current = pushHistory(ref.current, { graph, key: settledKey }, { tag: nextTag.current });
    nextTag.current = undefined;
    setHistory(ref.current);
  }, [graph, settledKey]);

  const move = useCallback(
    (step: (h: THistory<TEntry>) => THistory<TEntry>) => {
      const next = step(ref.current);
      if (next === ref.current) return false;
      ref.current = next;
      setHistory(next);
      apply(next.present.graph);
      return true;
    },
    [apply],
  );
  const undo = useCallback(() => move(undoHistory), [move]);
  const redo = useCallback(() => move(redoHistory), [move]);
  /** Tag the next change (e.g. "param:sma:period") so quick repeats coalesce. */
  const tagNext = useCallback((tag: string) => {
    nextTag.current = tag;
  }, []);

  return { undo, redo, canUndo: canUndo(history), canRedo: canRedo(history), tagNext };
}
