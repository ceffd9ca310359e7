'use client';
// The run bar under the editor canvas: what to run on (symbols, range, cash, market rules, costs),
// one "Run backtest" button, progress with cancel, per-node compile errors, then the results.
import './backtest.css';
import Link from 'next/link';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { compileGraph } from '@/nodes/compile';
import type { TCompileError } from '@/nodes/compile/types';
import type { TGraph } from '@/nodes/sdk/graph-schema';
import { usePreferences } from '@/components/preferences/PreferencesProvider';
import { trpc } from '@/components/trpc/client';
import { errorText } from '@/components/trpc/error-text';
import { Alert } from '@/components/ui/Alert';
import type { TBacktestMarket, TStartBacktestInput, TSymbolOption } from '@/server/services/backtest/schemas';

type TAdjustment = NonNullable<TStartBacktestInput['symbols'][number]['adjustment']>;

/** The series a run will use: the one chosen, else the one with most bars in the range (qfq on ties), as the server decides. */
export function defaultSeries(option: TSymbolOption, adjustment: string, from?: string, to?: string) {
  const daily = option.series.filter((s) => s.timeframe === '1d');
  const list = daily.length ? daily : option.series;
  const chosen = list.find((s) => s.adjustment === adjustment);
  if (chosen) return chosen;
  const day = (s: string) => Date.parse(`${s.slice(0, 10)}T00:00:00Z`);
  const score = (s: (typeof list)[number]) => (Math.max(0, Math.min(day(s.to), to ? day(to) : Infinity) - Math.max(day(s.from), from ? day(from) : -Infinity)) / Math.max(1, day(s.to) - day(s.from))) * s.bars;
  return list.reduce((best, s) => (score(s) > score(best) || (score(s) === score(best) && s.adjustment === 'qfq') ? s : best), list[0]);
}
import { BacktestResults } from './BacktestResults';
import { CompileErrorList } from './CompileErrorList';
import { compileErrorsFromApi } from './compile-errors';
import { formatSignedPercent } from './format';
import { RunProgress } from './RunProgress';
import { RunErrorView } from './RunErrorView';
import { SymbolPicker, symbolName } from './SymbolPicker';
import { PROGRESS_FALLBACK_POLL_MS, useRunProgress, withProgress } from './use-run-progress';

export type TBacktestRunBarProps = {
  strategyId: string;
  /** the graph on the canvas right now (may be unsaved); read when "Run backtest" is pressed */
  getGraph: () => TGraph;
  /** the editor selects/centres a node an error points at */
  onFocusNode?: (nodeId: string) => void;
  /** per-node compile errors found when a run was attempted ([] when they cleared) */
  onCompileErrors?: (errors: TCompileError[]) => void;
  onRunFinished?: (runId: string) => void;
  /** show the latest run's results under the bar (default true) */
  showResults?: boolean;
};

type TSymbolRow = { option: TSymbolOption; market: '' | TBacktestMarket; lotSize: string; adjustment: string };
type TForm = {
  symbols: TSymbolRow[];
  from: string;
  to: string;
  initialCash: string;
  fillTiming: 'next-open' | 'close';
  commissionPct: string;
  minCommission: string;
  slippageBps: string;
  benchmark: string;
  aiMode: 'live' | 'replay-only';
};

const DEFAULT_FORM: TForm = { symbols: [], from: '', to: '', initialCash: '1000000', fillTiming: 'next-open', commissionPct: '', minCommission: '', slippageBps: '', benchmark: '', aiMode: 'live' };
const ACTIVE = new Set(['queued', 'running']);
const MARKETS: TBacktestMarket[] = ['cn-a', 'hk', 'us', 'crypto'];

function storageKey(strategyId: string) {
  return `nofx-backtest-form:${strategyId}`;
}

function optionalNumber(text: string): number | undefined {
  const s = text.trim();
  if (!s) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : NaN;
}

/** The form as the API takes it; number fields left empty mean "the market's default". */
export function toStartInput(strategyId: string, graph: TGraph, form: TForm): TStartBacktestInput {
  const commission = optionalNumber(form.commissionPct);
  return {
    strategyId,
    graph,
    symbols: form.symbols.map((s) => ({ symbol: s.option.symbol, market: s.market || undefined, lotSize: optionalNumber(s.lotSize), adjustment: (s.adjustment || defaultSeries(s.option, '', form.from, form.to)?.adjustment || undefined) as TAdjustment | undefined })),
    from: form.from || undefined,
    to: form.to || undefined,
    initialCash: Number(form.initialCash),
    fillTiming: form.fillTiming,
    costs: { commissionRate: commission === undefined ? undefined : commission / 100, minCommission: optionalNumber(form.minCommission), slippageBps: optionalNumber(form.slippageBps) },
    benchmark: form.benchmark || undefined,
    aiMode: form.aiMode,
  };
}

