import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EnvError, loadEnv, parseEnv } from '@/server/env';
import { resolveDbTarget } from '@/server/db/target';

const dirs: string[] = [];
function tempDir() {
  const d = mkdtempSync(path.join(os.tmpdir(), 'nofx-env-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function envError(raw: Record<string, string>): EnvError {
  try {
    parseEnv(raw);
  } catch (err) {
    if (err instanceof EnvError) return err;
    throw err;
  }
  throw new Error('expected an EnvError');
}

describe('env validation', () => {
  it('accepts an empty environment (everything has a default)', () => {
    expect(parseEnv({})).toEqual({});
  });

  it('names each bad variable in the message', () => {
    const err = envError({ PORT: 'eighty', DATABASE_URL: 'mysql://x', REDIS_URL: 'localhost:6379' });
    expect(err.variables.sort()).toEqual(['DATABASE_URL', 'PORT', 'REDIS_URL']);
    expect(err.message).toContain('PORT: must be a number (got "eighty")');
    expect(err.message).toContain('DATABASE_URL: must start with file:, postgres:// or postgresql://');
    expect(err.message).toContain('REDIS_URL');
  });

  it('rejects out-of-range ports and short secrets without echoing secrets', () => {
    expect(envError({ PORT: '70000' }).message).toContain('PORT: must be 1..65535');
    const err = envError({ AUTH_SECRET: 'hunter2' });
    expect(err.variables).toEqual(['AUTH_SECRET']);
    expect(err.message).toContain('AUTH_SECRET: must be at least 32 characters');
    expect(err.message).not.toContain('hunter2');
    expect(envError({ NOFX_KEY_ENCRYPTION_KEY: 'abc' }).message).toContain('NOFX_KEY_ENCRYPTION_KEY: must be 32 bytes');
  });

  it('treats empty strings as unset', () => {
    expect(parseEnv({ PORT: '', DATABASE_URL: ' ' })).toEqual({});
  });
});

describe('generated secrets', () => {
  it('creates data/secrets.json once, mode 0600, and reuses it', () => {
    const dir = tempDir();
    const first = loadEnv({ DATA_DIR: dir });
    const file = path.join(dir, 'secrets.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(first.authSecret.length).toBeGreaterThanOrEqual(32);
    expect(first.keyEncryptionKey).toHaveLength(32);
    const second = loadEnv({ DATA_DIR: dir });
    expect(second.authSecret).toBe(first.authSecret);
    expect(JSON.parse(readFileSync(file, 'utf8')).authSecret).toBe(first.authSecret);
  });

  it('prefers env values over the file', () => {
    const dir = tempDir();
    const secret = 'x'.repeat(40);
    const kek = Buffer.alloc(32, 7).toString('base64');
    const env = loadEnv({ DATA_DIR: dir, AUTH_SECRET: secret, NOFX_KEY_ENCRYPTION_KEY: kek, PORT: '4100' });
    expect(env.authSecret).toBe(secret);
    expect(env.keyEncryptionKey.equals(Buffer.alloc(32, 7))).toBe(true);
    expect(env.port).toBe(4100);
  });
});

describe('database target', () => {
  it('uses SQLite in the data folder by default and PostgreSQL for postgres URLs', () => {
    expect(resolveDbTarget({ dataDir: '/srv/nofx' })).toEqual({ provider: 'sqlite', url: 'file:/srv/nofx/nofx.db', filename: '/srv/nofx/nofx.db' });
    expect(resolveDbTarget({ dataDir: '/x', databaseUrl: 'postgresql://u@h/db' }).provider).toBe('postgres');
    expect(resolveDbTarget({ dataDir: '/x', databaseUrl: 'postgres://u@h/db' }).provider).toBe('postgres');
    const file = resolveDbTarget({ dataDir: '/x', databaseUrl: 'file:./tmp/a.db' });
    expect(file).toMatchObject({ provider: 'sqlite', filename: path.resolve('tmp/a.db') });
  });
});
