import { Suspense } from 'react';
import { ArenaPage } from '@/components/arena/ArenaPage';

export default function Arena() {
  return (
    <Suspense>
      <ArenaPage />
    </Suspense>
  );
}
