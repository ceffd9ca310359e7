import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ZProviderSettingsSchema } from './provider-settings';
import { createMemoryProviderSettingsStore, type TProviderSettingsStore } from './provider-settings-store';

const ZFileSchema = z.object({ version: z.literal(1), providers: z.array(ZProviderSettingsSchema) });

/**
 * Provider settings in one JSON file (mode 0600), rewritten whole through a temp file and a
 * rename so a crash never leaves half a file. Keys inside are ciphertext only.
 */
export function openFileProviderSettingsStore(file: string): TProviderSettingsStore {
  let initial: z.infer<typeof ZFileSchema>['providers'] = [];
  if (fs.existsSync(file)) {
    const parsed = ZFileSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    if (!parsed.success) throw new Error(`${file} is not a provider settings file`);
    initial = parsed.data.providers;
  }
  const memory = createMemoryProviderSettingsStore(initial);
  let writing: Promise<void> = Promise.resolve();
  const persist = () => {
    writing = writing.then(async () => {
      await fs.promises.mkdir(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      await fs.promises.writeFile(tmp, JSON.stringify({ version: 1, providers: memory.all() }, null, 2), { mode: 0o600 });
      await fs.promises.rename(tmp, file);
    });
    return writing;
  };
  return {
    list: memory.list,
    get: memory.get,
    async save(settings) {
      await memory.save(settings);
      await persist();
    },
    async remove(ownerId, id) {
      const removed = await memory.remove(ownerId, id);
      if (removed) await persist();
      return removed;
    },
  };
}
