// Shared templates and strategy files. Every procedure needs a session; services filter by the
// caller (viewer or owner), so a private strategy never answers to another user.
import { exportStrategyFile } from '@/server/services/template/export-strategy-file';
import { forkTemplate } from '@/server/services/template/fork-template';
import { getTemplate } from '@/server/services/template/get-template';
import { importStrategyFile } from '@/server/services/template/import-strategy-file';
import { getTemplateForStrategy, listMyTemplates } from '@/server/services/template/list-my-templates';
import { listTemplates } from '@/server/services/template/list-templates';
import { publishTemplate } from '@/server/services/template/publish-template';
import {
  ZExportStrategySchema,
  ZForkTemplateSchema,
  ZImportStrategySchema,
  ZListTemplatesSchema,
  ZPublishTemplateSchema,
  ZTemplateForStrategySchema,
  ZTemplateRefSchema,
  ZUpdateTemplateSchema,
} from '@/server/services/template/schemas';
import { unpublishTemplate } from '@/server/services/template/unpublish-template';
import { updateTemplate } from '@/server/services/template/update-template';
import { z } from 'zod';
import { createTRPCRouter, protectedProcedure } from '../trpc';

const ZGetTemplateSchema = ZTemplateRefSchema.extend({
  version: z.number({ error: 'invalid_input' }).int('invalid_input').min(1, 'invalid_input').optional(),
});

export const templateRouter = createTRPCRouter({
  list: protectedProcedure.input(ZListTemplatesSchema).query(({ ctx, input }) => listTemplates(ctx.db, { ...input, viewerId: ctx.userId })),
  get: protectedProcedure.input(ZGetTemplateSchema).query(({ ctx, input }) => getTemplate(ctx.db, { ...input, viewerId: ctx.userId })),
  fork: protectedProcedure.input(ZForkTemplateSchema).mutation(({ ctx, input }) => forkTemplate(ctx.db, { ...input, ownerId: ctx.userId })),
  mine: protectedProcedure.query(({ ctx }) => listMyTemplates(ctx.db, { ownerId: ctx.userId })),
  forStrategy: protectedProcedure
    .input(ZTemplateForStrategySchema)
    .query(({ ctx, input }) => getTemplateForStrategy(ctx.db, { ...input, ownerId: ctx.userId })),
  publish: protectedProcedure.input(ZPublishTemplateSchema).mutation(({ ctx, input }) => publishTemplate(ctx.db, { ...input, ownerId: ctx.userId })),
  update: protectedProcedure.input(ZUpdateTemplateSchema).mutation(({ ctx, input }) => updateTemplate(ctx.db, { ...input, ownerId: ctx.userId })),
  unpublish: protectedProcedure.input(ZTemplateRefSchema).mutation(({ ctx, input }) => unpublishTemplate(ctx.db, { ...input, ownerId: ctx.userId })),
  // Strategy files live here because a file is how a strategy travels outside a template.
  exportStrategy: protectedProcedure
    .input(ZExportStrategySchema)
    .mutation(({ ctx, input }) => exportStrategyFile(ctx.db, { ...input, ownerId: ctx.userId })),
  importStrategy: protectedProcedure
    .input(ZImportStrategySchema)
    .mutation(({ ctx, input }) => importStrategyFile(ctx.db, { ...input, ownerId: ctx.userId })),
});
