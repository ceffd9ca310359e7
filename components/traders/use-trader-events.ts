'use client';
// The traders' live feed (tRPC subscription over SSE): pages reload what an event says changed,
// instead of polling. Reloads are coalesced (first at once, then at most one per window) because a
// fast replay announces hundreds of rows a second and a page needs a few refreshes.
import { useCallback, useEffect, useRef } from 'react';
import { trpc } from '@/components/trpc/client';
import type { TTraderEvent } from '@/server/services/trader/schemas';

/** Only while the subscription has failed for good (not while it reconnects): a slow poll keeps the page roughly current. */
export const FALLBACK_POLL_MS = 10_000;

/**
 * Calls `onEvents` with each batch of events (one trader's with `traderId`, else all the user's).
 * When the stream (re)starts it reports a 'resync', so whatever changed between the page's first
 * read and the stream's start is read again. `live` is false once the stream has failed.
 */
export function useTraderEvents(traderId: string | null, onEvents: (events: TTraderEvent[]) => void): { live: boolean } {
  const handler = useRef(onEvents);
  useEffect(() => {
    handler.current = onEvents;
  });
  const sub = trpc.trader.events.useSubscription(traderId ? { traderId } : {}, {
    onStarted: () => handler.current([{ type: 'resync' }]),
    onData: (tracked) => handler.current(tracked.data.events),
  });
  return { live: sub.status !== 'error' };
}

/** `fn` at most once per `ms`: the first call runs at once, calls within the window run once at its end. */
export function useCoalesced(fn: () => void, ms: number): () => void {
  const latest = useRef(fn);
  const state = useRef<{ timer: ReturnType<typeof setTimeout> | null; queued: boolean }>({ timer: null, queued: false });
  useEffect(() => {
    latest.current = fn;
  });
  useEffect(() => {
    const s = state.current;
    return () => {
      if (s.timer) clearTimeout(s.timer);
    };
  }, []);
  return useCallback(() => {
    const s = state.current;
    if (s.timer) {
      s.queued = true;
      return;
    }
    latest.current();
    const close = () => {
      if (s.queued) {
        s.queued = false;
        latest.current();
        s.timer = setTimeout(close, ms);
      } else s.timer = null;
    };
    s.timer = setTimeout(close, ms);
  }, [ms]);
}
