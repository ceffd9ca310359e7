import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '@/server/auth/password';
import { verifyCredentials } from '@/server/services/user/verify-credentials';
import { createTempSqliteDb } from './helpers/sqlite';

describe('password hashing (scrypt)', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash.startsWith('scrypt$16384$8$1$')).toBe(true);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
  });

  it('salts: the same password hashes differently each time', async () => {
    const [a, b] = await Promise.all([hashPassword('same'), hashPassword('same')]);
    expect(a).not.toBe(b);
  });

  it('treats malformed stored hashes as a failed check, not a crash', async () => {
    for (const stored of ['', 'plain', 'scrypt$x$y$z$a$b', 'bcrypt$1$2$3$4$5']) {
      expect(await verifyPassword('pw', stored)).toBe(false);
    }
  });

  it('normalises Unicode so the same visible password always matches', async () => {
    const hash = await hashPassword('密码Ａ1'); // full-width A
    expect(await verifyPassword('密码A1', hash)).toBe(true);
  });

  it('verifyCredentials: case-insensitive e-mail, null on wrong password or unknown user', async () => {
    const t = await createTempSqliteDb();
    try {
      await t.db.user.create({ data: { email: 'trader@example.com', name: 'T', passwordHash: await hashPassword('s3cret-pass') } });
      expect((await verifyCredentials(t.db, { email: 'Trader@Example.com', password: 's3cret-pass' }))?.email).toBe('trader@example.com');
      expect(await verifyCredentials(t.db, { email: 'trader@example.com', password: 'nope' })).toBeNull();
      expect(await verifyCredentials(t.db, { email: 'ghost@example.com', password: 's3cret-pass' })).toBeNull();
      expect(await verifyCredentials(t.db, undefined)).toBeNull();
    } finally {
      await t.cleanup();
    }
  });
});
