// next-auth v4: e-mail + password credentials, JWT sessions (no session table to keep in sync).
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getDb } from '@/server/db';
import { getEnv } from '@/server/env';
import { verifyCredentials } from '@/server/services/user/verify-credentials';

let cached: NextAuthOptions | undefined;

/** Built lazily so `next build` does not read env or create secrets. */
export function getAuthOptions(): NextAuthOptions {
  if (cached) return cached;
  const env = getEnv();
  // A self-hosted app answers on whatever host/port it was started with; Next sets the
  // x-forwarded-* headers itself, so next-auth may derive its URL from the request.
  if (!env.nextAuthUrl) process.env.AUTH_TRUST_HOST ??= 'true';
  cached = {
    secret: env.authSecret,
    session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: '/sign-in' },
    providers: [
      CredentialsProvider({
        name: 'Email',
        credentials: { email: { type: 'email' }, password: { type: 'password' } },
        authorize: async (credentials) => {
          const user = await verifyCredentials(getDb(), credentials);
          return user ? { id: user.id, email: user.email, name: user.name } : null;
        },
      }),
    ],
    callbacks: {
      jwt: ({ token, user }) => {
        if (user) token.uid = user.id;
        return token;
      },
      session: ({ session, token }) => {
        if (session.user && typeof token.uid === 'string') session.user.id = token.uid;
        return session;
      },
    },
  };
  return cached;
}
