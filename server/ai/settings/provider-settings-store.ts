import type { TProviderSettings } from './provider-settings';

/**
 * Storage of users' provider settings. Every method takes the owner: one user's providers are
 * invisible to another (a foreign id reads as absent). Implementations: memory, a JSON file
 * (CLI and tests, no database), and the database (AiProvider table).
 */
export interface TProviderSettingsStore {
  list(ownerId: string): Promise<TProviderSettings[]>;
  get(ownerId: string, id: string): Promise<TProviderSettings | null>;
  /** insert or replace by id */
  save(settings: TProviderSettings): Promise<void>;
  remove(ownerId: string, id: string): Promise<boolean>;
}

export function createMemoryProviderSettingsStore(initial: TProviderSettings[] = []): TProviderSettingsStore & { all(): TProviderSettings[] } {
  const rows = new Map(initial.map((s) => [s.id, s]));
  return {
    all: () => [...rows.values()],
    async list(ownerId) {
      return [...rows.values()].filter((s) => s.ownerId === ownerId);
    },
    async get(ownerId, id) {
      const row = rows.get(id);
      return row && row.ownerId === ownerId ? row : null;
    },
    async save(settings) {
      const existing = rows.get(settings.id);
      if (existing && existing.ownerId !== settings.ownerId) throw new Error('provider id belongs to another user');
      rows.set(settings.id, settings);
    },
    async remove(ownerId, id) {
      const row = rows.get(id);
      if (!row || row.ownerId !== ownerId) return false;
      rows.delete(id);
      return true;
    },
  };
}
