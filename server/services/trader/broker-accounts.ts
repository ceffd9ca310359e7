// Futu OpenD connections of a user. The WebSocket key and trade password are encrypted with the
// app's key-encryption key (bound to owner, row and field) and never returned.
import { createId } from '@/server/services/trader/create-id';
import { encryptSecret } from '@/server/ai/secrets/encrypt-secret';
import type { TDb } from '@/server/db';
import { getEnv } from '@/server/env';
import { AppError } from '@/server/services/errors';
import { ZCreateBrokerAccountSchema, type TBrokerAccountDto, type TCreateBrokerAccount } from './schemas';
import { brokerSecretContext } from './trader-runtime';

type TRow = { id: string; kind: string; name: string; host: string; port: number; useSsl: boolean; env: string; accId: string | null; unlockPasswordEnc: string | null; createdAt: Date };

const toDto = (r: TRow): TBrokerAccountDto => ({ id: r.id, kind: r.kind, name: r.name, host: r.host, port: r.port, useSsl: r.useSsl, env: r.env, accId: r.accId, hasUnlockPassword: r.unlockPasswordEnc !== null, createdAt: r.createdAt.toISOString() });

export async function createBrokerAccount(db: TDb, input: TCreateBrokerAccount & { ownerId: string }, appKey: Buffer = getEnv().keyEncryptionKey): Promise<TBrokerAccountDto> {
  const p = ZCreateBrokerAccountSchema.parse(input);
  const id = createId();
  const row = await db.brokerAccount.create({
    data: {
      id,
      ownerId: input.ownerId,
      kind: 'futu',
      name: p.name,
      host: p.host,
      port: p.port,
      useSsl: p.useSsl,
      env: p.env,
      accId: p.accId || null,
      websocketKeyEnc: encryptSecret(p.websocketKey, appKey, brokerSecretContext(input.ownerId, id, 'websocketKey')),
      unlockPasswordEnc: p.unlockPassword ? encryptSecret(p.unlockPassword, appKey, brokerSecretContext(input.ownerId, id, 'unlockPassword')) : null,
    },
  });
  return toDto(row);
}

export async function listBrokerAccounts(db: TDb, input: { ownerId: string }): Promise<TBrokerAccountDto[]> {
  const rows = await db.brokerAccount.findMany({ where: { ownerId: input.ownerId }, orderBy: { createdAt: 'asc' } });
  return rows.map(toDto);
}

export async function deleteBrokerAccount(db: TDb, input: { ownerId: string; id: string }): Promise<{ id: string }> {
  const { count } = await db.brokerAccount.deleteMany({ where: { id: input.id, ownerId: input.ownerId } });
  if (count === 0) throw new AppError('not_found');
  return { id: input.id };
}
