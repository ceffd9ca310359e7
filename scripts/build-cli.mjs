// Bundles the `nofx` CLI (TypeScript under cli/, nodes/, server/) into one ESM file with esbuild,
// so the command starts in ~50 ms instead of compiling TypeScript on every run.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function buildCli() {
  await build({
    entryPoints: [path.join(root, 'cli/main.ts')],
    outfile: path.join(root, '.build/cli.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
    alias: { '@': root },
    // native or heavy packages stay external and load from node_modules
    packages: 'external',
    banner: { js: "import { createRequire as __nofxCreateRequire } from 'node:module'; const require = __nofxCreateRequire(import.meta.url);" },
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await buildCli();
}
