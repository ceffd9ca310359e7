'use client';
// Keyboard shortcuts of the editor (listed in the help popover). Typing in a field keeps the
// field's own keys (text undo, copy/paste of text); Delete/Backspace and arrow keys are React
// Flow's own. Copy/paste go through the clipboard events so the system clipboard carries the
// nodes too, with localStorage as the fallback when the event does not come.
import { useEffect, useRef } from 'react';
import type { TEditorActions } from './use-editor-actions';

export interface TShortcutHandlers {
  actions: TEditorActions;
  undo: () => void;
  redo: () => void;
  saveNow: () => void;
  group: () => void;
  ungroup: () => void;
  focusSearch: () => void;
  showHelp: () => void;
}

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest('input, textarea, select, [contenteditable="true"]') !== null;
}

export function useEditorShortcuts(handlers: TShortcutHandlers) {
  const ref = useRef(handlers);
  ref.current = handlers;

  useEffect(() => {
    let pasteFallback: ReturnType<typeof setTimeout> | null = null;

    const onKeyDown = (e: KeyboardEvent) => {
      const h = ref.current;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === 's') {
        e.preventDefault();
        h.saveNow();
        return;
      }
      if (isTypingTarget(e.target)) return;
      if (mod && key === 'z') {
        e.preventDefault();
        if (e.shiftKey) h.redo();
        else h.undo();
      } else if (mod && key === 'y') {
        e.preventDefault();
        h.redo();
      } else if (mod && key === 'a') {
        e.preventDefault();
        h.actions.selectAll();
      } else if (mod && key === 'd') {
        e.preventDefault();
        h.actions.duplicateSelection();
      } else if (mod && key === 'g') {
        e.preventDefault();
        if (e.shiftKey) h.ungroup();
        else h.group();
      } else if (mod && key === 'c') {
        h.actions.copySelection();
      } else if (mod && key === 'x') {
        h.actions.cutSelection();
      } else if (mod && key === 'v') {
        // The paste event normally follows; if it does not, paste from localStorage.
        pasteFallback = setTimeout(() => {
          pasteFallback = null;
          ref.current.actions.paste(null);
        }, 60);
      } else if (!mod && !e.altKey && e.shiftKey && key === 'l') {
        e.preventDefault();
        h.actions.autoLayout();
      } else if (!mod && !e.altKey && e.shiftKey && key === 'f') {
        e.preventDefault();
        h.actions.fitView();
      } else if (!mod && e.key === '/') {
        e.preventDefault();
        h.focusSearch();
      } else if (!mod && e.key === '?') {
        e.preventDefault();
        h.showHelp();
      }
    };

    const onCopy = (e: ClipboardEvent) => {
      if (isTypingTarget(e.target) || hasTextSelection()) return;
      const clip = ref.current.actions.clipboardText();
      if (!clip || !e.clipboardData) return;
      e.clipboardData.setData('text/plain', clip);
      e.preventDefault();
    };
    const onPaste = (e: ClipboardEvent) => {
      if (isTypingTarget(e.target)) return;
      if (pasteFallback) {
        clearTimeout(pasteFallback);
        pasteFallback = null;
      }
      e.preventDefault();
      ref.current.actions.paste(e.clipboardData?.getData('text/plain') ?? null);
    };

    window.addEventListener('keydown', onKeyDown);
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCopy);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCopy);
      document.removeEventListener('paste', onPaste);
      if (pasteFallback) clearTimeout(pasteFallback);
    };
  }, []);
}

function hasTextSelection(): boolean {
  const sel = typeof window !== 'undefined' ? window.getSelection() : null;
  return !!sel && !sel.isCollapsed && sel.toString().trim() !== '';
}
