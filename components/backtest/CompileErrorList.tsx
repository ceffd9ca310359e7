'use client';
import type { TCompileError } from '@/nodes/compile/types';
import type { TGraph } from '@/nodes/sdk/graph-schema';
import { usePreferences } from '@/components/preferences/PreferencesProvider';
import { compileErrorText, nodeDisplayName } from './compile-errors';

/** Each problem with the node it belongs to; "Show node" hands the id to the editor. */
export function CompileErrorList({ errors, graph, onFocusNode }: { errors: TCompileError[]; graph: TGraph | null; onFocusNode?: (nodeId: string) => void }) {
  const { t, locale } = usePreferences();
  return (
    <div className="alert alert--error bt-compile-errors" role="alert" data-testid="compile-errors">
      <p className="bt-compile-errors__title">{t.backtest.compileErrorsTitle}</p>
      <ul>
        {errors.map((e, k) => (
          <li key={`${e.nodeId}-${e.code}-${k}`} data-node-id={e.nodeId ?? ''}>
            <strong>{nodeDisplayName(graph, e.nodeId, locale) ?? t.backtest.graphError}</strong>: {compileErrorText(e, locale)}
            {e.nodeId && onFocusNode ? (
              <>
                {' '}
                <button type="button" className="button button--ghost bt-link-button" onClick={() => onFocusNode(e.nodeId!)}>
                  {t.backtest.showNode}
                </button>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
