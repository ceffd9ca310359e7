'use client';
import { useEffect, useState } from 'react';
import { usePreferences } from '@/components/preferences/PreferencesProvider';

export function ThemeToggle() {
  const { theme, setTheme, t } = usePreferences();
  // With no saved choice the OS decides; only the browser knows which that is.
  const [systemDark, setSystemDark] = useState(false);
  useEffect(() => {
    const mq = window.matchMedia('(prefers-color-scheme: dark)');
    setSystemDark(mq.matches);
    const onChange = (e: MediaQueryListEvent) => setSystemDark(e.matches);
    mq.addEventListener('change', onChange);
    return () => mq.removeEventListener('change', onChange);
  }, []);
  const dark = theme === 'dark' || (theme === 'system' && systemDark);
  const label = dark ? t.common.switchToLight : t.common.switchToDark;
  return (
    <button type="button" className="button button--ghost icon-button" aria-label={label} title={label} data-testid="theme-toggle" onClick={() => setTheme(dark ? 'light' : 'dark')}>
      {dark ? '☀' : '☾'}
    </button>
  );
}
