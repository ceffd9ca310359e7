// The palette's content: registry entries grouped by category, filtered by a search in either
// language (labels, type id, description), best matches first.
import type { TAnyNodeDefinition, TNodeCategory } from '@/nodes/sdk/define-node';

export const CATEGORY_ORDER: readonly TNodeCategory[] = ['data', 'indicators', 'math', 'logic', 'ai', 'risk', 'orders'];

export interface TPaletteGroup {
  category: TNodeCategory;
  items: TAnyNodeDefinition[];
}

/** 0 = no match; higher is better. Every word of the query must match somewhere. */
export function matchScore(def: TAnyNodeDefinition, query: string): number {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return 1;
  const en = def.label.en.toLowerCase();
  const zh = def.label.zh.toLowerCase();
  const type = def.type.toLowerCase();
  const desc = `${def.description.en} ${def.description.zh}`.toLowerCase();
  let total = 0;
  for (const w of words) {
    let s = 0;
    if (en === w || zh === w) s = 100;
    else if (en.startsWith(w) || zh.startsWith(w)) s = 60;
    else if (en.includes(w) || zh.includes(w)) s = 40;
    else if (type.includes(w)) s = 25;
    else if (desc.includes(w)) s = 5;
    if (s === 0) return 0;
    total += s;
  }
  return total;
}

export function paletteGroups(defs: readonly TAnyNodeDefinition[], query: string): TPaletteGroup[] {
  const scored = defs.map((def, i) => ({ def, i, score: matchScore(def, query) })).filter((x) => x.score > 0);
  const searching = query.trim() !== '';
  return CATEGORY_ORDER.map((category) => {
    const items = scored.filter((x) => x.def.category === category);
    if (searching) items.sort((a, b) => b.score - a.score || a.i - b.i);
    return { category, items: items.map((x) => x.def) };
  }).filter((g) => g.items.length > 0);
}
