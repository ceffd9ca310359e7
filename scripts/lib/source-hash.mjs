// A hash of everything `next build` reads, so `npm start` rebuilds only when the source changed.
// Content (not mtime) is hashed: a fresh git checkout gives every file a new mtime.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const INPUTS = [
  'app', 'components', 'server', 'nodes', 'messages', 'public', 'templates',
  'prisma/schema.prisma', 'next.config.ts', 'tsconfig.json', 'package-lock.json',
];
const SKIP = new Set(['node_modules', 'generated', '.next', '.build']);

function walk(dir, out) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(p, out);
    else if (entry.isFile()) out.push(p);
  }
}

export function sourceHash(root) {
  const files = [];
  for (const input of INPUTS) {
    const p = path.join(root, input);
    if (!existsSync(p)) continue;
    if (statSync(p).isDirectory()) walk(p, files);
    else files.push(p);
  }
  const h = createHash('sha256');
  for (const f of files.sort()) {
    h.update(path.relative(root, f));
    h.update('\0');
    h.update(readFileSync(f));
    h.update('\0');
  }
  return h.digest('hex');
}
