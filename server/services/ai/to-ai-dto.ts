import { z } from 'zod';
import type { TAnswerRecord, TDebateMessage, TDebateVerdict } from '@/server/ai/record/ai-records';
import { ZDebateMessageSchema, ZDebateVerdictSchema } from '@/server/ai/record/ai-records';
import type { TDb } from '@/server/db';
import type { TAnswerDto, TDebateDto, TDebateMessageDto, TDebateParticipantDto, TDebateSetupDto, TDebateStatus, TDebateSummaryDto, TVerdictDto } from './schemas';

export function toAnswerDto(a: TAnswerRecord): TAnswerDto {
  return {
    provider: a.provider,
    model: a.model,
    source: a.source,
    rawAnswer: a.rawAnswer,
    parsed: a.parsed,
    parseNotes: a.parseNotes,
    failure: a.failure,
    latencyMs: a.latencyMs,
    attempts: a.attempts,
    promptTokens: a.promptTokens,
    completionTokens: a.completionTokens,
    tokensEstimated: a.tokensEstimated,
    cost: a.cost,
  };
}

export function toMessageDto(m: TDebateMessage): TDebateMessageDto {
  return { round: m.round, participant: m.participant, role: m.role, answer: toAnswerDto(m.answer) };
}

export function toVerdictDto(v: TDebateVerdict): TVerdictDto {
  return { method: v.method, decision: v.decision, tally: v.tally, judge: v.judge ? toAnswerDto(v.judge) : null, note: v.note };
}

type TDebateRow = Awaited<ReturnType<TDb['aiDebate']['findFirstOrThrow']>>;

const ZParticipantsSchema = z.array(z.object({ role: ZDebateMessageSchema.shape.role, provider: z.string(), model: z.string() }));
const ZSetupSchema = z.object({
  at: z.string().nullable(),
  verdict: z.enum(['vote', 'judge']),
  judge: z.object({ provider: z.string(), model: z.string() }).nullable(),
  temperature: z.number(),
  template: z.string(),
  bars: z.number(),
});

function parseJson<T>(text: string | null, schema: z.ZodType<T>): T | null {
  if (text === null) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const STATUSES: readonly TDebateStatus[] = ['running', 'finished', 'failed', 'cancelled'];

export function toDebateSummaryDto(row: TDebateRow): TDebateSummaryDto {
  const verdict = parseJson(row.verdictJson, ZDebateVerdictSchema);
  return {
    id: row.id,
    runId: row.runId,
    nodeId: row.nodeId,
    symbol: row.symbol,
    barTime: Number(row.barTime),
    language: row.language === 'zh-CN' ? 'zh-CN' : 'en-US',
    rounds: row.rounds,
    participants: (parseJson(row.participantsJson, ZParticipantsSchema) ?? []) as TDebateParticipantDto[],
    status: (STATUSES as readonly string[]).includes(row.status) ? (row.status as TDebateStatus) : 'failed',
    verdict: verdict ? { method: verdict.method, action: verdict.decision.action, confidence: verdict.decision.confidence } : null,
    createdAt: row.createdAt.toISOString(),
  };
}

export function toDebateDto(row: TDebateRow): TDebateDto {
  const verdict = parseJson(row.verdictJson, ZDebateVerdictSchema);
  const messages = parseJson(row.messagesJson, z.array(ZDebateMessageSchema)) ?? [];
  return {
    ...toDebateSummaryDto(row),
    context: row.context,
    messages: messages.map(toMessageDto),
    verdictDetail: verdict ? toVerdictDto(verdict) : null,
    setup: parseJson(row.setupJson, ZSetupSchema) as TDebateSetupDto | null,
    error: row.error,
  };
}
