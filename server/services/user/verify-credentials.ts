import { getDummyHash, verifyPassword } from '@/server/auth/password';
import type { TDb } from '@/server/db';
import { ZCredentialsSchema, type TUserDto } from './schemas';
import { toUserDto } from './to-user-dto';

/** The user for a correct e-mail + password, else null (never says which of the two was wrong). */
export async function verifyCredentials(db: TDb, raw: unknown): Promise<TUserDto | null> {
  const parsed = ZCredentialsSchema.safeParse(raw);
  if (!parsed.success) return null;
  const user = await db.user.findUnique({ where: { email: parsed.data.email } });
  const ok = await verifyPassword(parsed.data.password, user?.passwordHash ?? (await getDummyHash()));
  return user && ok ? toUserDto(user) : null;
}
