'use client';
import { useState, type FormEvent } from 'react';
import { useT } from '@/components/preferences/PreferencesProvider';
import { trpc } from '@/components/trpc/client';
import { errorText } from '@/components/trpc/error-text';
import { Alert } from '@/components/ui/Alert';
import { CsvPreviewView } from './CsvPreviewView';

const TIMEFRAMES = ['1m', '5m', '15m', '1h', '1d', '1w'] as const;
const ADJUSTMENTS = ['raw', 'qfq', 'hfq', 'split-adj', 'none'] as const;
export type TMapping = Partial<Record<'time' | 'open' | 'high' | 'low' | 'close' | 'volume' | 'amount', number>>;

/** Upload → preview (columns, mapping, every bad row) → import. The file is read in the browser and sent as text. */
export function CsvImportPanel() {
  const t = useT();
  const utils = trpc.useUtils();
  const [fileName, setFileName] = useState('');
  const [text, setText] = useState<string | null>(null);
  const [symbol, setSymbol] = useState('');
  const [timeframe, setTimeframe] = useState<(typeof TIMEFRAMES)[number]>('1d');
  const [adjustment, setAdjustment] = useState<(typeof ADJUSTMENTS)[number]>('raw');
  const [timeZone, setTimeZone] = useState('');
  const [volumeUnit, setVolumeUnit] = useState<'shares' | 'lots'>('shares');
  const [skipBadRows, setSkipBadRows] = useState(false);
  const [mapping, setMapping] = useState<TMapping | undefined>(undefined);
  const [error, setError] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const preview = trpc.market.previewImport.useMutation();
  const importCsv = trpc.market.importCsv.useMutation();

  const options = (overrides: { mapping?: TMapping; skipBadRows?: boolean } = {}) => ({
    text: text ?? '',
    symbol,
    timeframe,
    adjustment,
    timeZone: timeZone.trim() || undefined,
    volumeUnit,
    skipBadRows: overrides.skipBadRows ?? skipBadRows,
    mapping: overrides.mapping ?? mapping,
    fileName: fileName || undefined,
  });

  async function runPreview(overrides: { mapping?: TMapping; skipBadRows?: boolean } = {}) {
    setError(null);
    setDone(null);
    try {
      const p = await preview.mutateAsync(options(overrides));
      setMapping(p.mapping);
    } catch (err) {
      setError(errorText(err, t));
    }
  }

  async function onImport(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const res = await importCsv.mutateAsync(options());
      if (res.ok) {
        setDone(t.data.imported(res.bars, symbol.toUpperCase(), res.totalRowErrors));
        await Promise.all([utils.market.listSymbols.invalidate(), utils.market.listImports.invalidate()]);
      } else {
        setError({ message: t.data.importFailed, fields: {} });
        preview.reset();
        await runPreview();
      }
    } catch (err) {
      setError(errorText(err, t));
    }
  }

  const p = preview.data;
  return (
    <form className="card" onSubmit={onImport} noValidate aria-label={t.data.importTitle}>
      <h2>{t.data.importTitle}</h2>
      <div className="data-form">
        <label>
          {t.data.file}
          <input
            className="input"
            type="file"
            accept=".csv,text/csv"
            data-testid="csv-file"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              setFileName(file?.name ?? '');
              setText(file ? await file.text() : null);
              setMapping(undefined);
              preview.reset();
              setDone(null);
              // A file named like ours (600519.SH_daily.csv) suggests its symbol.
              const guess = file?.name.match(/^([A-Za-z0-9.]+?)(?:_|\.csv)/)?.[1];
              if (guess && !symbol) setSymbol(guess);
            }}
          />
          <span className="field__hint">{t.data.fileHint}</span>
        </label>
        <label>
          {t.data.symbol}
          <input className="input" value={symbol} placeholder={t.data.symbolPlaceholder} onChange={(e) => setSymbol(e.target.value)} aria-invalid={error?.fields.symbol ? true : undefined} />
          {error?.fields.symbol ? <span className="field__error">{error.fields.symbol}</span> : null}
        </label>
        <label>
          {t.data.timeframe}
          <select className="input" value={timeframe} onChange={(e) => setTimeframe(e.target.value as typeof timeframe)}>
            {TIMEFRAMES.map((tf) => (
              <option key={tf} value={tf}>
                {t.data.timeframes[tf]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.data.adjustment}
          <select className="input" value={adjustment} onChange={(e) => setAdjustment(e.target.value as typeof adjustment)}>
            {ADJUSTMENTS.map((a) => (
              <option key={a} value={a}>
                {t.data.adjustments[a]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.data.timeZone}
          <input className="input" value={timeZone} placeholder={p?.exchangeTimeZone ?? 'Asia/Shanghai'} onChange={(e) => setTimeZone(e.target.value)} aria-invalid={error?.fields.timeZone ? true : undefined} />
          {error?.fields.timeZone ? <span className="field__error">{error.fields.timeZone}</span> : p ? <span className="field__hint">{t.data.timeZoneHint(p.exchangeTimeZone)}</span> : null}
        </label>
        <label>
          {t.data.volumeUnit}
          <select className="input" value={volumeUnit} onChange={(e) => setVolumeUnit(e.target.value as typeof volumeUnit)}>
            <option value="shares">{t.data.volumeShares}</option>
            <option value="lots">{t.data.volumeLots}</option>
          </select>
        </label>
        <label className="data-check">
          <input
            type="checkbox"
            checked={skipBadRows}
            onChange={(e) => {
              setSkipBadRows(e.target.checked);
              if (p) void runPreview({ skipBadRows: e.target.checked });
            }}
          />
          {t.data.skipBadRows}
        </label>
        <div>
          <button type="button" className="button" disabled={!text || !symbol || preview.isPending} onClick={() => runPreview()}>
            {preview.isPending ? t.data.previewing : t.data.preview}
          </button>
        </div>
      </div>
      {error ? <Alert>{error.message}</Alert> : null}
      {done ? <Alert kind="success">{done}</Alert> : null}
      {p ? (
        <CsvPreviewView
          preview={p}
          onMappingChange={(next) => {
            setMapping(next);
            void runPreview({ mapping: next });
          }}
        />
      ) : null}
      {p ? (
        <button type="submit" className="button button--primary" disabled={!p.ok || importCsv.isPending} data-testid="csv-import">
          {importCsv.isPending ? t.data.importing : t.data.importNow}
        </button>
      ) : null}
    </form>
  );
}
