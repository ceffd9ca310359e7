import { z } from 'zod';
import { DEBATE_ROLES } from '@/nodes/sdk';
import { AI_FAILURE_CODES } from '../client/ai-failure';
import { ZChatMessageSchema } from '../client/chat-types';

/**
 * What is stored about AI decisions: one record per model call (or heuristic answer), one
 * decision record per node decision, one transcript per debate. JSON-friendly (ISO dates, no
 * typed arrays) so the same shapes go to the database, the API and an export file.
 */
export const ZDecisionSchema = z.object({
  action: z.enum(['BUY', 'SELL', 'HOLD']),
  confidence: z.number().min(0).max(1),
  reasoning: z.string(),
});

export const ZCostSchema = z.object({ amount: z.number().min(0), currency: z.enum(['USD', 'CNY']) });

export const ZFailureSchema = z.object({ code: z.enum(AI_FAILURE_CODES), message: z.string(), messageZh: z.string() });

/** One answer: from the model (live or cache), from the heuristic analyst, or none (provider missing). */
export const ZAnswerRecordSchema = z.object({
  /** 'heuristic' for the heuristic analyst, which is not a language model */
  provider: z.string(),
  model: z.string(),
  source: z.enum(['model', 'cache', 'heuristic', 'none']),
  cacheKey: z.string().nullable(),
  messages: z.array(ZChatMessageSchema),
  rawAnswer: z.string(),
  parsed: ZDecisionSchema.nullable(),
  parseNotes: z.array(z.string()),
  failure: ZFailureSchema.nullable(),
  latencyMs: z.number().min(0),
  attempts: z.number().int().min(0),
  promptTokens: z.number().int().min(0),
  completionTokens: z.number().int().min(0),
  tokensEstimated: z.boolean(),
  cost: ZCostSchema.nullable(),
});
export type TAnswerRecord = z.infer<typeof ZAnswerRecordSchema>;

/** A decision an AI node took on one bar of one symbol: what the run acted on, and why. */
export const ZDecisionRecordSchema = z.object({
  id: z.string(),
  runId: z.string().nullable(),
  nodeId: z.string(),
  kind: z.enum(['decision', 'debate']),
  symbol: z.string(),
  /** the bar's time, epoch ms (exchange-local as UTC), for the K-line marker */
  barTime: z.number(),
  barIndex: z.number().int(),
  decision: ZDecisionSchema,
  /** the reason the decision is a fallback HOLD, or null */
  error: z.string().nullable(),
  /** the single answer behind a decision node; null for a debate (see the transcript) */
  answer: ZAnswerRecordSchema.nullable(),
  transcriptId: z.string().nullable(),
  createdAt: z.string(),
});
export type TDecisionRecord = z.infer<typeof ZDecisionRecordSchema>;

export const ZDebateMessageSchema = z.object({
  round: z.number().int().min(1),
  /** index into the debate's participants */
  participant: z.number().int().min(0),
  role: z.enum(DEBATE_ROLES),
  answer: ZAnswerRecordSchema,
});
export type TDebateMessage = z.infer<typeof ZDebateMessageSchema>;

export const ZDebateVerdictSchema = z.object({
  method: z.enum(['vote', 'judge']),
  decision: ZDecisionSchema,
  /** summed confidence per action over the last round (vote), or the judge's answer */
  tally: z.object({ BUY: z.number(), SELL: z.number(), HOLD: z.number() }),
  judge: ZAnswerRecordSchema.nullable(),
  /** e.g. "judge failed (timeout); fell back to the vote" */
  note: z.string().nullable(),
});
export type TDebateVerdict = z.infer<typeof ZDebateVerdictSchema>;

export const ZDebateTranscriptSchema = z.object({
  id: z.string(),
  runId: z.string().nullable(),
  nodeId: z.string().nullable(),
  symbol: z.string(),
  barTime: z.number(),
  language: z.enum(['zh-CN', 'en-US']),
  rounds: z.number().int().min(1).max(5),
  participants: z.array(z.object({ role: z.enum(DEBATE_ROLES), provider: z.string(), model: z.string() })),
  /** the market snapshot as rendered for every participant */
  context: z.string(),
  messages: z.array(ZDebateMessageSchema),
  verdict: ZDebateVerdictSchema,
  createdAt: z.string(),
});
export type TDebateTranscript = z.infer<typeof ZDebateTranscriptSchema>;
