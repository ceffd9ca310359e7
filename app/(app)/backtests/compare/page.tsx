import { CompareRuns } from '@/components/backtest/CompareRuns';

export default async function CompareBacktestsPage({ searchParams }: { searchParams: Promise<{ ids?: string }> }) {
  const { ids } = await searchParams;
  return <CompareRuns ids={(ids ?? '').split(',').filter(Boolean).slice(0, 8)} />;
}
