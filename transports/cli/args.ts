import { parseArgs } from 'node:util';
import { CliError } from './cli-error.js';

type OptionSpec = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

/** node:util parseArgs with errors turned into CliError (exit 2) instead of a stack trace. */
/** Parses a command's options; with `maxPositionals`, more arguments than that are refused. */
export function parseCommandArgs<T extends OptionSpec>(
  argv: string[],
  options: T,
  usage: string,
  maxPositionals?: number,
) {
  let parsed: ReturnType<
    typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>
  >;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n${usage}`);
  }
  if (maxPositionals !== undefined && parsed.positionals.length > maxPositionals) {
    throw new CliError(`unexpected argument "${parsed.positionals[maxPositionals]}"\n${usage}`);
  }
  return parsed;
}

export function oneOf<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  name: string,
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new CliError(`--${name} must be one of ${allowed.join(', ')} (got "${value}")`);
}

export function integerOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value)) throw new CliError(`--${name} must be an integer (got "${value}")`);
  return Number(value);
}
