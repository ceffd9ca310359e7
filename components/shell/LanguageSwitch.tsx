'use client';
import { isLocale } from '@/components/i18n/locales';
import { usePreferences } from '@/components/preferences/PreferencesProvider';
import { trpc } from '@/components/trpc/client';

/** Labels stay in their own language so a user who cannot read the current one finds theirs. */
export function LanguageSwitch({ signedIn = false }: { signedIn?: boolean }) {
  const { locale, setLocale, t } = usePreferences();
  const remember = trpc.user.setLocale.useMutation();
  return (
    <select
      className="select"
      aria-label={t.common.language}
      data-testid="language-switch"
      value={locale}
      onChange={(e) => {
        if (!isLocale(e.target.value)) return;
        setLocale(e.target.value);
        if (signedIn) remember.mutate({ locale: e.target.value });
      }}
    >
      <option value="en-US">English</option>
      <option value="zh-CN">简体中文</option>
    </select>
  );
}
