'use client';
// A new debate: symbol, day (or the latest bar), 2–5 participants each with a role and its own
// provider/model, rounds, verdict by vote or by a judge, language.
import Link from 'next/link';
import { useId, useState, type FormEvent } from 'react';
import { DEBATE_ROLES, type TDebateRole } from '@/nodes/sdk/llm-port';
import { usePreferences } from '@/components/preferences/PreferencesProvider';
import { trpc } from '@/components/trpc/client';
import { errorText } from '@/components/trpc/error-text';
import { Alert } from '@/components/ui/Alert';
import type { TSymbolOption } from '@/server/services/backtest/schemas';
import type { TProviderListDto } from '@/server/services/ai/schemas';
import { ArenaSymbolPicker } from './ArenaSymbolPicker';

type TSeat = { role: TDebateRole; provider: string; model: string };

const DEFAULT_SEATS: TSeat[] = [
  { role: 'bull', provider: 'auto', model: '' },
  { role: 'bear', provider: 'auto', model: '' },
  { role: 'risk-manager', provider: 'auto', model: '' },
];

/** Model suggestions for a provider choice: the provider's default and its preset's models. */
function modelSuggestions(list: TProviderListDto | undefined, provider: string): string[] {
  if (!list || provider === 'heuristic') return [];
  const chosen = provider === 'auto' ? (list.providers.find((p) => p.isDefault) ?? list.providers[0]) : list.providers.find((p) => p.id === provider);
  if (!chosen) return [];
  const preset = list.presets.find((p) => p.kind === chosen.kind);
  return [...new Set([chosen.defaultModel, ...(preset?.models ?? [])].filter(Boolean))];
}

function ProviderSelect({ list, value, onChange, label }: { list: TProviderListDto | undefined; value: string; onChange: (v: string) => void; label: string }) {
  const { t } = usePreferences();
  return (
    <select className="input" aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="auto">{t.ai.auto}</option>
      <option value="heuristic">{t.ai.heuristicName}</option>
      {list?.providers.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
        </option>
      ))}
    </select>
  );
}

