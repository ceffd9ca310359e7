import { TradersDashboard } from '@/components/traders/TradersDashboard';
import '@/components/traders/traders.css';

export default function TradersPage() {
  return <TradersDashboard />;
}
