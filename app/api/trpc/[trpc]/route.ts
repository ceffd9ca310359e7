import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { createTrpcContext } from '@/server/api/context';
import { logTrpcError } from '@/server/api/log-error';
import { appRouter } from '@/server/api/root';

const handler = (req: Request) =>
  fetchRequestHandler({ endpoint: '/api/trpc', req, router: appRouter, createContext: createTrpcContext, onError: logTrpcError });

export { handler as GET, handler as POST };
