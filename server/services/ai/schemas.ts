// Inputs of the AI routers (zod; messages are error codes) and the DTOs they return.
import { z } from 'zod';
import { DEBATE_ROLES, type TAction, type TDebateRole } from '@/nodes/sdk';
import type { TAiFailure } from '@/server/ai/client/ai-failure';
import type { TProviderKind } from '@/server/ai/providers/provider-presets';
import type { TProviderView } from '@/server/ai/settings/provider-settings';

export const ZAiLanguageSchema = z.enum(['zh-CN', 'en-US']);

export const ZProviderRefSchema = z.object({ id: z.string().min(1).max(100) });

export const ZProviderTestSchema = z.object({
  id: z.string().min(1).max(100),
  model: z.string().trim().max(200, 'model_too_long').default(''),
  language: ZAiLanguageSchema.default('en-US'),
});

export const ZPromptDefaultsSchema = z.object({ language: ZAiLanguageSchema });

export const ZModelRefSchema = z.object({
  provider: z.string().trim().max(100).default('auto'),
  model: z.string().trim().max(200, 'model_too_long').default(''),
});

const ZDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'debate_date_invalid').refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), 'debate_date_invalid');

export const ZPreviewPromptSchema = z.object({
  symbol: z.string().trim().min(1, 'symbols_required').max(40),
  /** 'YYYY-MM-DD' (the last bar on or before it); absent = the latest bar */
  at: ZDateSchema.nullish(),
  nodeParams: z.object({
    language: ZAiLanguageSchema.default('en-US'),
    template: z.string().max(8000).default(''),
    bars: z.number().int().min(1).max(200).default(20),
  }),
});

export const ZArenaParticipantSchema = z.object({
  role: z.enum(DEBATE_ROLES),
  provider: z.string().trim().max(100).default('auto'),
  model: z.string().trim().max(200, 'model_too_long').default(''),
});

export const ZStartDebateSchema = z.object({
  symbol: z.string().trim().min(1, 'symbols_required').max(40),
  /** 'YYYY-MM-DD': the market as of that day's close; null = the latest bar */
  at: ZDateSchema.nullable().default(null),
  participants: z.array(ZArenaParticipantSchema).min(2, 'participants_too_few').max(5, 'participants_too_many'),
  rounds: z.number().int().min(1).max(5).default(2),
  verdict: z.enum(['vote', 'judge']).default('vote'),
  judge: ZModelRefSchema.optional(),
  language: ZAiLanguageSchema.default('en-US'),
  temperature: z.number().min(0).max(2).default(0.2),
  template: z.string().max(8000).default(''),
  /** recent bars shown to every participant */
  bars: z.number().int().min(5).max(200).default(20),
});
export type TStartDebateInput = z.infer<typeof ZStartDebateSchema>;

export const ZDebateRefSchema = z.object({ id: z.string().min(1).max(100) });
export const ZDebateEventsSchema = z.object({ debateId: z.string().min(1).max(100), lastEventId: z.string().max(20).nullish() });
export const ZListDebatesSchema = z.object({ limit: z.number().int().min(1).max(200).default(50) }).default({ limit: 50 });

export const ZArenaSymbolsSchema = z.object({ query: z.string().trim().max(40).default(''), limit: z.number().int().min(1).max(50).default(20) });

export const ZCacheScopeSchema = z
  .object({
    /** a backtest run's (or a trader's) answers only; absent = every cached answer of the user */
    runId: z.string().min(1).max(100).optional(),
    traderId: z.string().min(1).max(100).optional(),
    debateId: z.string().min(1).max(100).optional(),
  })
  .default({});

export const ZCacheImportSchema = z.object({ data: z.unknown() });

export const ZRunDecisionsSchema = z.object({
  runId: z.string().min(1).max(100),
  symbol: z.string().max(40).optional(),
  limit: z.number().int().min(1).max(20_000).default(5_000),
});

// ---- DTOs -------------------------------------------------------------------------------------

