// Input schemas and DTOs of shared templates and strategy files. Messages are error codes the UI
// translates.
import { z } from 'zod';
import type { TGraph } from '@/nodes/sdk/graph-schema';
import { ZStrategyDescriptionSchema, ZStrategyIdSchema } from '@/server/services/strategy/schemas';

export const TEMPLATE_MARKETS = ['cn-a', 'hk', 'us', 'crypto'] as const;
export type TTemplateMarket = (typeof TEMPLATE_MARKETS)[number];
export const TEMPLATE_VISIBILITIES = ['public', 'unlisted'] as const;
export type TTemplateVisibility = (typeof TEMPLATE_VISIBILITIES)[number];
/** Styles the gallery filters by: tags every built-in template carries one of. */
export const TEMPLATE_STYLES = ['trend', 'mean-reversion', 'breakout', 'volatility', 'risk'] as const;

export const MAX_TAGS = 8;
/** Letters of any script (均线), digits and dashes: tags are shown as chips and matched by search. */
const TAG_RE = /^[\p{L}\p{N}][\p{L}\p{N}-]{0,23}$/u;

export const ZTemplateIdSchema = z.string({ error: 'invalid_input' }).trim().min(1, 'invalid_input').max(64, 'invalid_input');
export const ZTemplateTitleSchema = z.string({ error: 'title_required' }).trim().min(1, 'title_required').max(80, 'title_too_long');
export const ZTemplateTagsSchema = z
  .array(z.string({ error: 'tag_invalid' }).trim().toLowerCase().regex(TAG_RE, 'tag_invalid'), { error: 'tag_invalid' })
  .max(MAX_TAGS, 'tags_too_many')
  // the same tag twice is a typo, not an error
  .transform((tags) => [...new Set(tags)]);
export const ZTemplateMarketsSchema = z
  .array(z.enum(TEMPLATE_MARKETS, { error: 'invalid_input' }), { error: 'invalid_input' })
  .min(1, 'invalid_input')
  .transform((m) => TEMPLATE_MARKETS.filter((id) => m.includes(id)));

export const ZListTemplatesSchema = z
  .object({
    market: z.enum(TEMPLATE_MARKETS, { error: 'invalid_input' }).optional(),
    /** a style or any tag */
    style: z.string({ error: 'invalid_input' }).trim().toLowerCase().max(24, 'invalid_input').optional(),
    usesAi: z.boolean({ error: 'invalid_input' }).optional(),
    search: z.string({ error: 'invalid_input' }).trim().max(100, 'invalid_input').optional(),
  })
  .default({});
export type TListTemplates = z.output<typeof ZListTemplatesSchema>;

export const ZTemplateRefSchema = z.object({ id: ZTemplateIdSchema });
export const ZForkTemplateSchema = z.object({
  id: ZTemplateIdSchema,
  /** a published template's version; its current one when absent */
  version: z.number({ error: 'invalid_input' }).int('invalid_input').min(1, 'invalid_input').optional(),
});
export type TForkTemplate = z.infer<typeof ZForkTemplateSchema>;

export const ZPublishTemplateSchema = z.object({
  strategyId: ZStrategyIdSchema,
  title: ZTemplateTitleSchema,
  description: ZStrategyDescriptionSchema.default(''),
  tags: ZTemplateTagsSchema.default([]),
  markets: ZTemplateMarketsSchema.default([...TEMPLATE_MARKETS]),
  visibility: z.enum(TEMPLATE_VISIBILITIES, { error: 'invalid_input' }).default('public'),
  /** share the AI answers the strategy's runs received, so forks replay them without a key */
  includeAiCache: z.boolean({ error: 'invalid_input' }).default(false),
});
export type TPublishTemplate = z.output<typeof ZPublishTemplateSchema>;

export const ZUpdateTemplateSchema = z.object({
  id: ZTemplateIdSchema,
  title: ZTemplateTitleSchema.optional(),
  description: ZStrategyDescriptionSchema.optional(),
  tags: ZTemplateTagsSchema.optional(),
  markets: ZTemplateMarketsSchema.optional(),
  visibility: z.enum(TEMPLATE_VISIBILITIES, { error: 'invalid_input' }).optional(),
  includeAiCache: z.boolean({ error: 'invalid_input' }).optional(),
});
export type TUpdateTemplate = z.output<typeof ZUpdateTemplateSchema>;

export const ZTemplateForStrategySchema = z.object({ strategyId: ZStrategyIdSchema });

export type TLocalText = { en: string; zh: string };

/** A template's reference backtest: where it ran, the key metrics and a small growth curve (1 = start). */
export type TTemplateReference = {
  symbol: string;
  market: string;
  timeframe: string;
  from: string;
  to: string;
  metrics: {
    totalReturn: number;
    annualReturn: number | null;
    maxDrawdown: number;
    sharpe: number;
    trades: number;
    winRate: number | null;
  };
  buyAndHoldReturn: number | null;
  /** [YYYY-MM-DD, growth of 1], at most 120 points */
  curve: Array<[string, number]>;
};

export type TTemplateCard = {
  id: string;
  kind: 'builtin' | 'published';
  visibility: 'builtin' | TTemplateVisibility;
  /** published templates are written in one language: both halves hold the author's text */
  title: TLocalText;
  description: TLocalText;
  tags: string[];
  markets: string[];
  usesAi: boolean;
  reference: TTemplateReference | null;
  /** the author's display name; null for built-ins. Never an e-mail. */
  author: string | null;
  /** distinct users who used it */
  uses: number;
  /** strategies created from it */
  forks: number;
  version: number;
  updatedAt: string | null;
  /** the caller published it */
  mine: boolean;
};

export type TTemplateDetail = TTemplateCard & {
  idea: TLocalText | null;
  suggested: { symbols: string[]; timeframe: string } | null;
  graph: TGraph;
  /** the version carries AI answers that a fork adds to the user's decision cache */
  hasAiCache: boolean;
  /** the author's own view: the source strategy and the version list */
  owner: { strategyId: string | null; versions: Array<{ version: number; createdAt: string }> } | null;
};

export type TMyTemplate = {
  id: string;
  title: string;
  visibility: TTemplateVisibility;
  version: number;
  uses: number;
  forks: number;
  strategyId: string | null;
  hasAiCache: boolean;
  updatedAt: string;
};

export type TForkResult = { strategyId: string; name: string; templateId: string; version: number; aiCacheImported: number };

// ---- strategy files ---------------------------------------------------------------------------

export const STRATEGY_FILE_FORMAT = 'nofx-strategy';
export const STRATEGY_FILE_VERSION = 1;
export const MAX_STRATEGY_FILE_CHARS = 10_000_000;

export const ZExportStrategySchema = z.object({
  id: ZStrategyIdSchema,
  /** embed the AI answers the strategy's runs used, so the file replays elsewhere without a key */
  includeAiCache: z.boolean({ error: 'invalid_input' }).default(false),
});
export const ZImportStrategySchema = z.object({
  /** the file's text, parsed on the server so every client gets the same checks and messages */
  text: z.string({ error: 'invalid_input' }).max(MAX_STRATEGY_FILE_CHARS, 'strategy_file_too_large'),
});

/** One thing wrong with an imported file, at a path such as `graph.nodes[2].type`, in both languages. */
export type TFileProblem = { path: string; code: string; message: string; messageZh: string };
