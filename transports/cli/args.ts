import { parseArgs } from 'node:util';
import { parseDuration } from '../../core/duration.js';
import { closestName } from '../../core/rules/closest-name.js';
import { CliError } from './cli-error.js';
import { usageOf } from './command-help.js';
import type { CommandSpec, OptionSpecs, OptionValues } from './command-spec-types.js';
import { CLUSTER_OPTIONS, CONFIG_OPTIONS, HOST_OPTIONS } from './global-options.js';

type OptionSpec = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

/**
 * A command's arguments parsed by its definition: its options (and -h, --help), its positional arguments
 * up to `maxArgs`. A mistake is a CliError with the usage line; an unknown option gets the nearest name
 * among the command's own and those every command accepts.
 */
export function parseCommand<O extends OptionSpecs>(
  argv: string[],
  spec: CommandSpec & { options: O },
): { values: OptionValues<O>; positionals: string[] } {
  const options: NonNullable<OptionSpec> = { help: { type: 'boolean', short: 'h' } };
  for (const [name, option] of Object.entries(spec.options))
    options[name] = {
      type: option.type,
      ...(option.multiple ? { multiple: true } : {}),
      ...(option.short ? { short: option.short } : {}),
    };
  const { values, positionals } = parseCommandArgs(argv, options, usageOf(spec));
  const extra = spec.maxArgs === undefined ? undefined : positionals[spec.maxArgs];
  if (extra !== undefined && !values.help)
    throw new CliError(
      `${spec.name} takes ${spec.maxArgs === 0 ? 'no arguments' : `at most ${spec.maxArgs} argument(s)`} (got "${extra}")\n${usageOf(spec)}`,
    );
  return { values: values as OptionValues<O>, positionals };
}

/**
 * Parses a command's options (node:util parseArgs, its errors a CliError: exit 2, no stack trace); with
 * `maxPositionals`, more arguments than that are refused.
 */
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
    parsed = parseArgs({
      args: joinNegativeValues(argv, options),
      options,
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new CliError(`${unknownOptionHint(error as NodeJS.ErrnoException, options)}\n${usage}`);
  }
  if (maxPositionals !== undefined && parsed.positionals.length > maxPositionals) {
    throw new CliError(`unexpected argument "${parsed.positionals[maxPositionals]}"\n${usage}`);
  }
  return parsed;
}

/** parseArgs' message, and for an unknown option the nearest of the command's own ("did you mean"). */
function unknownOptionHint(error: NodeJS.ErrnoException, options: OptionSpec): string {
  const given = /^Unknown option '(--?[^']*)'/.exec(error.message)?.[1];
  if (error.code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || given === undefined) return error.message;
  const names = [
    ...Object.keys(options ?? {}),
    ...Object.keys({ ...CLUSTER_OPTIONS, ...HOST_OPTIONS, ...CONFIG_OPTIONS }),
  ];
  const near = closestName(given.replace(/^--?/, '').split('=')[0]!, names);
  return near ? `Unknown option '${given}' (did you mean --${near}?)` : error.message;
}

/**
 * `--jobs -5` as `--jobs=-5`: parseArgs takes a value starting with a dash for an option ("ambiguous"),
 * but no option of ours is a dash and a digit, so it is the value, and the range check names the mistake.
 */
function joinNegativeValues(argv: string[], options: OptionSpec): string[] {
  const joined: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const name = /^--([\w-]+)$/.exec(argv[i]!)?.[1];
    const next = argv[i + 1];
    if (name && options?.[name]?.type === 'string' && next !== undefined && /^-[\d.]/.test(next)) {
      joined.push(`${argv[i]}=${next}`);
      i++;
    } else joined.push(argv[i]!);
  }
  return joined;
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

/** What a numeric option accepts (durations as text, e.g. "1s"): the message names the kind and the range. */
export type NumberSpec =
  | { kind: 'integer'; min: number; max: number }
  | { kind: 'duration'; min: string; max: string; example: string };

/**
 * The ranges of the CLI's numeric options, chosen to catch typos (an extra digit, a minus sign) while
 * allowing anything a PTP deployment can need.
 */
export const NUMBER_OPTIONS = {
  /**
   * The year of log lines that carry none (syslog, klog). linuxptp's own times are Unix time (never
   * before 1970); past four digits Date.UTC and ISO 8601 output break ("Invalid time value").
   */
  year: { kind: 'integer', min: 1970, max: 9999 },
  /** Worker threads for one log file: a few per core helps; past 64 each only adds its memory. */
  jobs: { kind: 'integer', min: 1, max: 64 },
  /**
   * A TCP port; 0 lets the system pick a free one (the URL printed says which, and the event listener
   * tells the publisher the port it got).
   */
  port: { kind: 'integer', min: 0, max: 65535 },
  /** Simulated fleet size: bench/fleet goes to 2,000; a PTP cluster has tens to hundreds of nodes. */
  nodes: { kind: 'integer', min: 1, max: 10_000 },
  /** Lines of each log kept by `snapshot record`: 10 million daemon lines are about a gigabyte. */
  tailLines: { kind: 'integer', min: 1, max: 10_000_000 },
  /** /dev/ptpN as ethtool -T prints it: the kernel numbers clocks from 0, a host has a few dozen. */
  phcIndex: { kind: 'integer', min: 0, max: 9999 },
  /** A window back from the end of the data (--last, --since): a second to a year of logs. */
  window: { kind: 'duration', min: '1s', max: '366d', example: '10m or 1h' },
  /** Re-evaluation of MCP resources: fast enough for tests, at most daily. */
  watchInterval: { kind: 'duration', min: '100ms', max: '24h', example: '30s' },
  /** An HTTP session's idle time before it ends: a second (tests) to a day. */
  sessionIdle: { kind: 'duration', min: '1s', max: '24h', example: '15m' },
  /** HTTP sessions at once: each holds an MCP server of a few hundred KB. */
  maxSessions: { kind: 'integer', min: 1, max: 100_000 },
  /** Simulated clusters (`simulate --clusters`): bench/fleet serves 50; each is an API server on a port. */
  clusters: { kind: 'integer', min: 1, max: 1000 },
  /** Clusters of a fleet read at once, each reading several nodes at once. */
  fleetConcurrency: { kind: 'integer', min: 1, max: 64 },
  /** Intervals of an offset trend (`trend --buckets`), as get_offset_trend takes them. */
  buckets: { kind: 'integer', min: 1, max: 200 },
  /** The deadline of a whole read of a cluster: up to a day; beyond that a deadline bounds nothing. */
  sourceTimeout: { kind: 'duration', min: '1ms', max: '24h', example: '120s or 5m' },
} as const satisfies Record<string, NumberSpec>;

/**
 * A numeric option checked against its spec: an integer as is, a duration in milliseconds; undefined
 * when not given. A value outside the range is a CliError that names the option, the range and the value.
 */
export function numberOption(value: string | undefined, name: string, spec: NumberSpec): number | undefined {
  if (value === undefined) return undefined;
  if (spec.kind === 'integer') {
    const number = /^-?\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
    if (!(number >= spec.min && number <= spec.max))
      throw new CliError(`--${name} must be an integer from ${spec.min} to ${spec.max} (got "${value}")`);
    return number;
  }
  const ms = parseDuration(value);
  if (ms === undefined || ms < parseDuration(spec.min)! || ms > parseDuration(spec.max)!)
    throw new CliError(
      `--${name} takes a duration from ${spec.min} to ${spec.max}, such as ${spec.example} (got "${value}")`,
    );
  return ms;
}
