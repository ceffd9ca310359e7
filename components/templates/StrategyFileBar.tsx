'use client';
import './templates.css';
import { useRef, useState, type ChangeEvent } from 'react';
import { usePreferences } from '@/components/preferences/PreferencesProvider';
import { trpc } from '@/components/trpc/client';
import { errorText } from '@/components/trpc/error-text';
import { Alert } from '@/components/ui/Alert';
import { ErrorDetails, problemsOf } from './ErrorDetails';

/**
 * "Import strategy file" and the export option on the strategy list. The file's text goes to the
 * server as is: JSON, schema, compiler and AI-cache checks happen there, all before anything is
 * created, and come back per field or node in the user's language.
 */
export function StrategyFileBar({ includeAiCache, onIncludeAiCache, onImported }: { includeAiCache: boolean; onIncludeAiCache: (v: boolean) => void; onImported: (text: string) => void }) {
  const { t } = usePreferences();
  const tf = t.templates.file;
  const utils = trpc.useUtils();
  const importFile = trpc.template.importStrategy.useMutation();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<{ message: string; cause: unknown } | null>(null);

  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = ''; // the same file can be picked again after a fix
    if (!file) return;
    setError(null);
    try {
      if (file.size > 10_000_000) throw new Error('too_large');
      const created = await importFile.mutateAsync({ text: await file.text() });
      onImported(tf.imported(created.name, created.aiCacheImported));
      await utils.strategy.list.invalidate();
    } catch (err) {
      // The compiler's own headline speaks of "marked nodes" in the editor; here the file is what is wrong.
      const message = err instanceof Error && err.message === 'too_large' ? t.errors.strategy_file_too_large : problemsOf(err).length > 0 ? t.errors.strategy_file_invalid : errorText(err, t).message;
      setError({ message, cause: err });
    }
  }

  return (
    <>
      <div className="tpl-file-bar">
        <input ref={input} type="file" accept=".json,application/json" hidden onChange={onFile} data-testid="strategy-file-input" />
        <button type="button" className="button" onClick={() => input.current?.click()} disabled={importFile.isPending} data-testid="import-strategy-file">
          {importFile.isPending ? tf.importing : tf.import}
        </button>
        <label className="tpl-check">
          <input type="checkbox" checked={includeAiCache} onChange={(e) => onIncludeAiCache(e.target.checked)} />
          {tf.includeAiCache}
        </label>
      </div>
      {error ? (
        <Alert>
          {error.message}
          <ErrorDetails error={error.cause} heading={tf.problems} />
        </Alert>
      ) : null}
    </>
  );
}
