'use client';
// The editor page's client root: loads the strategy once, then hands it to the workspace.
// (Later refetches must not reset a canvas the user is editing, hence staleTime: Infinity.)
import '@xyflow/react/dist/style.css';
import './editor.css';
import { ReactFlowProvider } from '@xyflow/react';
import Link from 'next/link';
import { useT } from '@/components/preferences/PreferencesProvider';
import { trpc } from '@/components/trpc/client';
import { errorText } from '@/components/trpc/error-text';
import { Alert } from '@/components/ui/Alert';
import { StudioWorkspace } from './StudioWorkspace';

export function StrategyStudio({ strategyId }: { strategyId: string }) {
  const t = useT();
  const strategy = trpc.strategy.get.useQuery({ id: strategyId }, { staleTime: Infinity, refetchOnWindowFocus: false, refetchOnReconnect: false });
  if (strategy.isPending) {
    return (
      <div className="studio studio--loading">
        <p className="muted">{t.common.loading}</p>
      </div>
    );
  }
  if (strategy.error) {
    return (
      <section className="page studio-error">
        <p>
          <Link href="/strategies">← {t.editor.back}</Link>
        </p>
        <Alert>{errorText(strategy.error, t).message}</Alert>
      </section>
    );
  }
  return (
    <ReactFlowProvider>
      <StudioWorkspace key={strategy.data.id} strategy={strategy.data} />
    </ReactFlowProvider>
  );
}
