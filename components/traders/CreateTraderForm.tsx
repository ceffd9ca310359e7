'use client';
import { useState, type FormEvent } from 'react';
import { usePreferences } from '@/components/preferences/PreferencesProvider';
import { trpc } from '@/components/trpc/client';
import { errorText } from '@/components/trpc/error-text';

const TIMEFRAMES = ['1m', '5m', '15m', '1h', '1d'] as const;
type TRiskKey = 'maxOrderValue' | 'maxPositionPct' | 'maxDailyLossPct' | 'maxOrdersPerDay';
const RISK_KEYS: TRiskKey[] = ['maxOrderValue', 'maxPositionPct', 'maxDailyLossPct', 'maxOrdersPerDay'];

export function CreateTraderForm({ onCreated }: { onCreated: (name: string) => void }) {
  const { t } = usePreferences();
  const utils = trpc.useUtils();
  const strategies = trpc.strategy.list.useQuery();
  const accounts = trpc.trader.brokerAccounts.useQuery();
  const create = trpc.trader.create.useMutation();
  const [form, setForm] = useState({
    name: '',
    strategyId: '',
    symbols: 'SPY.US',
    timeframe: '1d' as (typeof TIMEFRAMES)[number],
    initialCash: '100000',
    broker: 'paper' as 'paper' | 'futu',
    brokerAccountId: '',
    dataSource: 'market-data' as 'market-data' | 'replay',
    replayFrom: '2015-01-02',
    replaySpeedMs: '500',
    risk: { maxOrderValue: '', maxPositionPct: '', maxDailyLossPct: '', maxOrdersPerDay: '' } as Record<TRiskKey, string>,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => setForm((f) => ({ ...f, [key]: value }));
  const limit = (v: string) => (v.trim() === '' ? null : Number(v));

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setErrors({});
    setMessage(null);
    try {
      const created = await create.mutateAsync({
        name: form.name,
        strategyId: form.strategyId,
        symbols: form.symbols.split(/[,\s]+/).filter(Boolean),
        timeframe: form.timeframe,
        initialCash: Number(form.initialCash),
        broker: form.broker,
        brokerAccountId: form.broker === 'futu' ? form.brokerAccountId || null : null,
        dataSource: form.dataSource,
        replayFrom: form.dataSource === 'replay' ? form.replayFrom : null,
        replaySpeedMs: form.dataSource === 'replay' ? Number(form.replaySpeedMs) : null,
        risk: { maxOrderValue: limit(form.risk.maxOrderValue), maxPositionPct: limit(form.risk.maxPositionPct), maxDailyLossPct: limit(form.risk.maxDailyLossPct), maxOrdersPerDay: limit(form.risk.maxOrdersPerDay) },
      });
      onCreated(created.name);
      setForm((f) => ({ ...f, name: '' }));
      await utils.trader.list.invalidate();
    } catch (err) {
      const text = errorText(err, t);
      setErrors(text.fields);
      setMessage(text.message);
    }
  }

  const field = (id: string, label: string, input: React.ReactNode, error?: string, hint?: string) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {input}
      {hint ? <p className="field__hint">{hint}</p> : null}
      {error ? <p className="field__error">{error}</p> : null}
    </div>
  );

  return (
    <form className="card trader-form" onSubmit={onSubmit} noValidate aria-label={t.traders.newTrader}>
      <h2>{t.traders.newTrader}</h2>
      <div className="trader-form__grid">
        {field('trader-name', t.traders.name, <input id="trader-name" className="input" value={form.name} onChange={(e) => set('name', e.target.value)} />, errors.name)}
        {field(
          'trader-strategy',
          t.traders.strategy,
          <select id="trader-strategy" className="input" value={form.strategyId} onChange={(e) => set('strategyId', e.target.value)}>
            <option value="">{t.traders.chooseStrategy}</option>
            {(strategies.data ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>,
          errors.strategyId ?? errors.version,
          strategies.data && strategies.data.length === 0 ? t.traders.noStrategies : undefined,
        )}
        {field('trader-symbols', t.traders.symbols, <input id="trader-symbols" className="input" value={form.symbols} onChange={(e) => set('symbols', e.target.value)} />, errors.symbols ?? errors['symbols.0'], t.traders.symbolsHint)}
        {field(
          'trader-timeframe',
          t.traders.timeframe,
          <select id="trader-timeframe" className="input" value={form.timeframe} onChange={(e) => set('timeframe', e.target.value as (typeof TIMEFRAMES)[number])}>
            {TIMEFRAMES.map((tf) => (
              <option key={tf} value={tf}>
                {tf}
              </option>
            ))}
          </select>,
          errors.timeframe,
        )}
        {field('trader-cash', t.traders.initialCash, <input id="trader-cash" className="input" inputMode="decimal" value={form.initialCash} onChange={(e) => set('initialCash', e.target.value)} />, errors.initialCash)}
        {field(
          'trader-broker',
          t.traders.broker,
          <select id="trader-broker" className="input" value={form.broker} onChange={(e) => set('broker', e.target.value as 'paper' | 'futu')}>
            <option value="paper">{t.traders.paper}</option>
            <option value="futu">{t.traders.futu}</option>
          </select>,
        )}
        {form.broker === 'futu'
          ? field(
              'trader-account',
              t.traders.brokerAccount,
              <select id="trader-account" className="input" value={form.brokerAccountId} onChange={(e) => set('brokerAccountId', e.target.value)}>
                <option value="" />
                {(accounts.data ?? []).map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name} ({a.env})
                  </option>
                ))}
              </select>,
              errors.brokerAccountId,
              accounts.data && accounts.data.length === 0 ? t.traders.noBrokerAccounts : undefined,
            )
          : null}
        {field(
          'trader-data',
          t.traders.dataSource,
          <select id="trader-data" className="input" value={form.dataSource} onChange={(e) => set('dataSource', e.target.value as 'market-data' | 'replay')}>
            <option value="market-data">{t.traders.dataMarket}</option>
            <option value="replay">{t.traders.dataReplay}</option>
          </select>,
        )}
        {form.dataSource === 'replay' ? (
          <>
            {field('trader-replay-from', t.traders.replayFrom, <input id="trader-replay-from" className="input" type="date" value={form.replayFrom} onChange={(e) => set('replayFrom', e.target.value)} />, errors.replayFrom)}
            {field('trader-replay-speed', t.traders.replaySpeed, <input id="trader-replay-speed" className="input" inputMode="numeric" value={form.replaySpeedMs} onChange={(e) => set('replaySpeedMs', e.target.value)} />, errors.replaySpeedMs)}
          </>
        ) : null}
      </div>
      <fieldset className="trader-form__risk">
        <legend>{t.traders.risk}</legend>
        {RISK_KEYS.map((key) => (
          <div className="field" key={key}>
            <label htmlFor={`trader-${key}`}>{t.traders[key]}</label>
            <input id={`trader-${key}`} className="input" inputMode="decimal" value={form.risk[key]} onChange={(e) => set('risk', { ...form.risk, [key]: e.target.value })} />
            {errors[`risk.${key}`] ? <p className="field__error">{errors[`risk.${key}`]}</p> : null}
          </div>
        ))}
      </fieldset>
      {message && Object.keys(errors).length === 0 ? <p className="field__error" role="alert">{message}</p> : null}
      <button type="submit" className="button button--primary" disabled={create.isPending}>
        {create.isPending ? t.traders.creating : t.traders.create}
      </button>
    </form>
  );
}
