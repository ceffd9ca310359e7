// Traders: every procedure is protected and passes the signed-in user as owner. `events` is the
// dashboard's live feed (SSE; tracked ids, so a reconnecting browser resumes where it left off).
import { tracked } from '@trpc/server';
import { z } from 'zod';
import { createBrokerAccount, deleteBrokerAccount, listBrokerAccounts } from '@/server/services/trader/broker-accounts';
import { deleteTrader, pauseTrader, resumeTrader, startTrader, stopTrader } from '@/server/services/trader/control-trader';
import { createTrader } from '@/server/services/trader/create-trader';
import { getTrader } from '@/server/services/trader/get-trader';
import { getTraderBars } from '@/server/services/trader/get-trader-bars';
import { listTraders } from '@/server/services/trader/list-traders';
import { ZCreateBrokerAccountSchema, ZCreateTraderSchema, ZStopTraderSchema, ZTraderEventsSchema, ZTraderRefSchema, type TTraderEventBatch } from '@/server/services/trader/schemas';
import { watchTraderEvents } from '@/server/services/trader/watch-trader-events';
import { createTRPCRouter, protectedProcedure } from '../trpc';

export const traderRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listTraders(ctx.db, { ownerId: ctx.userId })),
  get: protectedProcedure.input(ZTraderRefSchema).query(({ ctx, input }) => getTrader(ctx.db, { ...input, ownerId: ctx.userId })),
  events: protectedProcedure.input(ZTraderEventsSchema).subscription(async ({ ctx, input, signal }) => {
    const stream = await watchTraderEvents(ctx.db, { ownerId: ctx.userId, traderId: input.traderId, lastEventId: input.lastEventId, signal });
    return (async function* () {
      for await (const { id, events } of stream) yield tracked(id, { events } satisfies TTraderEventBatch);
    })();
  }),
  bars: protectedProcedure.input(ZTraderRefSchema.extend({ symbol: z.string().min(1).max(32) })).query(({ ctx, input }) => getTraderBars(ctx.db, { ...input, ownerId: ctx.userId })),
  create: protectedProcedure.input(ZCreateTraderSchema).mutation(({ ctx, input }) => createTrader(ctx.db, { ...input, ownerId: ctx.userId })),
  start: protectedProcedure.input(ZTraderRefSchema).mutation(({ ctx, input }) => startTrader(ctx.db, { ...input, ownerId: ctx.userId })),
  stop: protectedProcedure.input(ZStopTraderSchema).mutation(({ ctx, input }) => stopTrader(ctx.db, { ...input, ownerId: ctx.userId })),
  pause: protectedProcedure.input(ZTraderRefSchema).mutation(({ ctx, input }) => pauseTrader(ctx.db, { ...input, ownerId: ctx.userId })),
  resume: protectedProcedure.input(ZTraderRefSchema).mutation(({ ctx, input }) => resumeTrader(ctx.db, { ...input, ownerId: ctx.userId })),
  delete: protectedProcedure.input(ZTraderRefSchema).mutation(({ ctx, input }) => deleteTrader(ctx.db, { ...input, ownerId: ctx.userId })),
  brokerAccounts: protectedProcedure.query(({ ctx }) => listBrokerAccounts(ctx.db, { ownerId: ctx.userId })),
  createBrokerAccount: protectedProcedure.input(ZCreateBrokerAccountSchema).mutation(({ ctx, input }) => createBrokerAccount(ctx.db, { ...input, ownerId: ctx.userId })),
  deleteBrokerAccount: protectedProcedure.input(z.object({ id: z.string().min(1).max(64) })).mutation(({ ctx, input }) => deleteBrokerAccount(ctx.db, { ...input, ownerId: ctx.userId })),
});
