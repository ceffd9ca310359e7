// Input schemas for accounts. Messages are error codes (server/services/errors.ts) that the UI
// translates, so the same schema serves both languages.
import { z } from 'zod';

export const ZEmailSchema = z
  .string({ error: 'email_invalid' })
  .trim()
  .toLowerCase()
  .max(254, 'email_invalid')
  .pipe(z.email({ error: 'email_invalid' }));

export const ZPasswordSchema = z
  .string({ error: 'password_too_short' })
  .min(8, 'password_too_short')
  .max(200, 'password_too_long');

export const ZDisplayNameSchema = z
  .string({ error: 'display_name_required' })
  .trim()
  .min(1, 'display_name_required')
  .max(80, 'display_name_too_long');

export const ZLocaleSchema = z.enum(['en-US', 'zh-CN']);
export type TLocaleCode = z.infer<typeof ZLocaleSchema>;

export const ZSignUpSchema = z.object({
  email: ZEmailSchema,
  name: ZDisplayNameSchema,
  password: ZPasswordSchema,
  locale: ZLocaleSchema.default('en-US'),
});
export type TSignUp = z.infer<typeof ZSignUpSchema>;

export const ZCredentialsSchema = z.object({
  email: ZEmailSchema,
  password: z.string().min(1).max(200),
});
export type TCredentials = z.infer<typeof ZCredentialsSchema>;

export type TUserDto = { id: string; email: string; name: string; locale: string; createdAt: string };
