'use client';
// Results of one finished run: metric cards, equity and drawdown, K-line with trades, tables.
import './backtest.css';
import { usePreferences } from '@/components/preferences/PreferencesProvider';
import { trpc } from '@/components/trpc/client';
import { errorText } from '@/components/trpc/error-text';
import { Alert } from '@/components/ui/Alert';
import type { TRunSummary } from '@/server/services/backtest/schemas';
import { MetricCards } from './MetricCards';

export function BacktestResults({ run, compact }: { run: TRunSummary; compact?: boolean }) {
  const { t } = usePreferences();
  const result = trpc.backtest.result.useQuery({ id: run.id }, { enabled: run.status === 'succeeded', staleTime: Infinity });
  return (
    <div className="bt-results" data-testid="backtest-results">
      {run.metrics ? <MetricCards metrics={run.metrics} compact={compact} /> : null}
      {result.error ? <Alert>{errorText(result.error, t).message}</Alert> : null}
    </div>
  );
}
