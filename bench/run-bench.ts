export async function runBench(_argv: string[]): Promise<number> {
  console.log('bench: not yet');
  return 0;
}
