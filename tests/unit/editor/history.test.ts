import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, createHistory, pushHistory, redoHistory, undoHistory } from '@/components/editor/lib/history';

describe('editor history', () => {
  it('undoes and redoes steps in order', () => {
    let h = createHistory('a');
    h = pushHistory(h, 'b');
    h = pushHistory(h, 'c');
    expect(canUndo(h)).toBe(true);
    expect(canRedo(h)).toBe(false);
    h = undoHistory(h);
    expect(h.present).toBe('b');
    h = undoHistory(h);
    expect(h.present).toBe('a');
    expect(canUndo(h)).toBe(false);
    expect(undoHistory(h)).toBe(h);
    h = redoHistory(h);
    expect(h.present).toBe('b');
    h = redoHistory(h);
    expect(h.present).toBe('c');
    expect(redoHistory(h)).toBe(h);
  });

  it('a new edit after undo drops the redo branch', () => {
    let h = pushHistory(pushHistory(createHistory(1), 2), 3);
    h = undoHistory(undoHistory(h));
    h = pushHistory(h, 9);
    expect(h.present).toBe(9);
    expect(h.past).toEqual([1]);
    expect(canRedo(h)).toBe(false);
  });

  it('coalesces edits with the same tag that follow each other quickly', () => {
    let h = createHistory('');
    h = pushHistory(h, 'p', { tag: 'param:sma:period', now: 1000 });
    h = pushHistory(h, 'pe', { tag: 'param:sma:period', now: 1500 });
    h = pushHistory(h, 'per', { tag: 'param:sma:period', now: 2000 });
    expect(h.past).toEqual(['']);
    expect(h.present).toBe('per');
    // Too late: a new step.
    h = pushHistory(h, 'perx', { tag: 'param:sma:period', now: 9000 });
    expect(h.past).toEqual(['', 'per']);
    // Another field: a new step.
    h = pushHistory(h, 'y', { tag: 'param:sma:other', now: 9100 });
    expect(h.past).toEqual(['', 'per', 'perx']);
    // Untagged edits never coalesce.
    h = pushHistory(h, 'z1', { now: 9200 });
    h = pushHistory(h, 'z2', { now: 9300 });
    expect(h.past.slice(-2)).toEqual(['y', 'z1']);
  });

  it('undo ends a coalescing run', () => {
    let h = createHistory(0);
    h = pushHistory(h, 1, { tag: 't', now: 0 });
    h = undoHistory(h);
    h = pushHistory(h, 2, { tag: 't', now: 10 });
    expect(h.past).toEqual([0]);
    expect(h.present).toBe(2);
  });

  it('keeps at most `limit` past steps', () => {
    let h = createHistory(0);
    for (let i = 1; i <= 10; i++) h = pushHistory(h, i, { limit: 3 });
    expect(h.past).toEqual([7, 8, 9]);
    expect(h.present).toBe(10);
  });
});
