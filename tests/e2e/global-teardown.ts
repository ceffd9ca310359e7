import { rmSync } from 'node:fs';

/** Removes the run's temp data folder (SQLite file + generated secrets). */
export default function globalTeardown() {
  const dir = process.env.E2E_DATA_DIR;
  if (dir && dir.includes('nofx-e2e-')) rmSync(dir, { recursive: true, force: true });
}
