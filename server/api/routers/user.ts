import { z } from 'zod';
import { getUser } from '@/server/services/user/get-user';
import { ZLocaleSchema } from '@/server/services/user/schemas';
import { updateUserLocale } from '@/server/services/user/update-user-locale';
import { createTRPCRouter, protectedProcedure } from '../trpc';

export const userRouter = createTRPCRouter({
  me: protectedProcedure.query(({ ctx }) => getUser(ctx.db, { userId: ctx.userId })),
  setLocale: protectedProcedure
    .input(z.object({ locale: ZLocaleSchema }))
    .mutation(({ ctx, input }) => updateUserLocale(ctx.db, { userId: ctx.userId, locale: input.locale })),
});
