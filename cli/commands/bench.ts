import { runBench } from '@/bench/run-bench';

export async function runBenchCommand(argv: string[]): Promise<number> {
  return runBench(argv);
}
