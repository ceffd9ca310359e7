// AI helpers for the editor and the run page: prompt template defaults and preview, a run's decisions.
import { getPromptDefaults } from '@/server/services/ai/get-prompt-defaults';
import { listRunDecisions } from '@/server/services/ai/list-run-decisions';
import { previewPrompt } from '@/server/services/ai/preview-prompt';
import { ZPreviewPromptSchema, ZPromptDefaultsSchema, ZRunDecisionsSchema } from '@/server/services/ai/schemas';
import { createTRPCRouter, protectedProcedure } from '../trpc';

export const aiRouter = createTRPCRouter({
  promptDefaults: protectedProcedure.input(ZPromptDefaultsSchema).query(({ input }) => getPromptDefaults(input)),
  previewPrompt: protectedProcedure.input(ZPreviewPromptSchema).query(({ ctx, input }) => previewPrompt(ctx.db, input)),
  decisions: protectedProcedure.input(ZRunDecisionsSchema).query(({ ctx, input }) => listRunDecisions(ctx.db, { ...input, ownerId: ctx.userId })),
});
