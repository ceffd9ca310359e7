// tRPC set-up: context type, error shaping, publicProcedure and protectedProcedure.
import { initTRPC, TRPCError } from '@trpc/server';
import type { TDb } from '@/server/db';
import { AppError, isErrorCode, type TErrorCode, type TErrorKind } from '@/server/services/errors';

export type TTrpcContext = {
  db: TDb;
  /** The signed-in user's id, from the next-auth JWT; null when signed out. */
  userId: string | null;
};

/** Field -> error codes, for forms to show next to the right input. */
export type TFieldErrors = Record<string, TErrorCode[]>;

type TIssueLike = { path?: ReadonlyArray<PropertyKey | { key: PropertyKey }>; message?: string };

function fieldErrorsFrom(cause: unknown): TFieldErrors | null {
  const issues = (cause as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return null;
  const out: TFieldErrors = {};
  for (const issue of issues as TIssueLike[]) {
    const key = (issue.path ?? []).map((p) => String(typeof p === 'object' ? p.key : p)).join('.') || '_';
    // Our schemas use error codes as messages; anything else (wrong type, unknown shape) is generic.
    const code: TErrorCode = isErrorCode(issue.message) ? issue.message : 'invalid_input';
    (out[key] ??= []).push(code);
  }
  return out;
}

const TRPC_CODE: Record<TErrorKind, TRPCError['code']> = {
  bad_input: 'BAD_REQUEST',
  not_found: 'NOT_FOUND',
  conflict: 'CONFLICT',
  unauthorized: 'UNAUTHORIZED',
};

const t = initTRPC.context<TTrpcContext>().create({
  // Never send stacks, even in development: the browser console is not the place for them.
  isDev: false,
  errorFormatter({ shape, error }) {
    const fieldErrors = error.code === 'BAD_REQUEST' ? fieldErrorsFrom(error.cause) : null;
    const appCode: TErrorCode =
      error.cause instanceof AppError
        ? error.cause.code
        : isErrorCode(error.message)
          ? error.message
          : error.code === 'BAD_REQUEST' || error.code === 'PARSE_ERROR'
            ? 'invalid_input'
            : error.code === 'UNAUTHORIZED'
              ? 'unauthorized'
              : error.code === 'NOT_FOUND'
                ? 'not_found'
                : 'internal_error';
    return {
      message: appCode,
      code: shape.code,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        appCode,
        field: error.cause instanceof AppError ? (error.cause.field ?? null) : null,
        details: error.cause instanceof AppError ? (error.cause.details ?? null) : null,
        fieldErrors,
      },
    };
  },
});

/** Turns a service's AppError into the matching tRPC error (and so the right HTTP status). */
const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: TRPC_CODE[cause.kind], message: cause.code, cause });
  }
  return result;
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure.use(appErrors);

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.userId) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'unauthorized' });
  return next({ ctx: { ...ctx, userId: ctx.userId } });
});
