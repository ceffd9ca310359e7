import { buildDecisionMessages } from '@/server/ai/prompts/build-decision-messages';
import type { TDb } from '@/server/db';
import { aiDeps } from './ai-deps';
import { loadArenaSnapshot } from './load-arena-snapshot';

/**
 * The prompt an AI Decision node would send for a symbol and day, rendered from the node's
 * template (or the built-in one) on the Arena's snapshot: what the user sees while editing the
 * template, with any placeholders we do not know listed.
 */
export async function previewPrompt(
  db: TDb,
  input: { symbol: string; at?: string | null; nodeParams: { language: 'zh-CN' | 'en-US'; template: string; bars: number } },
) {
  const { snapshot, lookup } = await loadArenaSnapshot(aiDeps(db).reader, { symbol: input.symbol, at: input.at, bars: input.nodeParams.bars });
  const built = buildDecisionMessages(snapshot, input.nodeParams.language, input.nodeParams.template, lookup);
  return { symbol: snapshot.symbol, barTime: snapshot.time, messages: built.messages, unknownPlaceholders: built.unknownPlaceholders, assetClass: built.assetClass };
}
