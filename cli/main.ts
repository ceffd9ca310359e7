import { runBacktestCommand } from './commands/backtest';
import { runValidateCommand } from './commands/validate';
import { runBenchCommand } from './commands/bench';
import { runIndicatorsCommand } from './commands/indicators';
import { runImportCommand } from './commands/import';
import { CliError } from './cli-error';

type TCommand = (argv: string[]) => Promise<number>;

/** One line per command; each lives in cli/commands/<name>.ts. */
const COMMANDS: Record<string, { run: TCommand; help: string }> = {
  backtest: { run: runBacktestCommand, help: 'run a strategy graph on CSV bars' },
  validate: { run: runValidateCommand, help: 'check a strategy graph and list per-node errors' },
  indicators: { run: runIndicatorsCommand, help: 'compute indicators over CSV bars (TA-Lib-exact), one row per bar' },
  bench: { run: runBenchCommand, help: 'measure the engine (writes bench/results.json)' },
  import: { run: runImportCommand, help: 'import a bars CSV into the bar store (validates every row)' },
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
    return await command.run(rest);
  } catch (error) {
    // User errors print one clear line; anything else is a bug and keeps its stack.
    if (error instanceof CliError) {
      console.error(`nofx ${name}: ${error.message}`);
      return error.exitCode;
    }
    throw error;
  }
}
