import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Worker threads need plain JavaScript, but the engine is TypeScript inside a Next.js bundle. So a
 * worker entry is bundled once per process with esbuild (a dependency already) into .build/, in a
 * child process: that keeps esbuild out of the Next.js bundle and the event loop free meanwhile.
 * The output is written under a unique name and renamed, so parallel processes never read half a file.
 */
const builds = new Map<string, Promise<string>>();

export function bundleWorker(entry: string, name: string, root = process.cwd()): Promise<string> {
  const key = `${root}:${entry}:${name}`;
  let pending = builds.get(key);
  if (!pending) {
    pending = build(root, entry, name);
    builds.set(key, pending);
    pending.catch(() => builds.delete(key));
  }
  return pending;
}

function build(root: string, entry: string, name: string): Promise<string> {
  const outDir = path.join(root, '.build');
  mkdirSync(outDir, { recursive: true });
  const outfile = path.join(outDir, `${name}.mjs`);
  const tmp = path.join(outDir, `${name}.${process.pid}.${Date.now()}.tmp.mjs`);
  const entryPath = path.join(root, entry);
  if (!existsSync(entryPath)) return Promise.reject(new Error(`worker entry ${entry} not found under ${root}`));
  const script = `
    import { build } from 'esbuild';
    import { renameSync } from 'node:fs';
    await build({
      entryPoints: [${JSON.stringify(entryPath)}], outfile: ${JSON.stringify(tmp)}, bundle: true, platform: 'node',
      format: 'esm', target: 'node20', packages: 'external', tsconfig: ${JSON.stringify(path.join(root, 'tsconfig.json'))},
      logLevel: 'error',
    });
    renameSync(${JSON.stringify(tmp)}, ${JSON.stringify(outfile)});
  `;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(outfile) : reject(new Error(`bundling ${entry} failed: ${stderr.trim().split('\n').slice(0, 5).join(' ')}`))));
  });
}
