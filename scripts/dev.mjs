#!/usr/bin/env node
// `npm run dev`: prepare the database, then the Next.js dev server with hot reload.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { root } from './lib/bundle-ts.mjs';
import { prepareDb } from './prepare-db.mjs';

process.env.NEXT_TELEMETRY_DISABLED = '1';
// An empty variable means unset (as in server/env.ts); libraries such as next-auth would
// otherwise try to use '' as a value.
for (const [k, v] of Object.entries(process.env)) if (v === '') delete process.env[k];
const { port } = await prepareDb();
const server = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'dev', '-p', String(port)], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
