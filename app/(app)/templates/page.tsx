import { TemplateGallery } from '@/components/templates/TemplateGallery';

export default function TemplatesPage() {
  return <TemplateGallery />;
}
