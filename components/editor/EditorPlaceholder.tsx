'use client';
// Stand-in for the graph editor (filled by the editor issue). It already loads the strategy
// through the API, so the route, access rules and data flow are in place.
import Link from 'next/link';
import { useT } from '@/components/preferences/PreferencesProvider';
import { trpc } from '@/components/trpc/client';
import { errorText } from '@/components/trpc/error-text';
import { Alert } from '@/components/ui/Alert';

export function EditorPlaceholder({ strategyId }: { strategyId: string }) {
  const t = useT();
  const strategy = trpc.strategy.get.useQuery({ id: strategyId });
  return (
    <section className="page">
      <p>
        <Link href="/strategies">← {t.editor.back}</Link>
      </p>
      {strategy.isPending ? <p className="muted">{t.common.loading}</p> : null}
      {strategy.error ? <Alert>{errorText(strategy.error, t).message}</Alert> : null}
      {strategy.data ? (
        <>
          <h1>{t.editor.title(strategy.data.name)}</h1>
          <div className="card placeholder editor-placeholder" data-testid="editor-placeholder">
            <p>{t.editor.placeholder}</p>
            <p className="muted">{t.editor.graphSummary(strategy.data.graph.nodes.length, strategy.data.graph.edges.length)}</p>
            <p className="muted">{t.editor.versions(strategy.data.latestVersion)}</p>
          </div>
        </>
      ) : null}
    </section>
  );
}
