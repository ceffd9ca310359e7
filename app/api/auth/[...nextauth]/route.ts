import NextAuth from 'next-auth';
import { getAuthOptions } from '@/server/auth/options';

type TRouteContext = { params: Promise<{ nextauth: string[] }> };

// Options are resolved per request so that `next build` never reads secrets.
async function handler(req: Request, ctx: TRouteContext) {
  return NextAuth(req as never, ctx as never, getAuthOptions());
}

export { handler as GET, handler as POST };
