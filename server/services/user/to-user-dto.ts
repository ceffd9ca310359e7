import type { TUserDto } from './schemas';

type TUserRow = { id: string; email: string; name: string; locale: string; createdAt: Date };

/** Never hand the password hash (or future secrets) beyond the service layer. */
export function toUserDto(u: TUserRow): TUserDto {
  return { id: u.id, email: u.email, name: u.name, locale: u.locale, createdAt: u.createdAt.toISOString() };
}
