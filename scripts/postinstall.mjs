#!/usr/bin/env node
// Runs after `npm install` / `npm ci`: generates both Prisma clients (nothing is downloaded: the
// generator runs in JS-engine mode), then builds the CLI when its build script exists.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function run(script) {
  const res = spawnSync(process.execPath, [path.join(root, script)], { cwd: root, stdio: 'inherit' });
  if (res.status !== 0) {
    console.error(`postinstall: ${script} failed (exit ${res.status})`);
    process.exit(res.status ?? 1);
  }
}

run('scripts/generate-prisma.mjs');
if (existsSync(path.join(root, 'scripts/build-cli.mjs'))) run('scripts/build-cli.mjs');
