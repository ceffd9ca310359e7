import type { TDb } from '@/server/db';
import type { TLocaleCode } from './schemas';

/** Remembers the language a signed-in user picked (the cookie covers signed-out visits). */
export async function updateUserLocale(db: TDb, input: { userId: string; locale: TLocaleCode }): Promise<void> {
  await db.user.updateMany({ where: { id: input.userId }, data: { locale: input.locale } });
}
