// Inputs of the market API. Messages are error codes the UI translates (messages/*: errors).
import { z } from 'zod';
import { BAR_FIELDS } from '@/server/data/csv-mapping';
import { isValidTimeZone } from '@/server/data/time-zones';
import { normalizeSymbol } from '@/server/markets/symbols';

export const TIMEFRAMES = ['1m', '5m', '15m', '1h', '1d', '1w'] as const;
export const ADJUSTMENTS = ['raw', 'qfq', 'hfq', 'split-adj', 'none'] as const;
export const PROVIDER_IDS = ['tushare', 'eastmoney', 'yahoo', 'futu', 'binance'] as const;
export const MAX_CSV_CHARS = 64 * 1024 * 1024;

export const ZSymbolSchema = z
  .string({ error: 'symbol_invalid' })
  .trim()
  .min(1, 'symbol_invalid')
  .max(40, 'symbol_invalid')
  .refine((s) => normalizeSymbol(s) !== null, 'symbol_invalid')
  .transform((s) => normalizeSymbol(s)!);
export const ZTimeframeSchema = z.enum(TIMEFRAMES, { error: 'timeframe_invalid' });
export const ZAdjustmentSchema = z.enum(ADJUSTMENTS, { error: 'adjustment_invalid' });
export const ZTimeZoneSchema = z.string().trim().max(64, 'timezone_invalid').refine(isValidTimeZone, 'timezone_invalid');
export const ZProviderIdSchema = z.enum(PROVIDER_IDS, { error: 'provider_invalid' });

export const ZListMarketSymbolsSchema = z.object({
  query: z.string().trim().max(40, 'invalid_input').optional(),
  market: z.enum(['cn-a', 'hk', 'us', 'crypto'], { error: 'invalid_input' }).optional(),
  withoutData: z.boolean().optional(),
});

export const ZCsvMappingSchema = z.object(Object.fromEntries(BAR_FIELDS.map((f) => [f, z.number().int().min(0).max(500).optional()])) as Record<(typeof BAR_FIELDS)[number], z.ZodOptional<z.ZodNumber>>);

const ZCsvTextSchema = z.string({ error: 'csv_empty' }).min(1, 'csv_empty').max(MAX_CSV_CHARS, 'csv_too_large');

export const ZCsvImportOptionsSchema = z.object({
  symbol: ZSymbolSchema,
  timeframe: ZTimeframeSchema,
  adjustment: ZAdjustmentSchema,
  mapping: ZCsvMappingSchema.optional(),
  /** zone the file's clock times are in; default the exchange's */
  timeZone: ZTimeZoneSchema.optional(),
  volumeUnit: z.enum(['shares', 'lots'], { error: 'invalid_input' }).default('shares'),
  barTime: z.enum(['start', 'end'], { error: 'invalid_input' }).optional(),
  skipBadRows: z.boolean().default(false),
  fileName: z.string().trim().max(200, 'invalid_input').optional(),
});

export const ZPreviewCsvImportSchema = ZCsvImportOptionsSchema.extend({ text: ZCsvTextSchema });
export const ZImportCsvSchema = ZCsvImportOptionsSchema.extend({ text: ZCsvTextSchema });

export type TCsvImportOptions = z.infer<typeof ZCsvImportOptionsSchema>;
export type TImportCsvInput = z.infer<typeof ZImportCsvSchema>;

export const ZUpdateMarketSymbolSchema = z.object({
  symbol: ZSymbolSchema,
  nameZh: z.string().trim().max(80, 'name_too_long').optional(),
  nameEn: z.string().trim().max(80, 'name_too_long').optional(),
  lotSize: z.number({ error: 'invalid_input' }).min(0, 'invalid_input').max(1_000_000, 'invalid_input').optional(),
  tick: z.number({ error: 'invalid_input' }).positive('invalid_input').max(1000, 'invalid_input').optional(),
  listingDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date_invalid').nullable().optional(),
  delistingDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date_invalid').nullable().optional(),
  stHistory: z
    .array(z.object({ from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date_invalid'), to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date_invalid').nullable(), kind: z.enum(['ST', '*ST']) }))
    .max(50, 'invalid_input')
    .optional(),
});
export type TUpdateMarketSymbol = z.infer<typeof ZUpdateMarketSymbolSchema>;

export const ZSeriesRefSchema = z.object({ symbol: ZSymbolSchema, timeframe: ZTimeframeSchema, adjustment: ZAdjustmentSchema });

export const ZSaveProviderSettingsSchema = z.object({
  provider: ZProviderIdSchema,
  enabled: z.boolean().optional(),
  /** '' resets to the provider's public default */
  baseUrl: z.union([z.literal(''), z.url({ error: 'url_invalid' }).max(300, 'url_invalid').refine((u) => /^(https?|wss?):\/\//.test(u), 'url_invalid')]).optional(),
  /** write-only: undefined keeps the stored one, '' removes it */
  credential: z.string().trim().max(500, 'invalid_input').optional(),
  rateLimitPerMin: z.number().int('invalid_input').min(1, 'invalid_input').max(6000, 'invalid_input').nullable().optional(),
});
export type TSaveProviderSettings = z.infer<typeof ZSaveProviderSettingsSchema>;

export const ZStartSyncSchema = z.object({
  provider: ZProviderIdSchema,
  symbol: ZSymbolSchema,
  timeframe: ZTimeframeSchema,
  adjustment: ZAdjustmentSchema.optional(),
  /** first date to fetch when the store has nothing yet, YYYY-MM-DD */
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date_invalid').optional(),
});
export type TStartSync = z.infer<typeof ZStartSyncSchema>;

export const ZImportRefSchema = z.object({ id: z.string().min(1, 'invalid_input').max(64, 'invalid_input') });
export const ZListImportsSchema = z.object({ limit: z.number().int().min(1).max(200).default(50), symbol: ZSymbolSchema.optional() });
