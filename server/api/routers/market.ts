// Market data: symbols and series, CSV import (preview, then import), provider settings, syncs.
// The store is shared by all users of this install; every procedure still needs a session.
import { cancelSync, startSync } from '@/server/services/market/start-sync';
import { importCsv } from '@/server/services/market/import-csv';
import { listImports } from '@/server/services/market/list-imports';
import { listMarketSymbols } from '@/server/services/market/list-market-symbols';
import { previewCsvImport } from '@/server/services/market/preview-csv-import';
import { listProviderSettings, saveProviderSettings } from '@/server/services/market/provider-settings';
import {
  ZImportCsvSchema,
  ZImportRefSchema,
  ZListImportsSchema,
  ZListMarketSymbolsSchema,
  ZPreviewCsvImportSchema,
  ZSaveProviderSettingsSchema,
  ZSeriesRefSchema,
  ZStartSyncSchema,
  ZUpdateMarketSymbolSchema,
} from '@/server/services/market/schemas';
import { getSeriesInfo } from '@/server/services/market/get-series-info';
import { updateMarketSymbol } from '@/server/services/market/update-market-symbol';
import { createTRPCRouter, protectedProcedure } from '../trpc';

export const marketRouter = createTRPCRouter({
  listSymbols: protectedProcedure.input(ZListMarketSymbolsSchema).query(({ ctx, input }) => listMarketSymbols(ctx.db, input)),
  seriesInfo: protectedProcedure.input(ZSeriesRefSchema).query(({ ctx, input }) => getSeriesInfo(ctx.db, input)),
  updateSymbol: protectedProcedure.input(ZUpdateMarketSymbolSchema).mutation(({ ctx, input }) => updateMarketSymbol(ctx.db, input)),
  previewImport: protectedProcedure.input(ZPreviewCsvImportSchema).mutation(({ input }) => previewCsvImport(input)),
  importCsv: protectedProcedure.input(ZImportCsvSchema).mutation(({ ctx, input }) => importCsv(ctx.db, { ...input, createdById: ctx.userId })),
  listImports: protectedProcedure.input(ZListImportsSchema).query(({ ctx, input }) => listImports(ctx.db, input)),
  providerSettings: protectedProcedure.query(({ ctx }) => listProviderSettings(ctx.db)),
  saveProviderSettings: protectedProcedure.input(ZSaveProviderSettingsSchema).mutation(({ ctx, input }) => saveProviderSettings(ctx.db, input)),
  startSync: protectedProcedure
    .input(ZStartSyncSchema)
    .mutation(async ({ ctx, input }) => ({ importId: (await startSync(ctx.db, { ...input, createdById: ctx.userId })).importId })),
  cancelSync: protectedProcedure.input(ZImportRefSchema).mutation(({ ctx, input }) => cancelSync(ctx.db, input)),
});
