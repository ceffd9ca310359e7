'use client';
// One debate: live while it runs (bubbles fill from streamed text), then the verdict; a past
// debate opens the same way (its stored form arrives as the single event).
import { useReducer, useState } from 'react';
import { usePreferences } from '@/components/preferences/PreferencesProvider';
import { trpc } from '@/components/trpc/client';
import { errorText } from '@/components/trpc/error-text';
import { Alert } from '@/components/ui/Alert';
import type { TArenaEvent, TDebateDto } from '@/server/services/ai/schemas';
import { DebateBubble } from './DebateBubble';
import { barDate, EMPTY_FEED, reduceFeed, speakerLabels, type TFeed } from './debate-feed';
import { UseInStrategy } from './UseInStrategy';
import { VerdictCard } from './VerdictCard';

type TAction = { type: 'event'; event: TArenaEvent };

function feedReducer(feed: TFeed, action: TAction): TFeed {
  return reduceFeed(feed, action.event);
}

export function DebateView({ debateId }: { debateId: string }) {
  const { t } = usePreferences();
  const utils = trpc.useUtils();
  const [feed, dispatch] = useReducer(feedReducer, EMPTY_FEED);
  const [connectionError, setConnectionError] = useState<string | null>(null);
  const header = trpc.arena.get.useQuery({ id: debateId });
  const cancel = trpc.arena.cancel.useMutation();

  const finished = feed.final !== null;
  trpc.arena.events.useSubscription(
    { debateId },
    {
      enabled: !finished,
      onData: (tracked) => {
        setConnectionError(null);
        const event = tracked.data as TArenaEvent;
        dispatch({ type: 'event', event });
        if (event.type === 'debate-finished') {
          utils.arena.get.setData({ id: debateId }, event.debate);
          void utils.arena.list.invalidate();
        }
      },
      onError: (error) => setConnectionError(errorText(error, t).message),
    },
  );

  const debate: TDebateDto | undefined = feed.final ?? header.data;
  if (header.error && !feed.final) return <Alert>{errorText(header.error, t).message}</Alert>;
  if (!debate) return <p className="muted">{t.common.loading}</p>;

  const roles = (feed.participants.length ? feed.participants : debate.participants).map((p) => p.role);
  const participants = feed.final?.participants ?? (feed.participants.length ? feed.participants : debate.participants);
  const speakers = speakerLabels(roles, (r) => t.ai.roles[r] ?? r);
  const rounds = debate.rounds;
  const messages = feed.final ? feed.final.messages : null;
  const running = !feed.final && debate.status === 'running';
  const verdict = feed.final?.verdictDetail ?? feed.verdict;
  const status = feed.final?.status ?? debate.status;

  return (
    <article className="arena-debate" aria-labelledby={`debate-${debateId}-title`} data-testid="arena-debate" data-status={status}>
      <header className="arena-debate__header">
        <h2 id={`debate-${debateId}-title`}>{t.arena.headline(debate.symbol, barDate(debate.barTime))}</h2>
        <span className={`arena-status arena-status--${status}`} data-testid="arena-debate-status">
          {running ? <span className="arena-live" aria-hidden="true" /> : null}
          {t.arena.status[status] ?? status}
        </span>
        {running ? (
          <button type="button" className="button button--danger" disabled={cancel.isPending} onClick={() => cancel.mutate({ id: debateId })}>
            {cancel.isPending ? t.arena.cancelling : t.arena.cancel}
          </button>
        ) : null}
      </header>
      {running && connectionError ? <Alert>{connectionError}</Alert> : null}
      {feed.final?.error ? <Alert kind={feed.final.status === 'cancelled' ? 'info' : 'error'}>{t.arena.stopped[feed.final.error] ?? feed.final.error}</Alert> : null}

      <div aria-live="polite" aria-busy={running}>
        {Array.from({ length: rounds }, (_, r) => r + 1).map((round) => {
          const inRound = participants.map((p, k) => {
            const bubble = feed.bubbles.find((b) => b.round === round && b.participant === k);
            const message = messages?.find((m) => m.round === round && m.participant === k) ?? bubble?.message ?? null;
            return { p, k, bubble, message };
          });
          if (!inRound.some((x) => x.bubble || x.message)) return null;
          return (
            <section key={round} className="arena-round" aria-label={t.arena.round(round, rounds)} data-testid="arena-round">
              <h3 className="arena-round__title">{t.arena.round(round, rounds)}</h3>
              {inRound.map(({ p, k, bubble, message }) =>
                bubble || message ? <DebateBubble key={k} index={k} role={p.role} speaker={speakers[k]} provider={p.provider} model={p.model} text={bubble?.text ?? ''} message={message} /> : null,
              )}
            </section>
          );
        })}
      </div>

      {feed.judging ? (
        <p className="arena-judging" role="status">
          {t.arena.judging}
        </p>
      ) : null}
      {verdict ? <VerdictCard verdict={verdict} /> : null}
      {feed.final && feed.final.status !== 'running' ? (
        <>
          <UseInStrategy debateId={debateId} />
          <details className="arena-context">
            <summary>{t.arena.context}</summary>
            <pre>{feed.final.context}</pre>
          </details>
        </>
      ) : null}
    </article>
  );
}
