// Two signed-up users and their API callers: the pair every owner-isolation test needs.
import { createCaller } from '@/server/api/root';
import type { TDb } from '@/server/db';

export type TCaller = ReturnType<typeof createCaller>;

export async function signUpAliceAndBob(db: TDb): Promise<{ alice: TCaller; bob: TCaller; aliceId: string; bobId: string }> {
  const anonymous = createCaller({ db, userId: null });
  const a = await anonymous.auth.signUp({ email: 'alice@example.com', name: 'Alice', password: 'alice-password' });
  const b = await anonymous.auth.signUp({ email: 'bob@example.com', name: 'Bob', password: 'bob-password' });
  return { alice: createCaller({ db, userId: a.id }), bob: createCaller({ db, userId: b.id }), aliceId: a.id, bobId: b.id };
}
