import { BacktestList } from '@/components/backtest/BacktestList';

export default function BacktestsPage() {
  return <BacktestList />;
}
