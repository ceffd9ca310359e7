import { DataPage } from '@/components/data/DataPage';

export default function MarketDataPage() {
  return <DataPage />;
}
