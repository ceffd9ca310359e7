import smaCrossover from './sma-crossover.json';

/**
 * Built-in strategy templates, listed explicitly (like nodes/registry.ts). Each is one JSON file:
 * the graph in the saved format plus zh/en texts, tags and suggested symbols.
 */
export interface TTemplate {
  id: string;
  title: { en: string; zh: string };
  description: { en: string; zh: string };
  idea: { en: string; zh: string };
  tags: string[];
  markets: string[];
  suggested: { symbols: string[]; timeframe: string };
  graph: unknown;
}

export const TEMPLATES: readonly TTemplate[] = [smaCrossover as TTemplate];

export function getTemplate(id: string): TTemplate | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
