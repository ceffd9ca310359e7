import { SettingsPanel } from '@/components/settings/SettingsPanel';
import { getSessionUser } from '@/server/auth/session';

export default async function SettingsPage() {
  return <SettingsPanel signedIn={!!(await getSessionUser())} />;
}
