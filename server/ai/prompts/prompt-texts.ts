import type { TDebateRole } from '@/nodes/sdk';

/** Everything a prompt says, per language. The two languages are separate files with this shape. */
export interface TPromptTexts {
  /** the fixed system message: role and answer format (always mentions JSON: JSON mode requires it) */
  decisionSystem: (assetClass: 'stock' | 'crypto') => string;
  /** the default user-message templates, editable on the node; {{placeholders}} listed in TEMPLATE_VARIABLES */
  decisionTemplate: { stock: string; crypto: string };
  barsHeader: string;
  noValues: string;
  flat: string;
  position: (args: { qty: string; avgPrice: string; sellable: string; pnl: string; t1Held: boolean }) => string;
  account: (args: { cash: string; equity: string }) => string;
  roles: Record<TDebateRole, { name: string; brief: string }>;
  debateSystem: (role: { name: string; brief: string }) => string;
  debateSoFar: string;
  debateRound: (round: number, rounds: number) => string;
  noAnswer: (reason: string) => string;
  judgeSystem: string;
  judgeAsk: string;
}

/** Placeholders a template may use; anything else in {{…}} is left as written. */
export const TEMPLATE_VARIABLES = ['symbol', 'name', 'market', 'time', 'barCount', 'bars', 'values', 'position', 'account', 'rules'] as const;
export type TTemplateVariable = (typeof TEMPLATE_VARIABLES)[number];
