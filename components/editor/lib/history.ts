// Undo/redo over immutable snapshots. Edits that belong together (typing into one field) share a
// tag and coalesce into one step when they follow each other quickly.

export interface THistory<T> {
  past: T[];
  present: T;
  future: T[];
  /** tag and time of the last push, for coalescing */
  lastTag?: string;
  lastAt?: number;
}

export interface TPushOptions {
  /** pushes with the same tag within `coalesceMs` replace the present instead of adding a step */
  tag?: string;
  now?: number;
  coalesceMs?: number;
  /** steps kept in the past (oldest dropped first) */
  limit?: number;
}

export const HISTORY_LIMIT = 200;
export const COALESCE_MS = 1200;

export function createHistory<T>(present: T): THistory<T> {
  return { past: [], present, future: [] };
}

export function pushHistory<T>(h: THistory<T>, next: T, opts: TPushOptions = {}): THistory<T> {
  const now = opts.now ?? Date.now();
  const coalesceMs = opts.coalesceMs ?? COALESCE_MS;
  const limit = opts.limit ?? HISTORY_LIMIT;
  const coalesce = opts.tag !== undefined && opts.tag === h.lastTag && h.lastAt !== undefined && now - h.lastAt <= coalesceMs;
  if (coalesce) return { past: h.past, present: next, future: [], lastTag: opts.tag, lastAt: now };
  const past = [...h.past, h.present];
  if (past.length > limit) past.splice(0, past.length - limit);
  return { past, present: next, future: [], lastTag: opts.tag, lastAt: now };
}

export function canUndo(h: THistory<unknown>): boolean {
  return h.past.length > 0;
}

export function canRedo(h: THistory<unknown>): boolean {
  return h.future.length > 0;
}

/** Undo and redo end any coalescing run: the next edit is a step of its own. */
export function undoHistory<T>(h: THistory<T>): THistory<T> {
  if (h.past.length === 0) return h;
  const present = h.past[h.past.length - 1];
  return { past: h.past.slice(0, -1), present, future: [h.present, ...h.future] };
}

export function redoHistory<T>(h: THistory<T>): THistory<T> {
  if (h.future.length === 0) return h;
  const [present, ...future] = h.future;
  return { past: [...h.past, h.present], present, future };
}