export function BacktestRunBar({ strategyId, getGraph, onFocusNode, onCompileErrors, onRunFinished, showResults = true }: TBacktestRunBarProps) {
  const { t, locale } = usePreferences();
  const id = useId();
  const utils = trpc.useUtils();
  const [form, setForm] = useState<TForm>(DEFAULT_FORM);
  const [runId, setRunId] = useState<string | null>(null);
  const [compileErrors, setCompileErrors] = useState<TCompileError[]>([]);
  const [graphAtRun, setGraphAtRun] = useState<TGraph | null>(null);
  const [formError, setFormError] = useState<{ message: string; fields: Record<string, string> } | null>(null);

  // Settings are remembered per strategy in this browser.
  useEffect(() => {
    try {
      const saved = localStorage.getItem(storageKey(strategyId));
      if (saved) setForm({ ...DEFAULT_FORM, ...(JSON.parse(saved) as Partial<TForm>) });
    } catch {
      // unreadable settings: start from the defaults
    }
  }, [strategyId]);
  useEffect(() => {
    try {
      localStorage.setItem(storageKey(strategyId), JSON.stringify(form));
    } catch {
      // storage full or blocked: nothing to do
    }
  }, [strategyId, form]);

  // The strategy's latest run, so a reload shows where things were.
  // The strategy's runs (newest first): a reload shows the latest, older ones are one pick away.
  const history = trpc.backtest.list.useQuery({ strategyId, limit: 20 });
  useEffect(() => {
    if (runId === null && history.data?.[0]) setRunId(history.data[0].id);
  }, [history.data, runId]);

  const streamFailed = useRef(false);
  const runQuery = trpc.backtest.get.useQuery(
    { id: runId ?? '' },
    {
      enabled: runId !== null,
      // progress is pushed (useRunProgress); this poll runs only if that stream has failed
      refetchInterval: (q) => (streamFailed.current && q.state.data && ACTIVE.has(q.state.data.status) ? PROGRESS_FALLBACK_POLL_MS : false),
    },
  );
  const live = useRunProgress(runId, !!runQuery.data && ACTIVE.has(runQuery.data.status), () => void runQuery.refetch());
  streamFailed.current = live.failed;
  const run = { ...runQuery, data: runQuery.data ? withProgress(runQuery.data, live.progress) : undefined };
  const status = runQuery.data?.status;
  useEffect(() => {
    if (runId && status && !ACTIVE.has(status)) {
      void utils.backtest.list.invalidate();
      if (status === 'succeeded') onRunFinished?.(runId);
    }
  }, [runId, status, utils, onRunFinished]);

  const start = trpc.backtest.start.useMutation({
    onSuccess: (res) => {
      setRunId(res.id);
      void utils.backtest.list.invalidate();
    },
    onError: (error) => {
      const nodeErrors = compileErrorsFromApi(error);
      if (nodeErrors) {
        setCompileErrors(nodeErrors);
        onCompileErrors?.(nodeErrors);
      }
      setFormError(errorText(error, t));
    },
  });
  const cancel = trpc.backtest.cancel.useMutation({ onSettled: () => void runQuery.refetch() });

  const onRun = useCallback(() => {
    setFormError(null);
    const graph = getGraph();
    setGraphAtRun(graph);
    // Compile in the browser first: a broken graph never reaches the server, and the errors point at nodes.
    const compiled = compileGraph(graph);
    const errors = compiled.ok ? [] : compiled.errors;
    setCompileErrors(errors);
    onCompileErrors?.(errors);
    if (errors.length > 0) return;
    if (form.symbols.length === 0) {
      setFormError({ message: t.backtest.pickSymbol, fields: { symbols: t.backtest.pickSymbol } });
      return;
    }
    start.mutate(toStartInput(strategyId, graph, form) as Parameters<typeof start.mutate>[0]);
  }, [form, getGraph, onCompileErrors, start, strategyId, t]);

  const set = <K extends keyof TForm>(key: K, value: TForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const setRow = (k: number, patch: Partial<TSymbolRow>) => setForm((f) => ({ ...f, symbols: f.symbols.map((s, j) => (j === k ? { ...s, ...patch } : s)) }));

  const active = status !== undefined && ACTIVE.has(status);
  const busy = start.isPending || active;
  const fieldError = (name: string) => formError?.fields[name];
  const symbolError = fieldError('symbols') ?? Object.entries(formError?.fields ?? {}).find(([k]) => k.startsWith('symbols.'))?.[1];
  const rangeHint = useMemo(() => {
    const row = form.symbols[0];
    const series = row ? defaultSeries(row.option, row.adjustment, form.from, form.to) : undefined;
    return series ? `${t.backtest.dataRange(series.from, series.to, series.bars)} · ${t.backtest.adjustments[series.adjustment] ?? series.adjustment}` : null;
  }, [form.symbols, form.from, form.to, t]);

  return (
    <section className="bt-runbar" aria-label={t.backtest.runBar} data-testid="backtest-run-bar">
      <div className="bt-runbar__row">
        <div className="bt-field bt-field--symbols">
          <label htmlFor={`${id}-sym`}>{t.backtest.symbols}</label>
          <div className="bt-chips" id={`${id}-sym`}>
            {form.symbols.map((s) => (
              <span key={s.option.symbol} className="bt-chip" data-testid="symbol-chip">
                <strong>{s.option.symbol}</strong> {symbolName(s.option, locale)}
                <button
                  type="button"
                  className="bt-chip__remove"
                  aria-label={t.backtest.removeSymbol(s.option.symbol)}
                  onClick={() => setForm((f) => ({ ...f, symbols: f.symbols.filter((x) => x.option.symbol !== s.option.symbol) }))}
                >
                  ×
                </button>
              </span>
            ))}
            <SymbolPicker
              invalid={!!symbolError}
              describedBy={symbolError ? `${id}-sym-err` : undefined}
              onPick={(option) => setForm((f) => (f.symbols.some((s) => s.option.symbol === option.symbol) ? f : { ...f, symbols: [...f.symbols, { option, market: '', lotSize: '', adjustment: '' }] }))}
            />
          </div>
          {symbolError ? (
            <p className="field__error" id={`${id}-sym-err`}>
              {symbolError}
            </p>
          ) : rangeHint ? (
            <p className="field__hint">{rangeHint}</p>
          ) : null}
        </div>
        <div className="bt-field">
          <label htmlFor={`${id}-from`}>{t.backtest.from}</label>
          <input id={`${id}-from`} className="input" type="date" value={form.from} onChange={(e) => set('from', e.target.value)} aria-invalid={!!fieldError('from') || undefined} data-testid="backtest-from" />
        </div>
        <div className="bt-field">
          <label htmlFor={`${id}-to`}>{t.backtest.to}</label>
          <input id={`${id}-to`} className="input" type="date" value={form.to} onChange={(e) => set('to', e.target.value)} aria-invalid={!!fieldError('to') || undefined} data-testid="backtest-to" />
        </div>
        <div className="bt-field bt-field--cash">
          <label htmlFor={`${id}-cash`}>{t.backtest.initialCash}</label>
          <input id={`${id}-cash`} className="input" type="number" min={1} step="any" inputMode="decimal" value={form.initialCash} onChange={(e) => set('initialCash', e.target.value)} aria-invalid={!!fieldError('initialCash') || undefined} />
        </div>
        <div className="bt-runbar__actions">
          {active ? null : (
            <button type="button" className="button button--primary" onClick={onRun} disabled={busy} data-testid="run-backtest">
              {start.isPending ? t.backtest.starting : t.backtest.run}
            </button>
          )}
        </div>
      </div>

      <details className="bt-advanced">
        <summary>{t.backtest.advanced}</summary>
        <div className="bt-advanced__grid">
          {form.symbols.map((s, k) => (
            <fieldset key={s.option.symbol} className="bt-advanced__symbol">
              <legend>{s.option.symbol}</legend>
              <label>
                {t.backtest.market}
                <select className="select" value={s.market} onChange={(e) => setRow(k, { market: e.target.value as TSymbolRow['market'] })}>
                  <option value="">{t.backtest.marketAuto(t.backtest.markets[s.option.market] ?? s.option.market)}</option>
                  {MARKETS.map((m) => (
                    <option key={m} value={m}>
                      {t.backtest.markets[m]}
                    </option>
                  ))}
                </select>
              </label>
              {new Set(s.option.series.filter((x) => x.timeframe === '1d').map((x) => x.adjustment)).size > 1 ? (
                <label>
                  {t.backtest.adjustment}
                  <select className="select" value={s.adjustment} onChange={(e) => setRow(k, { adjustment: e.target.value })}>
                    <option value="">{t.backtest.adjustmentAuto(t.backtest.adjustments[defaultSeries(s.option, '', form.from, form.to).adjustment] ?? '')}</option>
                    {[...new Set(s.option.series.filter((x) => x.timeframe === '1d').map((x) => x.adjustment))].map((a) => (
                      <option key={a} value={a}>
                        {t.backtest.adjustments[a] ?? a}
                      </option>
                    ))}
                  </select>
                </label>
              ) : null}
              {s.option.market !== 'crypto' ? (
                <label>
                  {t.backtest.lotSize}
                  <input className="input" type="number" min={1} step={1} placeholder={t.backtest.lotAuto(s.option.lotSize)} value={s.lotSize} onChange={(e) => setRow(k, { lotSize: e.target.value })} />
                </label>
              ) : null}
            </fieldset>
          ))}
          <label>
            {t.backtest.fillTiming}
            <select className="select" value={form.fillTiming} onChange={(e) => set('fillTiming', e.target.value as TForm['fillTiming'])}>
              <option value="next-open">{t.backtest.fillNextOpen}</option>
              <option value="close">{t.backtest.fillClose}</option>
            </select>
          </label>
          <label>
            {t.backtest.commission}
            <input className="input" type="number" min={0} step="any" placeholder={t.backtest.marketDefault} value={form.commissionPct} onChange={(e) => set('commissionPct', e.target.value)} aria-invalid={!!fieldError('costs.commissionRate') || undefined} />
          </label>
          <label>
            {t.backtest.minCommission}
            <input className="input" type="number" min={0} step="any" placeholder={t.backtest.marketDefault} value={form.minCommission} onChange={(e) => set('minCommission', e.target.value)} aria-invalid={!!fieldError('costs.minCommission') || undefined} />
          </label>
          <label>
            {t.backtest.slippage}
            <input className="input" type="number" min={0} step="any" placeholder="0" value={form.slippageBps} onChange={(e) => set('slippageBps', e.target.value)} aria-invalid={!!fieldError('costs.slippageBps') || undefined} />
          </label>
          <label>
            {t.backtest.aiMode}
            <select className="select" value={form.aiMode} onChange={(e) => set('aiMode', e.target.value as TForm['aiMode'])}>
              <option value="live">{t.backtest.aiLive}</option>
              <option value="replay-only">{t.backtest.aiReplay}</option>
            </select>
          </label>
          <label>
            {t.backtest.benchmark}
            <input className="input" placeholder={t.backtest.benchmarkNone} value={form.benchmark} onChange={(e) => set('benchmark', e.target.value.trim())} aria-invalid={!!fieldError('benchmark') || undefined} />
          </label>
        </div>
      </details>

      {compileErrors.length > 0 ? <CompileErrorList errors={compileErrors} graph={graphAtRun} onFocusNode={onFocusNode} /> : null}
      {formError && compileErrors.length === 0 ? <Alert>{formError.message}</Alert> : null}

      {run.data && active ? <RunProgress run={run.data} eta={live.progress?.eta} onCancel={() => cancel.mutate({ id: run.data!.id })} cancelling={cancel.isPending} /> : null}
      {run.data && !active ? (
        <div className="bt-runbar__latest" data-testid="latest-run">
          <span className={`bt-status bt-status--${run.data.status}`} data-testid="run-status">
            {t.backtest.status[run.data.status]}
          </span>
          <Link href={`/backtests/${run.data.id}`} data-testid="open-run">
            {t.backtest.openRun}
          </Link>
          {history.data && history.data.length > 1 ? (
            <label className="bt-runbar__history">
              {t.backtest.history}
              <select className="select" value={run.data.id} onChange={(e) => setRunId(e.target.value)} data-testid="run-history">
                {history.data.map((h) => (
                  <option key={h.id} value={h.id}>
                    {new Date(h.createdAt).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' })} · {h.symbols.join(', ')} · {t.backtest.status[h.status]}
                    {h.metrics ? ` · ${formatSignedPercent(h.metrics.totalReturn, locale)}` : ''}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          {run.data.error ? <RunErrorView error={run.data.error} graph={graphAtRun} onFocusNode={onFocusNode} /> : null}
        </div>
      ) : null}
      {showResults && run.data?.status === 'succeeded' ? <BacktestResults run={run.data} compact /> : null}
    </section>
  );
}
