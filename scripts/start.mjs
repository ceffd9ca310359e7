#!/usr/bin/env node
// `npm start`: prepare the database, build the app if there is no build for this source, then
// serve it in production mode on PORT (default 3000).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './lib/bundle-ts.mjs';
import { sourceHash } from './lib/source-hash.mjs';
import { prepareDb } from './prepare-db.mjs';

process.env.NEXT_TELEMETRY_DISABLED = '1';
// An empty variable means unset (as in server/env.ts); libraries such as next-auth would
// otherwise try to use '' as a value.
for (const [k, v] of Object.entries(process.env)) if (v === '') delete process.env[k];
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');

const { port } = await prepareDb();

const hashFile = path.join(root, '.next', 'nofx-source-hash');
const hash = sourceHash(root);
const built = existsSync(path.join(root, '.next', 'BUILD_ID')) && existsSync(hashFile) && readFileSync(hashFile, 'utf8') === hash;
if (!built) {
  console.log('build: source changed or no build yet; running next build…');
  const started = Date.now();
  const res = spawnSync(process.execPath, [nextBin, 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (res.status !== 0) {
    console.error('build: next build failed; see the output above.');
    process.exit(res.status ?? 1);
  }
  writeFileSync(hashFile, hash);
  console.log(`build: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const server = spawn(process.execPath, [nextBin, 'start', '-p', String(port)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production' },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
