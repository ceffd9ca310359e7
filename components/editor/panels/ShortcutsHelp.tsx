'use client';
// The keyboard-shortcut list, as a small dialog opened from the toolbar or with "?".
import { useEffect, useRef } from 'react';
import { useT } from '@/components/preferences/PreferencesProvider';

export function ShortcutsHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} className="studio-dialog" aria-labelledby="shortcuts-title" onClose={onClose} onClick={(e) => e.target === ref.current && onClose()}>
      <div className="studio-dialog__body">
        <h2 id="shortcuts-title">{t.editor.shortcuts.title}</h2>
        <table className="studio-shortcuts">
          <tbody>
            {t.editor.shortcuts.items.map(([keys, action]) => (
              <tr key={keys}>
                <td>
                  <kbd>{keys}</kbd>
                </td>
                <td>{action}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" className="button" onClick={onClose} autoFocus>
          {t.editor.shortcuts.close}
        </button>
      </div>
    </dialog>
  );
}
