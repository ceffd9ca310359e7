// Bundles a TypeScript entry (with the tsconfig `@/` alias) into .build/ so plain `node` scripts can
// run server code without a TS loader. node_modules stay external (native addons, Prisma runtime).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export async function bundleTs(entry, name) {
  const outfile = path.join(root, '.build', `${name}.mjs`);
  await build({
    entryPoints: [path.join(root, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    tsconfig: path.join(root, 'tsconfig.json'),
    logLevel: 'warning',
  });
  return outfile;
}
