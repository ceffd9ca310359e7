'use client';
// Canvas and SVG charts need concrete colours: read the theme's CSS variables, again whenever the
// theme, the market-colour convention or the OS colour scheme changes.
import { useEffect, useState } from 'react';
import { usePreferences } from '@/components/preferences/PreferencesProvider';

export type TThemeColors = { up: string; down: string; accent: string; muted: string; border: string; text: string; surface: string; warn: string };

const FALLBACK: TThemeColors = { up: '#15803d', down: '#c62828', accent: '#2458d6', muted: '#5b6472', border: '#d7dce3', text: '#16181d', surface: '#ffffff', warn: '#b45309' };

function read(): TThemeColors {
  if (typeof document === 'undefined') return FALLBACK;
  const style = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    up: v('--up', FALLBACK.up),
    down: v('--down', FALLBACK.down),
    accent: v('--accent', FALLBACK.accent),
    muted: v('--muted', FALLBACK.muted),
    border: v('--border', FALLBACK.border),
    text: v('--text', FALLBACK.text),
    surface: v('--surface', FALLBACK.surface),
    warn: FALLBACK.warn,
  };
}

export function useThemeColors(): TThemeColors {
  const { theme, marketColors } = usePreferences();
  const [colors, setColors] = useState<TThemeColors>(FALLBACK);
  useEffect(() => {
    setColors(read());
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const onChange = () => setColors(read());
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, [theme, marketColors]);
  return colors;
}
