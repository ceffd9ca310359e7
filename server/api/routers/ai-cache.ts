// The user's decision cache: share a run's answers with a strategy, import someone else's, see and clear it.
import { z } from 'zod';
import { clearAiCache } from '@/server/services/ai/clear-ai-cache';
import { exportAiCache } from '@/server/services/ai/export-ai-cache';
import { getAiCacheStats } from '@/server/services/ai/get-ai-cache-stats';
import { importAiCache } from '@/server/services/ai/import-ai-cache';
import { ZCacheImportSchema, ZCacheScopeSchema } from '@/server/services/ai/schemas';
import { createTRPCRouter, protectedProcedure } from '../trpc';

export const aiCacheRouter = createTRPCRouter({
  export: protectedProcedure.input(ZCacheScopeSchema).query(({ ctx, input }) => exportAiCache(ctx.db, { ...input, ownerId: ctx.userId })),
  import: protectedProcedure.input(ZCacheImportSchema).mutation(({ ctx, input }) => importAiCache(ctx.db, { ownerId: ctx.userId, data: input.data })),
  stats: protectedProcedure.query(({ ctx }) => getAiCacheStats(ctx.db, { ownerId: ctx.userId })),
  clear: protectedProcedure
    .input(z.object({ provider: z.string().max(600).optional() }).default({}))
    .mutation(({ ctx, input }) => clearAiCache(ctx.db, { ...input, ownerId: ctx.userId })),
});
