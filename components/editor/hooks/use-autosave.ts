'use client';
// Autosave: each settled change is saved after a short pause as a new StrategyVersion (the
// server numbers them). One save at a time; a note can be attached to the next save (import,
// template, restore) so the version list says where a version came from.
import { useCallback, useEffect, useRef, useState } from 'react';
import { trpc } from '@/components/trpc/client';
import type { TGraph } from '@/nodes/sdk/graph-schema';
import { createSaveQueue, type TSaveQueue, type TSaveState } from '../lib/save-queue';

export const AUTOSAVE_DEBOUNCE_MS = 1000;

export type TAutosaveStatus = TSaveState | { status: 'unsaved' };

export function useAutosave(strategyId: string, getGraph: () => TGraph, settledKey: string | null, initial: { key: string; version: number | null }) {
  const utils = trpc.useUtils();
  const save = trpc.strategy.saveGraph.useMutation();
  const saveRef = useRef(save.mutateAsync);
  saveRef.current = save.mutateAsync;
  const [state, setState] = useState<TSaveState>({ status: 'saved', version: initial.version });
  const [queue] = useState<TSaveQueue<TGraph>>(() => {
    const q = createSaveQueue<TGraph>(
      async (req) => {
        const res = await saveRef.current({ id: strategyId, graph: req.graph, ...(req.note ? { note: req.note } : {}) });
        void utils.strategy.listVersions.invalidate({ id: strategyId });
        return res;
      },
      setState,
    );
    q.markSaved(initial.key, initial.version);
    return q;
  });
  const note = useRef<string | undefined>(undefined);
  const pendingKey = useRef<string | null>(null);

  const request = useCallback(() => {
    pendingKey.current = null;
    const graph = getGraph();
    queue.request({ graph, key: JSON.stringify(graph), note: note.current });
    note.current = undefined;
  }, [getGraph, queue]);

  useEffect(() => {
    if (settledKey === null || settledKey === queue.savedKey()) {
      pendingKey.current = null;
      return;
    }
    pendingKey.current = settledKey;
    const timer = setTimeout(request, AUTOSAVE_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [settledKey, queue, request]);

  // Leaving the page: save what is pending at once, and ask the browser to hold on if a save
  // has not finished.
  useEffect(() => {
    const onHide = () => {
      if (pendingKey.current) request();
    };
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      onHide();
      if (queue.hasUnsaved()) e.preventDefault();
    };
    window.addEventListener('pagehide', onHide);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [queue, request]);

  const saveNow = useCallback(() => {
    if (pendingKey.current) request();
    else queue.flush();
  }, [queue, request]);
  const noteNext = useCallback((text: string) => {
    note.current = text;
  }, []);

  const unsaved = settledKey !== null && settledKey !== queue.savedKey() && state.status !== 'saving' && state.status !== 'error';
  const status: TAutosaveStatus = unsaved ? { status: 'unsaved' } : state;
  return { status, saveNow, noteNext };
}
