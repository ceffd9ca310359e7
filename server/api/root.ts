// The API: one line per domain router. Add yours here.
import { aiRouter } from './routers/ai';
import { aiCacheRouter } from './routers/ai-cache';
import { aiProviderRouter } from './routers/ai-provider';
import { arenaRouter } from './routers/arena';
import { authRouter } from './routers/auth';
import { backtestRouter } from './routers/backtest';
import { marketRouter } from './routers/market';
import { strategyRouter } from './routers/strategy';
import { templateRouter } from './routers/template';
import { traderRouter } from './routers/trader';
import { userRouter } from './routers/user';
import { createCallerFactory, createTRPCRouter } from './trpc';

export const appRouter = createTRPCRouter({
  auth: authRouter,
  user: userRouter,
  strategy: strategyRouter,
  backtest: backtestRouter,
  market: marketRouter,
  trader: traderRouter,
  ai: aiRouter,
  aiProvider: aiProviderRouter,
  aiCache: aiCacheRouter,
  arena: arenaRouter,
  template: templateRouter,
});

export type AppRouter = typeof appRouter;

/** Server-side caller (tests, server components): `createCaller({ db, userId })`. */
export const createCaller = createCallerFactory(appRouter);
