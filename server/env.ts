// Environment, checked by zod once per process. A bad value stops start-up with a message that
// names the variable (the EnvError text), instead of failing later somewhere far from the cause.
import path from 'node:path';
import { z } from 'zod';
import { ensureLocalSecrets } from '@/server/auth/local-secrets';

/** Treat `FOO=` like an unset variable: shells and .env files produce empty strings easily. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

export const ZEnvSchema = z.object({
  NODE_ENV: optional(z.enum(['development', 'production', 'test'])),
  PORT: optional(
    z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be 1..65535').max(65535, 'must be 1..65535'),
  ),
  DATA_DIR: optional(z.string()),
  DATABASE_URL: optional(
    z.string().regex(/^(file:|postgres:\/\/|postgresql:\/\/)/, 'must start with file:, postgres:// or postgresql://'),
  ),
  REDIS_URL: optional(z.string().regex(/^rediss?:\/\/\S+$/, 'must be a redis:// or rediss:// URL')),
  AUTH_SECRET: optional(z.string().min(32, 'must be at least 32 characters')),
  NOFX_KEY_ENCRYPTION_KEY: optional(
    z.string().refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded'),
  ),
  NEXTAUTH_URL: optional(z.url({ error: 'must be an absolute URL such as http://localhost:3000' })),
  // Who runs traders: "app" (default) = the web server's process; "worker" = only `nofx worker`,
  // so that exactly one process trades when the app is scaled out.
  NOFX_TRADERS: optional(z.enum(['app', 'worker'], { error: 'must be app or worker' })),
});

/** Never echo these back, not even in an error message. */
const SECRET_VARIABLES = new Set(['AUTH_SECRET', 'NOFX_KEY_ENCRYPTION_KEY', 'DATABASE_URL', 'REDIS_URL']);

export type TRawEnv = z.infer<typeof ZEnvSchema>;

export type TEnv = {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  authSecret: string;
  keyEncryptionKey: Buffer;
  nextAuthUrl: string | undefined;
  /** where traders run: in the app's server process, or in a separate `nofx worker` */
  tradersMode: 'app' | 'worker';
};

export class EnvError extends Error {
  constructor(readonly variables: string[], message: string) {
    super(message);
    this.name = 'EnvError';
  }
}

/** Validates raw variables; throws EnvError listing every bad variable by name. */
export function parseEnv(raw: Record<string, string | undefined>): TRawEnv {
  const result = ZEnvSchema.safeParse(raw);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? '?');
    const shown = SECRET_VARIABLES.has(name) ? '(value hidden)' : `(got ${JSON.stringify(raw[name] ?? '')})`;
    return { name, text: `  ${name}: ${issue.message} ${shown}` };
  });
  const names = [...new Set(lines.map((l) => l.name))];
  throw new EnvError(names, `Invalid environment variable${names.length > 1 ? 's' : ''}:\n${lines.map((l) => l.text).join('\n')}`);
}

/** Validated env plus secrets (generated into DATA_DIR/secrets.json on first start unless set). */
export function loadEnv(raw: Record<string, string | undefined> = process.env): TEnv {
  const env = parseEnv(raw);
  // The data folder is chosen at run time; tell Turbopack not to trace the whole project for it.
  const dataDir = path.resolve(/*turbopackIgnore: true*/ env.DATA_DIR ?? path.join(process.cwd(), 'data', 'local'));
  const needsFile = !env.AUTH_SECRET || !env.NOFX_KEY_ENCRYPTION_KEY;
  const local = needsFile ? ensureLocalSecrets(dataDir) : undefined;
  return {
    nodeEnv: env.NODE_ENV ?? 'development',
    port: env.PORT ?? 3000,
    dataDir,
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    authSecret: env.AUTH_SECRET ?? local!.authSecret,
    keyEncryptionKey: Buffer.from(env.NOFX_KEY_ENCRYPTION_KEY ?? local!.keyEncryptionKey, 'base64'),
    nextAuthUrl: env.NEXTAUTH_URL,
    tradersMode: env.NOFX_TRADERS ?? 'app',
  };
}

let cached: TEnv | undefined;

/** The process-wide env; computed on first use so that `next build` never touches the disk. */
export function getEnv(): TEnv {
  cached ??= loadEnv();
  return cached;
}