export function DebateSetupForm({ onStarted }: { onStarted: (debateId: string) => void }) {
  const { t, locale } = usePreferences();
  const uid = useId();
  const utils = trpc.useUtils();
  const providers = trpc.arena.providers.useQuery();
  const start = trpc.arena.start.useMutation();
  const [symbol, setSymbol] = useState<TSymbolOption | null>(null);
  const [latest, setLatest] = useState(true);
  const [date, setDate] = useState('');
  const [seats, setSeats] = useState<TSeat[]>(DEFAULT_SEATS);
  const [rounds, setRounds] = useState(2);
  const [verdict, setVerdict] = useState<'vote' | 'judge'>('vote');
  const [judge, setJudge] = useState({ provider: 'auto', model: '' });
  const [language, setLanguage] = useState<'zh-CN' | 'en-US'>(locale === 'zh-CN' ? 'zh-CN' : 'en-US');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);

  const list = providers.data;
  const noProviders = list !== undefined && list.providers.length === 0;
  const setSeat = (k: number, patch: Partial<TSeat>) => setSeats((s) => s.map((seat, j) => (j === k ? { ...seat, ...patch } : seat)));
  const firstDate = symbol?.series.find((s) => s.timeframe === '1d')?.from ?? symbol?.series[0]?.from;
  const lastDate = symbol?.series.find((s) => s.timeframe === '1d')?.to ?? symbol?.series[0]?.to;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFields({});
    setError(null);
    if (!symbol) {
      setFields({ symbol: t.errors.symbols_required });
      return;
    }
    try {
      const { debateId } = await start.mutateAsync({
        symbol: symbol.symbol,
        at: latest || date === '' ? null : date,
        participants: seats,
        rounds,
        verdict,
        ...(verdict === 'judge' ? { judge } : {}),
        language,
      });
      await utils.arena.list.invalidate();
      onStarted(debateId);
    } catch (err) {
      const text = errorText(err, t);
      setFields(text.fields);
      setError(text.message);
    }
  }

  return (
    <form className="card arena-setup" onSubmit={submit} aria-labelledby={`${uid}-title`} data-testid="arena-setup" noValidate>
      <h2 id={`${uid}-title`}>{t.arena.setup}</h2>
      {noProviders ? (
        <p className="arena-note" data-testid="arena-no-providers">
          {t.arena.noProviders} <Link href="/settings">{t.arena.settingsLink}</Link>
        </p>
      ) : null}
      {error && !fields.symbol && !fields.at ? <Alert>{error}</Alert> : null}

      <div className="arena-field">
        <span className="arena-label" id={`${uid}-symbol`}>
          {t.arena.symbol}
        </span>
        <ArenaSymbolPicker value={symbol} onPick={setSymbol} invalid={!!fields.symbol} describedBy={fields.symbol ? `${uid}-symbol-error` : undefined} />
        {fields.symbol ? (
          <span className="arena-error" id={`${uid}-symbol-error`} role="alert">
            {fields.symbol}
          </span>
        ) : null}
      </div>

      <fieldset className="arena-field">
        <legend className="arena-label">{t.arena.date}</legend>
        <label className="arena-inline">
          <input type="checkbox" checked={latest} onChange={(e) => setLatest(e.target.checked)} />
          {t.arena.latest}
          {latest && lastDate ? <span className="muted"> ({lastDate})</span> : null}
        </label>
        {!latest ? (
          <input
            className="input"
            type="date"
            aria-label={t.arena.date}
            value={date}
            min={firstDate}
            max={lastDate}
            onChange={(e) => setDate(e.target.value)}
            aria-invalid={!!fields.at || undefined}
            aria-describedby={fields.at ? `${uid}-at-error` : `${uid}-at-hint`}
          />
        ) : null}
        {fields.at ? (
          <span className="arena-error" id={`${uid}-at-error`} role="alert">
            {fields.at}
          </span>
        ) : (
          <span className="arena-hint" id={`${uid}-at-hint`}>
            {t.arena.dateHint}
          </span>
        )}
      </fieldset>

      <fieldset className="arena-field">
        <legend className="arena-label">{t.arena.participants}</legend>
        <ol className="arena-seats">
          {seats.map((seat, k) => (
            <li key={k} className="arena-seat" data-testid="arena-seat">
              <select className="input" aria-label={`${t.arena.participant(k + 1)}: ${t.arena.role}`} value={seat.role} onChange={(e) => setSeat(k, { role: e.target.value as TDebateRole })}>
                {DEBATE_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t.ai.roles[r]}
                  </option>
                ))}
              </select>
              <ProviderSelect list={list} value={seat.provider} onChange={(provider) => setSeat(k, { provider, model: '' })} label={`${t.arena.participant(k + 1)}: ${t.arena.provider}`} />
              {seat.provider !== 'heuristic' ? (
                <>
                  <input
                    className="input arena-seat__model"
                    aria-label={`${t.arena.participant(k + 1)}: ${t.arena.model}`}
                    placeholder={t.arena.modelPlaceholder}
                    list={`${uid}-models-${k}`}
                    value={seat.model}
                    onChange={(e) => setSeat(k, { model: e.target.value })}
                  />
                  <datalist id={`${uid}-models-${k}`}>
                    {modelSuggestions(list, seat.provider).map((m) => (
                      <option key={m} value={m} />
                    ))}
                  </datalist>
                </>
              ) : (
                <span className="arena-seat__model arena-hint">{t.ai.heuristicBadge}</span>
              )}
              <button type="button" className="icon-button arena-seat__remove" aria-label={t.arena.removeParticipant(k + 1)} disabled={seats.length <= 2} onClick={() => setSeats((s) => s.filter((_, j) => j !== k))}>
                ×
              </button>
            </li>
          ))}
        </ol>
        {fields.participants ? (
          <span className="arena-error" role="alert">
            {fields.participants}
          </span>
        ) : null}
        <button
          type="button"
          className="button button--ghost"
          disabled={seats.length >= 5}
          onClick={() => setSeats((s) => [...s, { role: DEBATE_ROLES.find((r) => !s.some((x) => x.role === r)) ?? 'analyst', provider: 'auto', model: '' }])}
        >
          {t.arena.addParticipant}
        </button>
      </fieldset>

      <div className="arena-row">
        <label className="arena-field">
          <span className="arena-label">{t.arena.rounds}</span>
          <select className="input" value={rounds} onChange={(e) => setRounds(Number(e.target.value))}>
            {[1, 2, 3, 4, 5].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <label className="arena-field">
          <span className="arena-label">{t.arena.language}</span>
          <select className="input" value={language} onChange={(e) => setLanguage(e.target.value as 'zh-CN' | 'en-US')}>
            <option value="zh-CN">中文</option>
            <option value="en-US">English</option>
          </select>
        </label>
      </div>

      <fieldset className="arena-field">
        <legend className="arena-label">{t.arena.verdict}</legend>
        <label className="arena-inline">
          <input type="radio" name={`${uid}-verdict`} checked={verdict === 'vote'} onChange={() => setVerdict('vote')} />
          {t.arena.verdictVote}
        </label>
        <label className="arena-inline">
          <input type="radio" name={`${uid}-verdict`} checked={verdict === 'judge'} onChange={() => setVerdict('judge')} />
          {t.arena.verdictJudge}
        </label>
        {verdict === 'judge' ? (
          <div className="arena-seat">
            <ProviderSelect list={list} value={judge.provider} onChange={(provider) => setJudge({ provider, model: '' })} label={`${t.arena.judge}: ${t.arena.provider}`} />
            {judge.provider !== 'heuristic' ? (
              <input
                className="input arena-seat__model"
                aria-label={`${t.arena.judge}: ${t.arena.model}`}
                placeholder={t.arena.modelPlaceholder}
                list={`${uid}-judge-models`}
                value={judge.model}
                onChange={(e) => setJudge((j) => ({ ...j, model: e.target.value }))}
              />
            ) : null}
            <datalist id={`${uid}-judge-models`}>
              {modelSuggestions(list, judge.provider).map((m) => (
                <option key={m} value={m} />
              ))}
            </datalist>
          </div>
        ) : null}
      </fieldset>

      <button type="submit" className="button button--primary" disabled={start.isPending}>
        {start.isPending ? t.arena.starting : t.arena.start}
      </button>
    </form>
  );
}
