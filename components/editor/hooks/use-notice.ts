'use client';
// One short message at a time (copied, pasted, why a connection was refused…), cleared after a while.
import { useCallback, useEffect, useState } from 'react';

export type TNotice = { id: number; message: string; kind: 'info' | 'error' };

export function useNotice(ms = 5000) {
  const [notice, setNotice] = useState<TNotice | null>(null);
  const notify = useCallback((message: string, kind: 'info' | 'error' = 'info') => {
    setNotice((n) => ({ id: (n?.id ?? 0) + 1, message, kind }));
  }, []);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), notice.kind === 'error' ? ms * 1.5 : ms);
    return () => clearTimeout(timer);
  }, [notice, ms]);
  return { notice, notify, dismiss: () => setNotice(null) };
}
