'use client';
import { useState } from 'react';
import { useT } from '@/components/preferences/PreferencesProvider';
import { ImportHistory } from './ImportHistory';
import { CsvImportPanel } from './CsvImportPanel';
import { ProviderSettingsPanel } from './ProviderSettingsPanel';
import { SymbolsPanel } from './SymbolsPanel';
import './data.css';

const TABS = ['symbols', 'import', 'providers', 'history'] as const;
type TTab = (typeof TABS)[number];

/** The Data page: symbols with coverage and sync, CSV import, provider settings, import history. */
export function DataPage() {
  const t = useT();
  const [tab, setTab] = useState<TTab>('symbols');
  return (
    <section className="page" data-testid="data-page">
      <div className="page__header">
        <h1>{t.data.title}</h1>
      </div>
      <p className="muted">{t.data.intro}</p>
      <div className="data-tabs" role="tablist" aria-label={t.data.title}>
        {TABS.map((id) => (
          <button key={id} type="button" role="tab" id={`data-tab-${id}`} aria-selected={tab === id} aria-controls={`data-panel-${id}`} onClick={() => setTab(id)}>
            {t.data.tabs[id]}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`data-panel-${tab}`} aria-labelledby={`data-tab-${tab}`}>
        {tab === 'symbols' ? <SymbolsPanel /> : null}
        {tab === 'import' ? <CsvImportPanel /> : null}
        {tab === 'providers' ? <ProviderSettingsPanel /> : null}
        {tab === 'history' ? <ImportHistory /> : null}
      </div>
    </section>
  );
}
