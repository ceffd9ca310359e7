import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM for API keys at rest, with the app's key-encryption key (env.keyEncryptionKey,
 * 32 bytes). `context` is bound as additional authenticated data (e.g. the owner and row id), so
 * a ciphertext copied into another user's row does not decrypt there.
 *
 * Token: `v1.<iv>.<ciphertext>.<tag>`, base64url. The version lets the scheme change later.
 */
export class SecretError extends Error {}

const VERSION = 'v1';

export function encryptSecret(plain: string, appKey: Buffer, context: string): string {
  assertKey(appKey);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', appKey, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64url'), ciphertext.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
}

export function decryptSecret(token: string, appKey: Buffer, context: string): string {
  assertKey(appKey);
  const parts = token.split('.');
  if (parts.length !== 4 || parts[0] !== VERSION) throw new SecretError('stored secret has an unknown format');
  const [, iv, ciphertext, tag] = parts.map((p) => Buffer.from(p, 'base64url'));
  try {
    const decipher = createDecipheriv('aes-256-gcm', appKey, iv);
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    // wrong key, edited ciphertext or a row copied elsewhere: never echo the token itself
    throw new SecretError('stored secret cannot be decrypted (was NOFX_KEY_ENCRYPTION_KEY changed?); enter the API key again');
  }
}

/** What the browser may see of a key: that there is one and its last four characters. */
export function keyHint(plain: string): string {
  return plain.length <= 8 ? '…' : `…${plain.slice(-4)}`;
}

function assertKey(appKey: Buffer): void {
  if (appKey.length !== 32) throw new SecretError('the key-encryption key must be 32 bytes');
}
