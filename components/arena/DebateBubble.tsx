'use client';
// One participant's turn in one round: streamed text while it comes, then the stance
// (action, confidence, reasoning) or why there is none. The heuristic analyst is labelled.
import { usePreferences } from '@/components/preferences/PreferencesProvider';
import type { TDebateMessageDto } from '@/server/services/ai/schemas';
import { partialAnswer } from './debate-feed';

export function DebateBubble({
  index,
  role,
  speaker,
  provider,
  model,
  text,
  message,
}: {
  index: number;
  role: string;
  speaker: string;
  provider: string;
  model: string;
  text: string;
  message: TDebateMessageDto | null;
}) {
  const { t, locale } = usePreferences();
  const answer = message?.answer;
  const heuristic = answer ? answer.source === 'heuristic' : provider === 'heuristic';
  const live = partialAnswer(text);
  const parsed = answer?.parsed ?? null;
  const action = parsed?.action ?? live.action;
  const who = answer && answer.source !== 'heuristic' && answer.source !== 'none' ? `${answer.model}` : !heuristic && model ? model : '';

  return (
    <div className={`arena-bubble arena-bubble--${role} ${index % 2 ? 'arena-bubble--right' : ''}`} data-testid="arena-bubble" data-role={role} data-done={message ? 'true' : 'false'}>
      <div className="arena-bubble__head">
        <span className="arena-bubble__speaker">{speaker}</span>
        {heuristic ? <span className="arena-badge arena-badge--heuristic">{t.ai.heuristicBadge}</span> : null}
        {who ? <span className="arena-bubble__model">{who}</span> : null}
        {answer?.source === 'cache' ? <span className="arena-badge">{t.ai.sources.cache}</span> : null}
        {action ? (
          <span className={`arena-action arena-action--${action}`} data-testid="arena-bubble-action">
            {t.ai.actions[action] ?? action}
            {parsed ? ` · ${Math.round(parsed.confidence * 100)}%` : ''}
          </span>
        ) : null}
      </div>
      <div className="arena-bubble__body">
        {message && !parsed ? (
          <p className="arena-bubble__failure">{t.arena.failedTurn(answer?.failure ? (locale === 'zh-CN' ? answer.failure.messageZh : answer.failure.message) : '?')}</p>
        ) : (
          <p className="arena-bubble__text">{parsed?.reasoning ?? (live.reasoning || <span className="muted">{t.arena.thinking}</span>)}</p>
        )}
      </div>
      {answer && answer.source === 'model' && answer.attempts > 0 ? (
        <div className="arena-bubble__foot muted">
          {t.arena.latency(answer.latencyMs)} · {t.arena.tokens(answer.promptTokens, answer.completionTokens)}
        </div>
      ) : null}
      {message && answer?.rawAnswer && answer.source !== 'heuristic' ? (
        <details className="arena-bubble__raw">
          <summary>{t.arena.rawAnswer}</summary>
          <pre>{answer.rawAnswer}</pre>
        </details>
      ) : null}
    </div>
  );
}
