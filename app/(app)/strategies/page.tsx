import { StrategyList } from '@/components/strategies/StrategyList';

export default function StrategiesPage() {
  return <StrategyList />;
}
