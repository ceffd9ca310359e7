// Autosave ordering: one save in flight at a time (the server numbers versions and refuses two
// concurrent saves of one strategy); changes made meanwhile are saved once it finishes, newest
// only. A failed save keeps the graph pending, to be retried by the next change or `flush()`.

export type TSaveState =
  | { status: 'saved'; version: number | null }
  | { status: 'saving' }
  | { status: 'error'; error: unknown };

export interface TSaveRequest<G> {
  graph: G;
  key: string;
  note?: string;
}

export interface TSaveQueue<G> {
  /** queue a graph (replaces any queued one); saves at once unless one is in flight */
  request: (req: TSaveRequest<G>) => void;
  /** mark the graph with this key as already saved (the loaded graph, a restored version) */
  markSaved: (key: string, version: number | null) => void;
  /** retry a failed save / save what is queued now */
  flush: () => void;
  savedKey: () => string | null;
  state: () => TSaveState;
  hasUnsaved: () => boolean;
}

export function createSaveQueue<G>(
  save: (req: TSaveRequest<G>) => Promise<{ version: number }>,
  onState: (s: TSaveState) => void,
): TSaveQueue<G> {
  let savedKey: string | null = null;
  let queued: TSaveRequest<G> | null = null;
  let inFlight: TSaveRequest<G> | null = null;
  let lastVersion: number | null = null;
  let state: TSaveState = { status: 'saved', version: null };
  const set = (s: TSaveState) => {
    state = s;
    onState(s);
  };

  const run = () => {
    if (inFlight || !queued) return;
    const req = queued;
    queued = null;
    if (req.key === savedKey) {
      if (state.status !== 'saved') set({ status: 'saved', version: lastVersion });
      return;
    }
    inFlight = req;
    set({ status: 'saving' });
    save(req).then(
      (res) => {
        inFlight = null;
        savedKey = req.key;
        lastVersion = res.version;
        if (queued && queued.key !== savedKey) run();
        else {
          queued = null;
          set({ status: 'saved', version: res.version });
        }
      },
      (error: unknown) => {
        inFlight = null;
        // Keep the newest unsaved graph queued so flush() or the next edit retries it.
        queued ??= req;
        set({ status: 'error', error });
      },
    );
  };

  return {
    request(req) {
      queued = req;
      if (inFlight) return;
      if (req.key === savedKey) {
        queued = null;
        if (state.status !== 'saved') set({ status: 'saved', version: lastVersion });
        return;
      }
      run();
    },
    markSaved(key, version) {
      savedKey = key;
      lastVersion = version;
      if (queued?.key === key) queued = null;
      if (!inFlight) set({ status: 'saved', version });
    },
    flush: run,
    savedKey: () => savedKey,
    state: () => state,
    hasUnsaved: () => inFlight !== null || (queued !== null && queued.key !== savedKey),
  };
}
