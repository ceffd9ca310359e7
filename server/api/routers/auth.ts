// Sign-up lives here; sign-in/out are next-auth's own endpoints (server/auth/options.ts).
import { createUser } from '@/server/services/user/create-user';
import { ZSignUpSchema } from '@/server/services/user/schemas';
import { createTRPCRouter, publicProcedure } from '../trpc';

export const authRouter = createTRPCRouter({
  signUp: publicProcedure.input(ZSignUpSchema).mutation(({ ctx, input }) => createUser(ctx.db, input)),
});
