import { hashPassword } from '@/server/auth/password';
import type { TDb } from '@/server/db';
import { AppError } from '@/server/services/errors';
import type { TSignUp, TUserDto } from './schemas';
import { toUserDto } from './to-user-dto';

export async function createUser(db: TDb, input: TSignUp): Promise<TUserDto> {
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) throw new AppError('email_taken', 'email');
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db.user.create({
      data: { email: input.email, name: input.name, passwordHash, locale: input.locale },
    });
    return toUserDto(user);
  } catch (err) {
    // Two sign-ups racing for one address: the unique index decides.
    if ((err as { code?: string }).code === 'P2002') throw new AppError('email_taken', 'email');
    throw err;
  }
}
