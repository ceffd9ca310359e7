import { CliError } from './cli-error';

export interface TOptionSpec {
  /** takes a value (`--cash 1000`) or is a flag (`--json`) */
  value: boolean;
  /** may be given more than once (`--param a.b=1 --param c.d=2`) */
  repeat?: boolean;
  help: string;
}

export interface TParsedArgs {
  options: Record<string, string | string[] | boolean | undefined>;
  positional: string[];
}

/** Minimal GNU-style parser: `--name value`, `--name=value`, flags; unknown options are errors. */
export function parseArgs(argv: string[], spec: Record<string, TOptionSpec>): TParsedArgs {
  const options: TParsedArgs['options'] = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const s = spec[name];
    if (!s) throw new CliError(`unknown option --${name}`);
    let value: string | boolean = true;
    if (s.value) {
      if (eq >= 0) value = arg.slice(eq + 1);
      else if (i + 1 < argv.length) value = argv[++i];
      else throw new CliError(`option --${name} needs a value`);
    }
    if (s.repeat) options[name] = [...((options[name] as string[] | undefined) ?? []), String(value)];
    else options[name] = value;
  }
  return { options, positional };
}

export function usageOf(command: string, spec: Record<string, TOptionSpec>, synopsis: string): string {
  const rows = Object.entries(spec).map(([name, s]) => `  --${(name + (s.value ? ' <v>' : '')).padEnd(22)}${s.help}`);
  return `nofx ${command} ${synopsis}\n\n${rows.join('\n')}`;
}

export function numberOption(options: TParsedArgs['options'], name: string, fallback: number): number {
  const raw = options[name];
  if (raw === undefined) return fallback;
  const v = Number(raw);
  if (typeof raw !== 'string' || raw.trim() === '' || !Number.isFinite(v)) throw new CliError(`--${name} must be a number, got "${raw}"`);
  return v;
}
