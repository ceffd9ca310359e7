// Debate Arena: start a debate (runs in this process), follow it live (SSE subscription that
// resumes from the last event id), list, reopen, cancel, delete, and turn one into node params.
import { tracked } from '@trpc/server';
import { listAiProviders } from '@/server/services/ai/list-ai-providers';
import { cancelDebate } from '@/server/services/ai/cancel-debate';
import { debateToNode } from '@/server/services/ai/debate-to-node';
import { deleteDebate } from '@/server/services/ai/delete-debate';
import { getDebate } from '@/server/services/ai/get-debate';
import { listDebates } from '@/server/services/ai/list-debates';
import { aiDeps } from '@/server/services/ai/ai-deps';
import { ZArenaSymbolsSchema, ZDebateEventsSchema, ZDebateRefSchema, ZListDebatesSchema, ZStartDebateSchema } from '@/server/services/ai/schemas';
import { startArenaDebate } from '@/server/services/ai/start-arena-debate';
import { watchDebate } from '@/server/services/ai/watch-debate';
import { searchSymbols } from '@/server/services/backtest/search-symbols';
import { createTRPCRouter, protectedProcedure } from '../trpc';

export const arenaRouter = createTRPCRouter({
  symbols: protectedProcedure.input(ZArenaSymbolsSchema).query(({ ctx, input }) => searchSymbols(aiDeps(ctx.db).reader, input)),
  /** the participant/judge pickers: the user's providers plus the heuristic analyst */
  providers: protectedProcedure.query(({ ctx }) => listAiProviders(ctx.db, { ownerId: ctx.userId })),
  start: protectedProcedure.input(ZStartDebateSchema).mutation(({ ctx, input }) => startArenaDebate(ctx.db, { ...input, ownerId: ctx.userId })),
  events: protectedProcedure.input(ZDebateEventsSchema).subscription(async ({ ctx, input, signal }) => {
    const stream = await watchDebate(ctx.db, { ownerId: ctx.userId, debateId: input.debateId, lastEventId: input.lastEventId, signal });
    return (async function* () {
      for await (const { id, event } of stream) yield tracked(id, event);
    })();
  }),
  list: protectedProcedure.input(ZListDebatesSchema).query(({ ctx, input }) => listDebates(ctx.db, { ...input, ownerId: ctx.userId })),
  get: protectedProcedure.input(ZDebateRefSchema).query(({ ctx, input }) => getDebate(ctx.db, { ...input, ownerId: ctx.userId })),
  cancel: protectedProcedure.input(ZDebateRefSchema).mutation(({ ctx, input }) => cancelDebate(ctx.db, { ...input, ownerId: ctx.userId })),
  delete: protectedProcedure.input(ZDebateRefSchema).mutation(({ ctx, input }) => deleteDebate(ctx.db, { ...input, ownerId: ctx.userId })),
  toNode: protectedProcedure.input(ZDebateRefSchema).query(({ ctx, input }) => debateToNode(ctx.db, { ...input, ownerId: ctx.userId })),
});
