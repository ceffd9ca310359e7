'use client';
// Compiles the graph in the browser as the user edits (debounced) and publishes the problems to
// the canvas nodes (store) and the panels (state).
import { useEffect, useRef, useState } from 'react';
import type { TGraph } from '@/nodes/sdk/graph-schema';
import { collectProblems, NO_PROBLEMS, type TProblems } from '../lib/problems';
import { ProblemsStore } from '../problems-store';

export const COMPILE_DEBOUNCE_MS = 150;

export function useCompileProblems(getGraph: () => TGraph, settledKey: string | null) {
  const [store] = useState(() => new ProblemsStore());
  const [problems, setProblems] = useState<TProblems>(NO_PROBLEMS);
  const first = useRef(true);

  useEffect(() => {
    if (settledKey === null) return;
    const run = () => {
      const p = collectProblems(getGraph());
      store.set(p);
      setProblems(p);
    };
    // The first compile runs at once so a loaded strategy shows its problems immediately.
    if (first.current) {
      first.current = false;
      run();
      return;
    }
    const timer = setTimeout(run, COMPILE_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [settledKey, getGraph, store]);

  return { store, problems };
}
