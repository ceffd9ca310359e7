#!/usr/bin/env node
// Validates env, migrates and seeds the database. Exits 1 with a readable message on bad config.
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { bundleTs, root } from './lib/bundle-ts.mjs';

export async function prepareDb() {
  const file = await bundleTs('server/db/prepare.ts', 'prepare-db');
  const mod = await import(pathToFileURL(file).href);
  try {
    const res = await mod.prepareDatabase();
    const where = res.target.provider === 'sqlite' ? res.target.filename : 'DATABASE_URL';
    console.log(
      `database: ${res.target.provider} (${where}); ${res.applied.length ? `applied ${res.applied.join(', ')}` : 'schema up to date'}`,
    );
    return res;
  } catch (err) {
    if (err instanceof mod.EnvError) {
      console.error(`\nNOFX Studio cannot start.\n${err.message}\n`);
    } else {
      console.error(`\nNOFX Studio cannot prepare its database: ${err?.message ?? err}\n`);
    }
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(root, 'scripts', 'prepare-db.mjs')) {
  await prepareDb();
}
