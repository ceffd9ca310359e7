'use client';
// Compiler problems shared with the canvas nodes through a tiny external store: after a compile
// only the nodes whose problems changed re-render (a context value would re-render all 300).
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { TCompileError } from '@/nodes/compile';
import { NO_PROBLEMS, type TProblems } from './lib/problems';

const NONE: readonly TCompileError[] = [];

export class ProblemsStore {
  private problems: TProblems = NO_PROBLEMS;
  private pruned = new Set<string>();
  private listeners = new Set<() => void>();

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  set(problems: TProblems) {
    // Keep the old array for nodes whose problems read the same, so their snapshot is unchanged.
    const byNode = new Map<string, TCompileError[]>();
    for (const [id, list] of problems.byNode) {
      const old = this.problems.byNode.get(id);
      byNode.set(id, old && sameErrors(old, list) ? old : list);
    }
    this.problems = { ...problems, byNode };
    this.pruned = new Set(problems.pruned);
    for (const l of this.listeners) l();
  }

  get = (): TProblems => this.problems;
  forNode = (id: string): readonly TCompileError[] => this.problems.byNode.get(id) ?? NONE;
  isPruned = (id: string): boolean => this.pruned.has(id);
}

function sameErrors(a: readonly TCompileError[], b: readonly TCompileError[]): boolean {
  return a.length === b.length && a.every((e, i) => e.code === b[i].code && e.message === b[i].message && e.field === b[i].field);
}

/** No problems: for canvases that only show a graph (version preview). */
export const EMPTY_PROBLEMS_STORE = new ProblemsStore();
export const ProblemsStoreContext = createContext<ProblemsStore>(EMPTY_PROBLEMS_STORE);

export function useNodeProblems(id: string): readonly TCompileError[] {
  const store = useContext(ProblemsStoreContext);
  return useSyncExternalStore(store.subscribe, () => store.forNode(id), () => NONE);
}

export function useNodePruned(id: string): boolean {
  const store = useContext(ProblemsStoreContext);
  return useSyncExternalStore(store.subscribe, () => store.isPruned(id), () => false);
}
