import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptSecret, encryptSecret, keyHint, SecretError } from '@/server/ai/secrets/encrypt-secret';

const key = randomBytes(32);
const secret = 'sk-test-0123456789abcdef';

describe('encryptSecret / decryptSecret (AES-256-GCM)', () => {
  it('round-trips, with a fresh IV each time and no plaintext in the token', () => {
    const a = encryptSecret(secret, key, 'ai-provider:u1:p1');
    const b = encryptSecret(secret, key, 'ai-provider:u1:p1');
    expect(a).not.toBe(b);
    expect(a.startsWith('v1.')).toBe(true);
    expect(a).not.toContain(secret);
    expect(Buffer.from(a.split('.')[2], 'base64url').toString('utf8')).not.toContain('0123456789');
    expect(decryptSecret(a, key, 'ai-provider:u1:p1')).toBe(secret);
  });

  it('refuses another key, another row (AAD) and an edited token, without echoing anything', () => {
    const token = encryptSecret(secret, key, 'ai-provider:u1:p1');
    expect(() => decryptSecret(token, randomBytes(32), 'ai-provider:u1:p1')).toThrow(SecretError);
    expect(() => decryptSecret(token, key, 'ai-provider:u2:p1')).toThrow(/cannot be decrypted/);
    const parts = token.split('.');
    const flipped = Buffer.from(parts[2], 'base64url');
    flipped[0] ^= 1;
    parts[2] = flipped.toString('base64url');
    expect(() => decryptSecret(parts.join('.'), key, 'ai-provider:u1:p1')).toThrow(SecretError);
    expect(() => decryptSecret('garbage', key, 'x')).toThrow(/unknown format/);
    try {
      decryptSecret(token, randomBytes(32), 'ai-provider:u1:p1');
    } catch (error) {
      expect(String(error)).not.toContain(token);
    }
  });

  it('needs a 32-byte key', () => {
    expect(() => encryptSecret(secret, randomBytes(16), 'x')).toThrow(/32 bytes/);
  });

  it('gives a hint of the last four characters only', () => {
    expect(keyHint(secret)).toBe('…cdef');
    expect(keyHint('short')).toBe('…');
  });
});
