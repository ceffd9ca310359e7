#!/usr/bin/env node
// Imports flow downward only (docs/ARCHITECTURE.md): nodes/ is pure and runs in the browser and the
// server; server/ never reaches into UI code; UI code takes only types (and the pure error-code
// list) from server/. Exits 1 listing each violation as file:line.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** [folder, forbidden import prefixes (after resolving `@/` and relative paths)] */
const RULES = [
  ['nodes', ['server/', 'components/', 'app/', 'cli/']],
  ['server', ['components/', 'app/']],
  ['components', ['app/']],
  ['messages', ['server/', 'components/', 'app/', 'nodes/']],
];
/** Runtime imports UI code may take from server/: pure modules with no Node or database use. */
const UI_MAY_IMPORT_FROM_SERVER = new Set(['server/services/errors']);
// messages/ may name the error-code type (type-only imports are allowed everywhere below).

const IMPORT_RE = /^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm;

function* files(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'generated') continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (/\.(ts|tsx|mts|mjs)$/.test(e.name)) yield p;
  }
}

function resolveSpec(file, spec) {
  if (spec.startsWith('@/')) return spec.slice(2);
  if (spec.startsWith('.')) return path.relative(root, path.resolve(path.dirname(file), spec));
  return null; // a package
}

const problems = [];
for (const [folder, forbidden] of RULES) {
  let list;
  try {
    list = [...files(path.join(root, folder))];
  } catch {
    continue; // folder not there yet
  }
  for (const file of list) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT_RE)) {
      const typeOnly = !!m[2];
      const target = resolveSpec(file, m[3] ?? m[4]);
      if (!target || typeOnly) continue;
      const line = text.slice(0, m.index).split('\n').length;
      const where = `${path.relative(root, file)}:${line}`;
      if (forbidden.some((f) => target.startsWith(f))) problems.push(`${where} imports ${target}`);
      else if (folder === 'components' && target.startsWith('server/') && !UI_MAY_IMPORT_FROM_SERVER.has(target.replace(/\.tsx?$/, ''))) {
        problems.push(`${where} imports ${target} (UI code may only \`import type\` from server/)`);
      }
    }
  }
}

if (problems.length) {
  console.error(`Import direction violations (see docs/ARCHITECTURE.md):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('imports: ok');
