'use client';
import { useT } from '@/components/preferences/PreferencesProvider';
import type { TCsvPreview } from '@/server/services/market/preview-csv-import';
import type { TMapping } from './CsvImportPanel';
import { mappingProblemText, rowErrorText } from './describe-import';

const FIELDS = ['time', 'open', 'high', 'low', 'close', 'volume', 'amount'] as const;

/** The file's first rows with a "what is this column" select above each, and every bad row. */
export function CsvPreviewView({ preview, onMappingChange }: { preview: TCsvPreview; onMappingChange: (m: TMapping) => void }) {
  const t = useT();
  const roleOf = (col: number) => FIELDS.find((f) => preview.mapping[f] === col) ?? '';
  const setRole = (col: number, role: string) => {
    const next: TMapping = { ...preview.mapping };
    for (const f of FIELDS) if (next[f] === col) delete next[f];
    if (role) next[role as (typeof FIELDS)[number]] = col;
    onMappingChange(next);
  };
  return (
    <div className="data-section" data-testid="csv-preview">
      <h3>{t.data.mapping}</h3>
      <p className="muted">{t.data.mappingHint}</p>
      <div className="data-sample">
        <table className="data-table">
          <thead>
            <tr>
              {preview.headers.map((h, col) => (
                <th key={col}>
                  <div>{h}</div>
                  <select className="input" value={roleOf(col)} onChange={(e) => setRole(col, e.target.value)} aria-label={`${t.data.mapping}: ${h}`}>
                    <option value="">{t.data.ignore}</option>
                    {FIELDS.map((f) => (
                      <option key={f} value={f}>
                        {t.data.fields[f]}
                      </option>
                    ))}
                  </select>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.sample.map((row, i) => (
              <tr key={i}>
                {preview.headers.map((_, col) => (
                  <td key={col}>{row[col] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {preview.mappingProblems.length > 0 ? (
        <ul className="data-errors" role="alert">
          {preview.mappingProblems.map((m, i) => (
            <li key={i}>{mappingProblemText(t, m)}</li>
          ))}
        </ul>
      ) : null}
      {preview.ok ? (
        <p data-testid="csv-summary">
          {t.data.fileSummary(preview.rowCount, preview.bars)} {preview.from && preview.to ? t.data.range(preview.from, preview.to) : null}
        </p>
      ) : null}
      {preview.totalRowErrors > 0 ? (
        <div role={preview.ok ? 'status' : 'alert'} data-testid="csv-row-errors">
          <strong>{t.data.rowErrorsTitle(preview.totalRowErrors)}</strong> {preview.ok ? t.data.skippedWillBe(preview.totalRowErrors) : t.data.nothingImported}
          <ul className="data-errors">
            {preview.rowErrors.map((e) => (
              <li key={`${e.row}-${e.code}`}>{rowErrorText(t, e)}</li>
            ))}
            {preview.totalRowErrors > preview.rowErrors.length ? <li>{t.data.rowErrorsMore(preview.totalRowErrors - preview.rowErrors.length)}</li> : null}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
