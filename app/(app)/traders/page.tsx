import { getMessages } from '@/components/i18n/locales';
import { readPreferences } from '@/components/preferences/read-preferences';
import { ComingSoon } from '@/components/shell/ComingSoon';

export default async function TradersPage() {
  return <ComingSoon section="traders" t={getMessages((await readPreferences()).locale)} />;
}
