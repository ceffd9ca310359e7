import type { TDb } from '@/server/db';
import { AppError } from '@/server/services/errors';
import type { TUserDto } from './schemas';
import { toUserDto } from './to-user-dto';

export async function getUser(db: TDb, input: { userId: string }): Promise<TUserDto> {
  const user = await db.user.findUnique({ where: { id: input.userId } });
  if (!user) throw new AppError('not_found');
  return toUserDto(user);
}
