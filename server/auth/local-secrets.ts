// Generated defaults for AUTH_SECRET and the key-encryption key, so a newcomer needs no .env file.
// Stored once in DATA_DIR/secrets.json with mode 0600; env variables override them.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const ZLocalSecretsSchema = z.object({
  authSecret: z.string().min(32),
  keyEncryptionKey: z.string().refine((v) => Buffer.from(v, 'base64').length === 32),
});
export type TLocalSecrets = z.infer<typeof ZLocalSecretsSchema>;

export function ensureLocalSecrets(dataDir: string): TLocalSecrets {
  const file = path.join(dataDir, 'secrets.json');
  if (existsSync(file)) {
    const parsed = ZLocalSecretsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) {
      throw new Error(`${file} is damaged: delete it to generate new secrets (existing sessions will end)`);
    }
    return parsed.data;
  }
  const secrets: TLocalSecrets = {
    authSecret: randomBytes(32).toString('base64url'),
    keyEncryptionKey: randomBytes(32).toString('base64'),
  };
  mkdirSync(dataDir, { recursive: true });
  // 'wx' fails if another process created the file meanwhile; then we read theirs.
  try {
    writeFileSync(file, JSON.stringify(secrets, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return ensureLocalSecrets(dataDir);
    throw err;
  }
  chmodSync(file, 0o600);
  return secrets;
}
