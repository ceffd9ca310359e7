import { TraderDetail } from '@/components/traders/TraderDetail';
import '@/components/traders/traders.css';

export default async function TraderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <TraderDetail id={id} />;
}
