// Regenerates tests/golden/backtests/*.json from the current engine. Run on purpose only.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = process.cwd();
const entry = path.join(root, '.build/update-golden-entry.ts');
fs.mkdirSync(path.dirname(entry), { recursive: true });
fs.writeFileSync(
  entry,
  `import fs from 'node:fs';
import { GOLDEN_CASES } from '@/tests/golden/golden-cases';
import { runGoldenCase } from '@/tests/golden/run-golden-case';
for (const c of GOLDEN_CASES) {
  const result = await runGoldenCase(c);
  fs.writeFileSync('tests/golden/backtests/' + c.name + '.json', JSON.stringify(result, null, 1) + '\\n');
  console.log(c.name, result.metrics.finalEquity, result.metrics.trades);
}
`,
);
const out = path.join(root, '.build/update-golden.mjs');
await build({ entryPoints: [entry], outfile: out, bundle: true, platform: 'node', format: 'esm', alias: { '@': root }, packages: 'external', logLevel: 'warning' });
await import(pathToFileURL(out).href);
