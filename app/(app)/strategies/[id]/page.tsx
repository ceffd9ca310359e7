import { StrategyStudio } from '@/components/editor/StrategyStudio';

export default async function StrategyEditorPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <StrategyStudio strategyId={id} />;
}
