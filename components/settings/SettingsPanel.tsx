'use client';
import { LanguageSwitch } from '@/components/shell/LanguageSwitch';
import { usePreferences } from '@/components/preferences/PreferencesProvider';
import type { TMarketColors, TTheme } from '@/components/preferences/preferences';
import { AiProvidersSection } from './ai-providers/AiProvidersSection';

export function SettingsPanel({ signedIn }: { signedIn: boolean }) {
  const { t, theme, setTheme, marketColors, setMarketColors } = usePreferences();
  return (
    <section className="page">
      <h1>{t.settings.title}</h1>
      <div className="card settings">
        <div className="settings__row">
          <span className="settings__label">{t.settings.language}</span>
          <LanguageSwitch signedIn={signedIn} />
        </div>
        <fieldset className="settings__row">
          <legend className="settings__label">{t.settings.theme}</legend>
          {(['light', 'dark'] as TTheme[]).map((value) => (
            <label key={value} className="radio">
              <input type="radio" name="theme" value={value} checked={theme === value} onChange={() => setTheme(value)} />
              {value === 'light' ? t.common.themeLight : t.common.themeDark}
            </label>
          ))}
        </fieldset>
        <fieldset className="settings__row">
          <legend className="settings__label">{t.settings.marketColors}</legend>
          {(['cn', 'intl'] as TMarketColors[]).map((value) => (
            <label key={value} className="radio">
              <input
                type="radio"
                name="market-colors"
                value={value}
                checked={marketColors === value}
                onChange={() => setMarketColors(value)}
              />
              {value === 'cn' ? t.settings.marketColorsCn : t.settings.marketColorsIntl}
            </label>
          ))}
          <span className="settings__sample">
            <span className="price-up" data-testid="sample-up">{t.settings.up}</span>
            <span className="price-down" data-testid="sample-down">{t.settings.down}</span>
          </span>
        </fieldset>
        <p className="muted">{t.settings.savedInBrowser}</p>
      </div>
      {signedIn ? <AiProvidersSection /> : null}
    </section>
  );
}
