import { EditorPlaceholder } from '@/components/editor/EditorPlaceholder';

export default async function StrategyEditorPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <EditorPlaceholder strategyId={id} />;
}
