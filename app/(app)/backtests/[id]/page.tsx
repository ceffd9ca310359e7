import { BacktestDetail } from '@/components/backtest/BacktestDetail';

export default async function BacktestRunPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <BacktestDetail runId={id} />;
}
