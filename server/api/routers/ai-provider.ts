// AI providers of the signed-in user (Settings → AI providers). Keys go in, only hints come out.
import { ZProviderSettingsInputSchema } from '@/server/ai/settings/provider-settings';
import { deleteAiProvider } from '@/server/services/ai/delete-ai-provider';
import { listAiProviderModels } from '@/server/services/ai/list-ai-provider-models';
import { listAiProviders } from '@/server/services/ai/list-ai-providers';
import { saveAiProvider } from '@/server/services/ai/save-ai-provider';
import { ZProviderRefSchema, ZProviderTestSchema } from '@/server/services/ai/schemas';
import { testAiProvider } from '@/server/services/ai/test-ai-provider';
import { createTRPCRouter, protectedProcedure } from '../trpc';

export const aiProviderRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listAiProviders(ctx.db, { ownerId: ctx.userId })),
  save: protectedProcedure.input(ZProviderSettingsInputSchema).mutation(({ ctx, input }) => saveAiProvider(ctx.db, { ownerId: ctx.userId, settings: input })),
  delete: protectedProcedure.input(ZProviderRefSchema).mutation(({ ctx, input }) => deleteAiProvider(ctx.db, { ...input, ownerId: ctx.userId })),
  test: protectedProcedure.input(ZProviderTestSchema).mutation(({ ctx, input }) => testAiProvider(ctx.db, { ...input, ownerId: ctx.userId })),
  models: protectedProcedure.input(ZProviderRefSchema).mutation(({ ctx, input }) => listAiProviderModels(ctx.db, { ...input, ownerId: ctx.userId })),
});
