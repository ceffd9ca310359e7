import { compileGraph, type TCompileError } from '@/server/engine/compile';
import { CliError } from '../cli-error';
import { readStrategy } from '../load-inputs';

export function formatCompileErrors(errors: TCompileError[]): string {
  return errors.map((e) => `  ${e.nodeId ? `node "${e.nodeId}"` : 'graph'} [${e.code}]: ${e.message}`).join('\n');
}

export async function runValidateCommand(argv: string[]): Promise<number> {
  const [file, ...rest] = argv;
  if (!file || file === '--help') {
    console.log('nofx validate <graph.json | template-id> [--json]\n\nChecks a strategy graph; prints per-node errors and exits 1 when there are any.');
    return file ? 0 : 1;
  }
  if (rest.some((a) => a !== '--json')) throw new CliError(`unexpected argument ${rest.find((a) => a !== '--json')}`);
  const result = compileGraph(readStrategy(file));
  if (rest.includes('--json')) {
    console.log(JSON.stringify(result.ok ? { ok: true, nodes: result.plan.nodes.length, warmup: result.plan.warmup, pruned: result.plan.pruned } : result));
    return result.ok ? 0 : 1;
  }
  if (result.ok) {
    const pruned = result.plan.pruned.length > 0 ? `; unused nodes ignored: ${result.plan.pruned.join(', ')}` : '';
    console.log(`${file}: ok (${result.plan.nodes.length} nodes, warm-up ${result.plan.warmup} bars${pruned})`);
    return 0;
  }
  console.error(`${file}: ${result.errors.length} problem${result.errors.length === 1 ? '' : 's'}\n${formatCompileErrors(result.errors)}`);
  return 1;
}
