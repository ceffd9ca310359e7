// Bundles the `nofx` CLI (TypeScript under cli/, nodes/, server/) with esbuild, so the command
// starts without compiling TypeScript on every run. The entry is .build/cli.mjs; each command
// is a chunk of its own under .build/cli-chunks (code splitting on cli/main.ts's dynamic
// imports), so a command loads only what it uses: `nofx backtest` never loads prisma, pg or the
// openai client, which cost about half a second of every process when they were in one file.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, '.build');
const CHUNKS = 'cli-chunks';

export async function buildCli() {
  const result = await build({
    entryPoints: { cli: path.join(root, 'cli/main.ts') },
    outdir,
    entryNames: '[name]',
    chunkNames: `${CHUNKS}/[name]-[hash]`,
    outExtension: { '.js': '.mjs' },
    splitting: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
    metafile: true,
    alias: { '@': root },
    // native or heavy packages stay external and load from node_modules
    packages: 'external',
    banner: { js: "import { createRequire as __nofxCreateRequire } from 'node:module'; const require = __nofxCreateRequire(import.meta.url);" },
  });
  removeStaleChunks(result.metafile);
}

/**
 * Chunk names carry a content hash, so a rebuild leaves the previous ones behind. Remove those
 * this build did not write, but only once they are a minute old: another `nofx` process that
 * started on the previous bundle may still be importing them.
 */
function removeStaleChunks(metafile) {
  const current = new Set(Object.keys(metafile.outputs).map((p) => path.resolve(root, p)));
  const dir = path.join(outdir, CHUNKS);
  let entries = [];
  try {
    entries = fs.readdirSync(dir);
  } catch {
    return;
  }
  const cutoff = Date.now() - 60_000;
  for (const name of entries) {
    const file = path.join(dir, name);
    try {
      if (!current.has(file) && fs.statSync(file).mtimeMs < cutoff) fs.rmSync(file);
    } catch {
      // already removed by a concurrent build
    }
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await buildCli();
}
