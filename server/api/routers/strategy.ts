// Every procedure is protected and passes the signed-in user as owner: services filter by it.
import { createStrategy } from '@/server/services/strategy/create-strategy';
import { deleteStrategy } from '@/server/services/strategy/delete-strategy';
import { getStrategy } from '@/server/services/strategy/get-strategy';
import { getStrategyVersion } from '@/server/services/strategy/get-strategy-version';
import { listStrategies } from '@/server/services/strategy/list-strategies';
import { listStrategyVersions } from '@/server/services/strategy/list-strategy-versions';
import { renameStrategy } from '@/server/services/strategy/rename-strategy';
import { saveStrategyGraph } from '@/server/services/strategy/save-strategy-graph';
import {
  ZCreateStrategySchema,
  ZRenameStrategySchema,
  ZSaveStrategyGraphSchema,
  ZStrategyRefSchema,
  ZStrategyVersionRefSchema,
  ZUpdateStrategyDescriptionSchema,
} from '@/server/services/strategy/schemas';
import { updateStrategyDescription } from '@/server/services/strategy/update-strategy-description';
import { createTRPCRouter, protectedProcedure } from '../trpc';

export const strategyRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listStrategies(ctx.db, { ownerId: ctx.userId })),
  get: protectedProcedure.input(ZStrategyRefSchema).query(({ ctx, input }) => getStrategy(ctx.db, { ...input, ownerId: ctx.userId })),
  create: protectedProcedure
    .input(ZCreateStrategySchema)
    .mutation(({ ctx, input }) => createStrategy(ctx.db, { ...input, ownerId: ctx.userId })),
  rename: protectedProcedure
    .input(ZRenameStrategySchema)
    .mutation(({ ctx, input }) => renameStrategy(ctx.db, { ...input, ownerId: ctx.userId })),
  updateDescription: protectedProcedure
    .input(ZUpdateStrategyDescriptionSchema)
    .mutation(({ ctx, input }) => updateStrategyDescription(ctx.db, { ...input, ownerId: ctx.userId })),
  delete: protectedProcedure
    .input(ZStrategyRefSchema)
    .mutation(({ ctx, input }) => deleteStrategy(ctx.db, { ...input, ownerId: ctx.userId })),
  saveGraph: protectedProcedure
    .input(ZSaveStrategyGraphSchema)
    .mutation(({ ctx, input }) => saveStrategyGraph(ctx.db, { ...input, ownerId: ctx.userId })),
  listVersions: protectedProcedure
    .input(ZStrategyRefSchema)
    .query(({ ctx, input }) => listStrategyVersions(ctx.db, { ...input, ownerId: ctx.userId })),
  getVersion: protectedProcedure
    .input(ZStrategyVersionRefSchema)
    .query(({ ctx, input }) => getStrategyVersion(ctx.db, { ...input, ownerId: ctx.userId })),
});
