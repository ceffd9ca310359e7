import { randomUUID } from 'node:crypto';
import type { TAiDebateRequest } from '@/nodes/sdk';
import type { TDebateEvent } from '@/server/ai/debate/debate-events';
import { runDebate, type TDebateSetup } from '@/server/ai/debate/run-debate';
import { renderSnapshot } from '@/server/ai/prompts/build-decision-messages';
import { createProviderDirectory, type TProviderDirectory } from '@/server/ai/providers/create-provider-directory';
import type { TDebateTranscript } from '@/server/ai/record/ai-records';
import { debateColumns } from '@/server/ai/stores/db-ai-record-store';
import { createDbCacheStore } from '@/server/ai/stores/db-decision-cache-store';
import { createDbProviderSettingsStore } from '@/server/ai/stores/db-provider-settings-store';
import type { TDb } from '@/server/db';
import { AppError } from '@/server/services/errors';
import { aiDeps, type TAiDeps } from './ai-deps';
import { debateHub, type DebateChannel } from './debate-hub';
import { loadArenaSnapshot } from './load-arena-snapshot';
import type { TArenaEvent, TDebateSetupDto, TStartDebateInput } from './schemas';
import { toDebateDto, toMessageDto, toVerdictDto } from './to-ai-dto';

/** Debates one user may have running at once: each holds provider slots other work waits for. */
export const MAX_RUNNING_DEBATES = 3;

/**
 * Starts an Arena debate and returns its id at once; the debate runs in this process and
 * reports through its channel (arena.events). The row is written first with status "running",
 * so the list shows it and a restart marks it interrupted instead of losing it.
 */
export async function startArenaDebate(db: TDb, input: TStartDebateInput & { ownerId: string }): Promise<{ debateId: string }> {
  const deps = aiDeps(db);
  const hub = debateHub(db);
  await hub.ready;
  if (hub.runningFor(input.ownerId) >= MAX_RUNNING_DEBATES) throw new AppError('too_many_debates');

  const { snapshot, lookup } = await loadArenaSnapshot(deps.reader, { symbol: input.symbol, at: input.at, bars: input.bars });
  const directory = createProviderDirectory(await createDbProviderSettingsStore(db).list(input.ownerId), deps.appKey);
  const participants: TAiDebateRequest['participants'] = input.participants.map((p) => ({ role: p.role, provider: p.provider || 'auto', model: p.model }));
  const judge = input.verdict === 'judge' ? { provider: input.judge?.provider || 'auto', model: input.judge?.model ?? '' } : null;
  const id = randomUUID();
  const setup: TDebateSetup = {
    id,
    runId: null,
    nodeId: null,
    snapshot,
    language: input.language,
    temperature: input.temperature,
    template: input.template,
    participants,
    rounds: input.rounds,
    verdict: judge ? { method: 'judge', judge } : { method: 'vote' },
    context: renderSnapshot(snapshot, input.language, input.template, lookup).text,
  };
  const stored: TDebateSetupDto = { at: input.at, verdict: input.verdict, judge, temperature: input.temperature, template: input.template, bars: input.bars };

  await db.aiDebate.create({
    data: {
      id,
      ownerId: input.ownerId,
      symbol: snapshot.symbol,
      barTime: BigInt(snapshot.time),
      language: input.language,
      rounds: input.rounds,
      participantsJson: JSON.stringify(participants),
      setupJson: JSON.stringify(stored),
      context: setup.context,
      status: 'running',
      createdAt: deps.now(),
    },
  });
  const channel = hub.open(id, input.ownerId);
  void runArenaDebate(db, deps, channel, setup, directory).finally(() => hub.finish(channel));
  return { debateId: id };
}

/** The engine's events as the browser gets them (no prompts; the context is in the stored debate). */
function toArenaEvent(event: TDebateEvent): TArenaEvent | null {
  switch (event.type) {
    case 'debate-started':
      return event;
    case 'message-started':
    case 'message-delta':
    case 'judge-started':
      return event;
    case 'message-finished':
      return { type: 'message-finished', debateId: event.debateId, message: toMessageDto(event.message) };
    case 'verdict':
      return { type: 'verdict', debateId: event.debateId, verdict: toVerdictDto(event.verdict) };
    case 'debate-finished':
      // sent by us once the transcript is stored, with the stored status
      return null;
  }
}

async function runArenaDebate(db: TDb, deps: TAiDeps, channel: DebateChannel, setup: TDebateSetup, directory: TProviderDirectory): Promise<void> {
  const where = { id: channel.id, ownerId: channel.ownerId };
  const signal = channel.controller.signal;
  const finished: TDebateTranscript['messages'] = [];
  let transcript: TDebateTranscript | null = null;
  let error: string | null = null;
  try {
    transcript = await runDebate(setup, {
      client: deps.client,
      cache: createDbCacheStore(db, channel.ownerId),
      mode: 'live',
      now: deps.now,
      directory,
      stream: true,
      signal,
      onEvent: (event) => {
        if (event.type === 'message-finished') finished.push(event.message);
        const out = toArenaEvent(event);
        if (out) channel.push(out);
      },
    });
  } catch (cause) {
    // runDebate turns model trouble into HOLD; reaching here is a bug or the database
    console.error(`[arena] debate ${channel.id} failed:`, cause);
    error = 'internal_error';
  }
  const status = signal.aborted ? 'cancelled' : error ? 'failed' : 'finished';
  try {
    const columns = transcript ? debateColumns(transcript) : { messagesJson: JSON.stringify(finished) };
    await db.aiDebate.updateMany({ where, data: { ...columns, status, error: status === 'cancelled' ? 'cancelled' : error } });
    const row = await db.aiDebate.findFirst({ where });
    // deleted while running: nothing left to show
    if (row) channel.push({ type: 'debate-finished', debateId: channel.id, debate: toDebateDto(row) });
  } catch (cause) {
    console.error(`[arena] debate ${channel.id} could not be stored:`, cause);
  }
}
