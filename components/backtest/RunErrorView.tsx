'use client';
import type { TGraph } from '@/nodes/sdk/graph-schema';
import { usePreferences } from '@/components/preferences/PreferencesProvider';
import type { TRunError } from '@/server/services/backtest/schemas';
import { CompileErrorList } from './CompileErrorList';

/** Why a run failed, in the user's language, with the engine's own words underneath. */
export function RunErrorView({ error, graph, onFocusNode }: { error: TRunError; graph?: TGraph | null; onFocusNode?: (nodeId: string) => void }) {
  const { t } = usePreferences();
  if (error.nodeErrors?.length) return <CompileErrorList errors={error.nodeErrors} graph={graph ?? null} onFocusNode={onFocusNode} />;
  const title = t.backtest.runError[error.code] ?? t.backtest.runError.engine_failed;
  const detail = error.message && error.message !== title ? error.message : null;
  return (
    <div className="alert alert--error" role="alert" data-testid="run-error">
      {title}
      {detail ? <div className="bt-run-error__detail">{detail}</div> : null}
    </div>
  );
}
