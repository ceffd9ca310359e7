import { TemplateDetail } from '@/components/templates/TemplateDetail';

export default async function TemplatePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <TemplateDetail id={decodeURIComponent(id)} />;
}
