import { CliError } from './cli-error';

type TCommand = (argv: string[]) => Promise<number>;

/**
 * One line per command; each lives in cli/commands/<name>.ts and is imported only when it
 * runs. The bundle is split per command (scripts/build-cli.mjs), so `nofx backtest` does not
 * load the database client (prisma, pg, sqlite) that `nofx import` needs: that alone was about
 * half a second of every backtest process.
 */
const COMMANDS: Record<string, { load: () => Promise<TCommand>; help: string }> = {
  backtest: { load: async () => (await import('./commands/backtest')).runBacktestCommand, help: 'run a strategy graph on CSV bars' },
  validate: { load: async () => (await import('./commands/validate')).runValidateCommand, help: 'check a strategy graph and list per-node errors' },
  indicators: { load: async () => (await import('./commands/indicators')).runIndicatorsCommand, help: 'compute indicators over CSV bars (TA-Lib-exact), one row per bar' },
  bench: { load: async () => (await import('./commands/bench')).runBenchCommand, help: 'measure the engine (writes bench/results.json)' },
  import: { load: async () => (await import('./commands/import')).runImportCommand, help: 'import a bars CSV into the bar store (validates every row)' },
  worker: { load: async () => (await import('./commands/worker')).runWorkerCommand, help: 'run the app’s traders in this process (NOFX_TRADERS=worker), until SIGINT/SIGTERM' },
};

const USAGE = `nofx <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(12)}${c.help}`)
  .join('\n')}

Run "nofx <command> --help" for a command's options.`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    console.log(USAGE);
    return name ? 0 : 1;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`nofx: unknown command "${name}"\n\n${USAGE}`);
    return 1;
  }
  try {
    return await (await command.load())(rest);
  } catch (error) {
    // User errors print one clear line; anything else is a bug and keeps its stack.
    if (error instanceof CliError) {
      console.error(`nofx ${name}: ${error.message}`);
      return error.exitCode;
    }
    throw error;
  }
}