export interface TProviderPresetDto {
  kind: TProviderKind;
  label: { en: string; zh: string };
  baseURL: string;
  needsKey: boolean;
  defaultModel: string;
  models: string[];
  jsonMode: boolean;
  concurrency: number;
}

export interface TProviderListDto {
  providers: TProviderView[];
  presets: TProviderPresetDto[];
  /** how the heuristic analyst is named (it is not a language model) */
  heuristic: { provider: string; model: string; label: { en: string; zh: string } };
}

export type TDecisionDto = { action: TAction; confidence: number; reasoning: string };

/** One answer as the browser sees it: no prompt messages (the debate's context is sent once), no cache key. */
export interface TAnswerDto {
  provider: string;
  model: string;
  source: 'model' | 'cache' | 'heuristic' | 'none';
  rawAnswer: string;
  parsed: TDecisionDto | null;
  parseNotes: string[];
  failure: TAiFailure | null;
  latencyMs: number;
  attempts: number;
  promptTokens: number;
  completionTokens: number;
  tokensEstimated: boolean;
  cost: { amount: number; currency: 'USD' | 'CNY' } | null;
}

export interface TDebateMessageDto {
  round: number;
  participant: number;
  role: TDebateRole;
  answer: TAnswerDto;
}

export interface TVerdictDto {
  method: 'vote' | 'judge';
  decision: TDecisionDto;
  tally: Record<TAction, number>;
  judge: TAnswerDto | null;
  note: string | null;
}

export type TDebateStatus = 'running' | 'finished' | 'failed' | 'cancelled';

export interface TDebateParticipantDto {
  role: TDebateRole;
  /** what was asked for: 'auto', 'heuristic', a provider kind or a configured provider's id */
  provider: string;
  model: string;
}

/** What the Arena needs to run the same debate again or turn it into a node. */
export interface TDebateSetupDto {
  at: string | null;
  verdict: 'vote' | 'judge';
  judge: { provider: string; model: string } | null;
  temperature: number;
  template: string;
  bars: number;
}

export interface TDebateSummaryDto {
  id: string;
  runId: string | null;
  nodeId: string | null;
  symbol: string;
  /** the debated bar's time, exchange-local ms as if UTC */
  barTime: number;
  language: 'zh-CN' | 'en-US';
  rounds: number;
  participants: TDebateParticipantDto[];
  status: TDebateStatus;
  verdict: { method: 'vote' | 'judge'; action: TAction; confidence: number } | null;
  createdAt: string;
}

export interface TDebateDto extends TDebateSummaryDto {
  context: string;
  messages: TDebateMessageDto[];
  verdictDetail: TVerdictDto | null;
  setup: TDebateSetupDto | null;
  error: string | null;
}

/** The Arena's live feed: the debate engine's events, slimmed for the wire, then the stored debate. */
export type TArenaEvent =
  | { type: 'debate-started'; debateId: string; symbol: string; rounds: number; participants: Array<TDebateParticipantDto & { speaker: string }> }
  | { type: 'message-started'; debateId: string; round: number; participant: number }
  | { type: 'message-delta'; debateId: string; round: number; participant: number; text: string }
  | { type: 'message-finished'; debateId: string; message: TDebateMessageDto }
  | { type: 'judge-started'; debateId: string }
  | { type: 'verdict'; debateId: string; verdict: TVerdictDto }
  /** last event: the debate as stored (finished, cancelled or failed) */
  | { type: 'debate-finished'; debateId: string; debate: TDebateDto };

export interface TDecisionRecordDto {
  id: string;
  runId: string | null;
  traderId: string | null;
  nodeId: string;
  kind: 'decision' | 'debate';
  symbol: string;
  barTime: number;
  barIndex: number;
  decision: TDecisionDto;
  error: string | null;
  answer: TAnswerDto | null;
  /** the prompt the model was sent (decision nodes) */
  prompt: Array<{ role: string; content: string }> | null;
  transcriptId: string | null;
  createdAt: string;
}

export interface TCacheStatsDto {
  entries: number;
  byModel: Array<{ provider: string; model: string; entries: number }>;
  oldest: string | null;
  newest: string | null;
}
