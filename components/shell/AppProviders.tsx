'use client';
import type { ReactNode } from 'react';
import { PreferencesProvider } from '@/components/preferences/PreferencesProvider';
import type { TPreferences } from '@/components/preferences/read-preferences';
import { TrpcProvider } from '@/components/trpc/TrpcProvider';

export function AppProviders({ preferences, children }: { preferences: TPreferences; children: ReactNode }) {
  return (
    <PreferencesProvider initial={preferences}>
      <TrpcProvider>{children}</TrpcProvider>
    </PreferencesProvider>
  );
}
