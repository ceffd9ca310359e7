// Placeholder for sections later issues fill; says what will come, in the user's language.
import type { TMessages } from '@/messages/en-US';

export type TComingSoonSection = 'backtests' | 'templates' | 'arena' | 'traders';

export function ComingSoon({ section, t }: { section: TComingSoonSection; t: TMessages }) {
  return (
    <section className="page">
      <h1>{t.nav[section]}</h1>
      <div className="card placeholder" data-testid={`coming-soon-${section}`}>
        <h2>{t.comingSoon.heading}</h2>
        <p>{t.comingSoon[section]}</p>
      </div>
    </section>
  );
}
