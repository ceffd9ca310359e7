import { z } from 'zod';
import type { TDb } from '@/server/db';
import { ZModelPriceSchema } from '../providers/model-pricing';
import { ZProviderKindSchema } from '../providers/provider-presets';
import type { TProviderSettings } from '../settings/provider-settings';
import type { TProviderSettingsStore } from '../settings/provider-settings-store';

type TRow = Awaited<ReturnType<TDb['aiProvider']['findFirstOrThrow']>>;

const ZPricingSchema = z.record(z.string(), ZModelPriceSchema);

/** A row as settings. A kind or price list this build does not know reads as absent/empty rather than failing the page. */
function fromRow(row: TRow): TProviderSettings | null {
  const kind = ZProviderKindSchema.safeParse(row.kind);
  if (!kind.success) return null;
  let pricing: TProviderSettings['pricing'] = {};
  try {
    const parsed = ZPricingSchema.safeParse(JSON.parse(row.pricingJson));
    if (parsed.success) pricing = parsed.data;
  } catch {
    // a hand-edited pricing column: fall back to the built-in prices
  }
  return {
    id: row.id,
    ownerId: row.ownerId,
    kind: kind.data,
    name: row.name,
    baseURL: row.baseUrl,
    apiKeyEnc: row.apiKeyEnc,
    keyHint: row.keyHint,
    defaultModel: row.defaultModel,
    jsonMode: row.jsonMode,
    concurrency: row.concurrency,
    timeoutMs: row.timeoutMs,
    maxRetries: row.maxRetries,
    pricing,
    isDefault: row.isDefault,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function toData(s: TProviderSettings) {
  return {
    kind: s.kind,
    name: s.name,
    baseUrl: s.baseURL,
    apiKeyEnc: s.apiKeyEnc,
    keyHint: s.keyHint,
    defaultModel: s.defaultModel,
    jsonMode: s.jsonMode,
    concurrency: s.concurrency,
    timeoutMs: s.timeoutMs,
    maxRetries: s.maxRetries,
    pricingJson: JSON.stringify(s.pricing),
    isDefault: s.isDefault,
    updatedAt: new Date(s.updatedAt),
  };
}

/**
 * Provider settings in the AiProvider table. Every query carries the owner, so another user's id
 * reads as absent and cannot be overwritten (the insert of a taken id fails on the primary key).
 */
export function createDbProviderSettingsStore(db: TDb): TProviderSettingsStore {
  return {
    async list(ownerId) {
      const rows = await db.aiProvider.findMany({ where: { ownerId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
      return rows.map(fromRow).filter((s): s is TProviderSettings => s !== null);
    },
    async get(ownerId, id) {
      const row = await db.aiProvider.findFirst({ where: { id, ownerId } });
      return row ? fromRow(row) : null;
    },
    async save(settings) {
      const updated = await db.aiProvider.updateMany({ where: { id: settings.id, ownerId: settings.ownerId }, data: toData(settings) });
      if (updated.count > 0) return;
      try {
        await db.aiProvider.create({ data: { id: settings.id, ownerId: settings.ownerId, createdAt: new Date(settings.createdAt), ...toData(settings) } });
      } catch (error) {
        if ((error as { code?: string }).code === 'P2002') throw new Error('provider id belongs to another user');
        throw error;
      }
    },
    async remove(ownerId, id) {
      const { count } = await db.aiProvider.deleteMany({ where: { id, ownerId } });
      return count > 0;
    },
  };
}
