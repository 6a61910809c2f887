import type { DiagnosticSeverity, LinuxptpProgram } from '../model/linuxptp-config.js';
import {
  ChronydSettings,
  type OptionsDiagnostic,
  type OptionsDiagnosticCode,
  type OptionToken,
  type ParsedOption,
  Phc2sysSettings,
  type ProcessOptionsOf,
  Ptp4lSettings,
  Synce4lSettings,
  Ts2phcSettings,
} from '../model/process-options.js';
import { currentOptionName } from './linuxptp-config-lookup.js';

/**
 * Parser for the option strings of a PtpConfig profile (`ptp4lOpts`, `phc2sysOpts`, ...). Options are read
 * as the programs' getopt_long() reads them: short options cluster (`-rr`), a short option's value may be
 * attached (`-n24`), a long option takes the next argument even if it starts with `-` (`--summary_interval
 * -4`), and `--` ends the options.
 */

type ArgumentKind = 'string' | 'integer' | 'number';

/** What one short option does; the tables below transcribe the programs' man pages and getopt strings. */
interface OptionSpec {
  meaning: string;
  argument?: ArgumentKind;
  range?: readonly [min: number, max: number];
  choices?: readonly string[];
  /** Settings field set to the argument, or to `to` for a flag. */
  set?: string;
  to?: string | boolean;
  /** Settings field collecting every occurrence (ptp4l -i). */
  append?: string;
  /** Settings field counting occurrences (phc2sys -r -r). */
  count?: string;
  /** The configuration option it overrides, with the value a flag gives it (an option's own argument otherwise). */
  config?: readonly [key: string, value?: string];
  /** The program prints something and exits instead of running. */
  exits?: boolean;
  replacedBy?: string;
}

interface ProgramSpec {
  options: Record<string, OptionSpec>;
  settings: { parse(fields: unknown): unknown };
  /** linuxptp programs accept every configuration option as `--key value`. */
  longOptions: boolean;
  /** Settings field for arguments that are not options; without one they are ignored, as linuxptp does. */
  positional?: string;
}

const INT_MAX = 2 ** 31 - 1;
const ANY_INT = [-(2 ** 31), INT_MAX] as const;
const NOT_NEGATIVE = [0, Number.MAX_VALUE] as const;

/** A flag picking one value of a setting, and of the configuration option behind it (-2: network_transport L2). */
function choose(meaning: string, set: string, to: string, configKey?: string): OptionSpec {
  return { meaning, set, to, ...(configKey ? { config: [configKey, to] } : {}) };
}

/** A flag turning a setting on, with the configuration option (and value) it writes. */
function toggle(meaning: string, set: string, config?: OptionSpec['config']): OptionSpec {
  return { meaning, set, to: true, ...(config ? { config } : {}) };
}

/** An option taking a value; `set` receives it, `configKey` is the configuration option it overrides. */
function text(meaning: string, set?: string, configKey?: string): OptionSpec {
  return {
    meaning,
    argument: 'string',
    ...(set ? { set } : {}),
    ...(configKey ? { config: [configKey] } : {}),
  };
}

function integer(meaning: string, range: OptionSpec['range'], set?: string, configKey?: string): OptionSpec {
  return { ...text(meaning, set, configKey), argument: 'integer', range };
}

function real(meaning: string, range: OptionSpec['range'], set?: string, configKey?: string): OptionSpec {
  return { ...text(meaning, set, configKey), argument: 'number', range };
}

const CONFIG_FILE = text('configuration file', 'configFile');
const HELP: OptionSpec = { meaning: 'print the help text and exit', exits: true };
const VERSION: OptionSpec = { meaning: 'print the version and exit', exits: true };

/** Options every linuxptp program shares. */
const LINUXPTP_COMMON: Record<string, OptionSpec> = {
  f: CONFIG_FILE,
  l: integer('maximum print level', [0, 7], 'loggingLevel', 'logging_level'),
  m: toggle('print messages to standard output', 'verbose', ['verbose', '1']),
  q: toggle('do not send messages to syslog', 'quiet', ['use_syslog', '0']),
  h: HELP,
  v: VERSION,
};

const PTP4L: ProgramSpec = {
  settings: Ptp4lSettings,
  longOptions: true,
  options: {
    ...LINUXPTP_COMMON,
    A: choose('automatic delay mechanism', 'delayMechanism', 'Auto', 'delay_mechanism'),
    E: choose('E2E delay mechanism', 'delayMechanism', 'E2E', 'delay_mechanism'),
    P: choose('P2P delay mechanism', 'delayMechanism', 'P2P', 'delay_mechanism'),
    '2': choose('IEEE 802.3 transport', 'transport', 'L2', 'network_transport'),
    '4': choose('UDP IPv4 transport', 'transport', 'UDPv4', 'network_transport'),
    '6': choose('UDP IPv6 transport', 'transport', 'UDPv6', 'network_transport'),
    H: choose('hardware time stamping', 'timestamping', 'hardware', 'time_stamping'),
    S: choose('software time stamping', 'timestamping', 'software', 'time_stamping'),
    L: choose('legacy hardware time stamping', 'timestamping', 'legacy', 'time_stamping'),
    i: { ...text('PTP port (network interface)'), append: 'interfaces' },
    p: text('PHC device (deprecated)', 'phcDevice'),
    s: toggle('client-only (slave-only) mode', 'clientOnly', ['clientOnly', '1']),
  },
};

const PHC2SYS: ProgramSpec = {
  settings: Phc2sysSettings,
  longOptions: true,
  options: {
    ...LINUXPTP_COMMON,
    a: toggle('choose clocks from the ptp4l port states', 'automatic'),
    r: { meaning: 'synchronize the system clock; twice: it may also be a source', count: 'realtimeCount' },
    C: text('system clock of the automatic mode', 'systemClock'),
    c: { ...text('sink clock'), append: 'sinks' },
    d: text('PPS device of the source clock', 'ppsDevice'),
    s: text('source clock', 'source'),
    i: { ...text('source clock', 'source'), replacedBy: '-s' },
    E: {
      ...text('clock servo', 'servo', 'clock_servo'),
      choices: ['pi', 'linreg', 'ntpshm', 'refclock_sock'],
    },
    P: real('PI proportional constant', NOT_NEGATIVE, 'proportionalConst', 'pi_proportional_const'),
    I: real('PI integral constant', NOT_NEGATIVE, 'integralConst', 'pi_integral_const'),
    S: real('step threshold (s)', NOT_NEGATIVE, 'stepThreshold', 'step_threshold'),
    F: real('first step threshold (s)', NOT_NEGATIVE, 'firstStepThreshold', 'first_step_threshold'),
    R: real('sink updates per second', [1e-9, Number.MAX_VALUE], 'rate'),
    N: integer('source readings per update', [1, INT_MAX], 'phcReadings'),
    O: integer('sink minus source offset (s)', ANY_INT, 'offset'),
    L: integer('sanity frequency limit (ppb)', [0, INT_MAX], 'sanityFreqLimit', 'sanity_freq_limit'),
    M: integer('NTP SHM segment', ANY_INT, 'ntpshmSegment', 'ntpshm_segment'),
    u: integer('clock updates per summary', [0, 2 ** 32 - 1], 'summaryUpdates'),
    w: toggle('wait until ptp4l is synchronized', 'wait'),
    n: { ...integer('PTP domain number', [0, 255]), append: 'domains' },
    x: toggle('let the servo absorb leap seconds', 'noKernelLeap', ['kernel_leap', '0']),
    z: { ...text('ptp4l UNIX socket'), append: 'udsAddresses' },
    t: text('message tag', 'messageTag', 'message_tag'),
  },
};

const TS2PHC: ProgramSpec = {
  settings: Ts2phcSettings,
  longOptions: true,
  options: {
    ...LINUXPTP_COMMON,
    a: toggle('choose clocks from the ptp4l port states', 'automatic'),
    c: { ...text('PHC to synchronize (sink)'), append: 'sinks' },
    s: text('time of day source (generic, nmea or a PHC)', 'source'),
    // "i:" is in ts2phc's getopt string (v3.1.1..v4.4) but main() has no case for it: `default:` exits.
    i: {
      meaning: 'print its usage and exit (ts2phc.c main() handles no -i)',
      argument: 'string',
      exits: true,
    },
  },
};

const SYNCE4L: ProgramSpec = {
  settings: Synce4lSettings,
  // synce4l's getopt_long has no case for long options: they end in its usage message.
  longOptions: false,
  options: {
    ...LINUXPTP_COMMON,
    p: integer('SyncE clock poll interval (ms)', [1, 500], 'pollIntervalMs', 'poll_interval_msec'),
    // Its getopt string is "f:l:mp:q:vh": -q swallows the next argument.
    q: { ...toggle('do not send messages to syslog', 'quiet', ['use_syslog', '0']), argument: 'string' },
  },
};

const CHRONYD: ProgramSpec = {
  settings: ChronydSettings,
  longOptions: false,
  positional: 'directives',
  options: {
    '4': choose('IPv4 only', 'ipFamily', 'IPv4'),
    '6': choose('IPv6 only', 'ipFamily', 'IPv6'),
    d: {
      meaning: 'stay in the foreground logging to the terminal; twice: debug messages',
      count: 'debugCount',
    },
    f: CONFIG_FILE,
    F: integer('seccomp filter level', ANY_INT),
    l: text('log file', 'logFile'),
    L: integer('minimum log severity', ANY_INT, 'logSeverity'),
    m: { meaning: 'lock memory' },
    n: { meaning: 'do not detach from the terminal' },
    p: { meaning: 'print the configuration and exit', exits: true },
    P: integer('SCHED_FIFO priority', ANY_INT),
    q: { meaning: 'set the clock once and exit', exits: true },
    Q: { meaning: 'print the offset once and exit', exits: true },
    r: { meaning: 'reload dump files' },
    R: { meaning: 'ignore initstepslew and refclock directives' },
    s: { meaning: 'set the system time from the RTC' },
    t: integer('exit after this many seconds', ANY_INT),
    u: text('user to run as', 'user'),
    U: { meaning: 'do not check for root' },
    x: toggle('do not control the system clock', 'noClockControl'),
    h: HELP,
    v: VERSION,
  },
};

const PROGRAMS: Record<LinuxptpProgram, ProgramSpec> = {
  ptp4l: PTP4L,
  phc2sys: PHC2SYS,
  ts2phc: TS2PHC,
  synce4l: SYNCE4L,
  chronyd: CHRONYD,
};

const SEVERITY: Record<OptionsDiagnosticCode, DiagnosticSeverity> = {
  'unknown-option': 'error',
  'missing-value': 'error',
  'bad-value': 'error',
  'unterminated-quote': 'error',
  'not-split-by-daemon': 'warning',
  'ignored-argument': 'warning',
  'deprecated-option': 'warning',
  'exits-immediately': 'error',
  'too-many-diagnostics': 'warning',
};

const MAX_DIAGNOSTICS = 1000;

export function parseProcessOptions<P extends LinuxptpProgram>(
  program: P,
  text: string,
): ProcessOptionsOf<P> {
  const spec = PROGRAMS[program];
  const diagnostics: OptionsDiagnostic[] = [];
  const report: Report = (code, column, token, message) => {
    // A garbage string must not turn into millions of objects: past the limit, one last note.
    if (diagnostics.length > MAX_DIAGNOSTICS) return;
    const last = diagnostics.length === MAX_DIAGNOSTICS;
    const [shownCode, shownMessage] = last
      ? (['too-many-diagnostics', 'more problems not listed'] as const)
      : [code, message];
    diagnostics.push({
      code: shownCode,
      severity: SEVERITY[shownCode],
      column,
      token,
      message: shownMessage,
    });
  };

  const tokens = tokenize(text, report);
  const { options, positional } = readOptions(tokens, spec, program, report);
  const fields: Record<string, unknown> = {};
  const longOptions: Record<string, string> = {};
  const configOverrides: Record<string, string> = {};
  for (const option of options) {
    if (option.long) {
      if (option.value === undefined) continue; // reported as missing
      longOptions[option.name] = option.value;
      configOverrides[currentOptionName(option.name)] = option.value;
    } else {
      applyShortOption(option, lookup(spec, option.name)!, fields, configOverrides, report);
    }
  }
  for (const token of positional) {
    if (spec.positional) append(fields, spec.positional, token.text);
    else report('ignored-argument', token.column, token.index, `${program} ignores "${token.raw}"`);
  }
  const settings = spec.settings.parse(fields);
  // The tables tie each program to its settings schema, which TypeScript cannot follow through the lookup.
  const parsed = { program, settings, tokens, options, longOptions, configOverrides, diagnostics };
  return parsed as ProcessOptionsOf<P>;
}

type Report = (
  code: OptionsDiagnosticCode,
  column: number,
  token: number | undefined,
  message: string,
) => void;

/**
 * Splits on whitespace, honouring single and double quotes. linuxptp-daemon itself splits on single
 * spaces and passes quotes on, so wherever the two differ a diagnostic says so.
 */
function tokenize(text: string, report: Report): OptionToken[] {
  const tokens: OptionToken[] = [];
  let i = 0;
  for (;;) {
    for (; i < text.length && isSpace(text[i]); i++) {
      if (text[i] !== ' ')
        report('not-split-by-daemon', i + 1, undefined, 'linuxptp-daemon splits on spaces only');
    }
    if (i >= text.length) return tokens;
    const start = i;
    let value = '';
    while (i < text.length && !isSpace(text[i])) {
      const quote = text[i];
      if (quote === '"' || quote === "'") {
        const close = text.indexOf(quote, i + 1);
        if (close < 0) report('unterminated-quote', i + 1, tokens.length, `unterminated ${quote} quote`);
        const end = close < 0 ? text.length : close;
        value += text.slice(i + 1, end);
        i = end + 1;
      } else {
        const plain = i;
        while (i < text.length && !isSpace(text[i]) && text[i] !== '"' && text[i] !== "'") i++;
        value += text.slice(plain, i);
      }
    }
    const raw = text.slice(start, i);
    if (raw !== value)
      report('not-split-by-daemon', start + 1, tokens.length, `linuxptp-daemon keeps the quotes of ${raw}`);
    tokens.push({ text: value, raw, index: tokens.length, column: start + 1 });
  }
}

function isSpace(char: string | undefined): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\r' || char === '\v' || char === '\f';
}

/** getopt_long() over the tokens: which are options (with their values) and which are plain arguments. */
function readOptions(tokens: OptionToken[], spec: ProgramSpec, program: string, report: Report) {
  const options: ParsedOption[] = [];
  const positional: OptionToken[] = [];
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t]!;
    const arg = token.text;
    // A value is attached to its option (-n24, --key=value) or is the next argument, whatever it looks like.
    const takeValue = (attached: string | undefined, column: number, option: string) => {
      if (attached !== undefined) return attached;
      const next = tokens[t + 1];
      if (next === undefined) report('missing-value', column, token.index, `${option} needs a value`);
      else t++;
      return next?.text;
    };
    if (arg === '--') {
      // One at a time: spreading 100,000 arguments into push() overflows the stack.
      for (const rest of tokens.slice(t + 1)) positional.push(rest);
      break;
    } else if (arg.startsWith('--')) {
      const equals = arg.indexOf('=');
      const name = arg.slice(2, equals < 0 ? undefined : equals);
      // Even a program that rejects long options lets getopt_long() consume their value first.
      const value = takeValue(equals < 0 ? undefined : arg.slice(equals + 1), token.column, arg);
      if (spec.longOptions)
        options.push({ name, long: true, token: token.index, column: token.column, value });
      else
        report('unknown-option', token.column, token.index, `${program} rejects long options such as ${arg}`);
    } else if (arg.length < 2 || arg[0] !== '-') {
      positional.push(token);
    } else {
      // A cluster of short options: -rr, -n24, -mn 24. An option taking a value ends the cluster.
      for (let k = 1; k < arg.length; k++) {
        const name = arg[k]!;
        const column = token.column + k;
        const option = lookup(spec, name);
        if (option === undefined) {
          report('unknown-option', column, token.index, `${program} has no option -${name}`);
        } else if (option.argument === undefined) {
          options.push({ name, long: false, token: token.index, column });
        } else {
          const value = takeValue(arg.slice(k + 1) || undefined, column, `-${name} (${option.meaning})`);
          options.push({ name, long: false, token: token.index, column, value });
          break;
        }
      }
    }
  }
  return { options, positional };
}

/**
 * The configuration option a short flag sets and the value it gives it (ptp4l -2: network_transport L2;
 * -l 7: logging_level 7), or undefined for a flag that sets none.
 */
export function shortFlagConfig(
  program: LinuxptpProgram,
  name: string,
  value: string | undefined,
): [key: string, value: string] | undefined {
  const spec = lookup(PROGRAMS[program], name);
  if (!spec?.config) return undefined;
  const given = spec.config[1] ?? value;
  return given === undefined ? undefined : [spec.config[0], given];
}

function lookup(spec: ProgramSpec, name: string): OptionSpec | undefined {
  return Object.hasOwn(spec.options, name) ? spec.options[name] : undefined;
}

function applyShortOption(
  option: ParsedOption,
  spec: OptionSpec,
  fields: Record<string, unknown>,
  configOverrides: Record<string, string>,
  report: Report,
): void {
  const flag = `-${option.name}`;
  if (spec.exits)
    report('exits-immediately', option.column, option.token, `${flag}: the program would ${spec.meaning}`);
  if (spec.replacedBy)
    report('deprecated-option', option.column, option.token, `${flag} is deprecated, use ${spec.replacedBy}`);
  if (spec.count) fields[spec.count] = ((fields[spec.count] as number | undefined) ?? 0) + 1;
  if (spec.argument === undefined) {
    if (spec.set) fields[spec.set] = spec.to;
    if (spec.config) configOverrides[spec.config[0]] = spec.config[1] ?? '';
    return;
  }
  if (option.value === undefined) return; // already reported as missing
  const value = convert(option.value, spec);
  if (value === undefined) {
    report(
      'bad-value',
      option.column,
      option.token,
      `${flag} ${option.value}: expects ${expectedValue(spec)}`,
    );
    return;
  }
  if (spec.set) fields[spec.set] = spec.to ?? value;
  if (spec.append) append(fields, spec.append, value);
  if (spec.config) configOverrides[spec.config[0]] = spec.config[1] ?? String(value);
}

function append(fields: Record<string, unknown>, field: string, value: unknown): void {
  const list = (fields[field] as unknown[] | undefined) ?? [];
  list.push(value);
  fields[field] = list;
}

function convert(text: string, spec: OptionSpec): string | number | undefined {
  if (spec.choices) return spec.choices.find((choice) => choice === text.toLowerCase());
  if (spec.argument === 'string') return text;
  const value = spec.argument === 'integer' ? parseCInteger(text) : parseCDouble(text);
  if (value === undefined || !spec.range) return value;
  return value >= spec.range[0] && value <= spec.range[1] ? value : undefined;
}

function expectedValue(spec: OptionSpec): string {
  if (spec.choices) return `one of ${spec.choices.join(', ')}`;
  const range =
    spec.range && spec.range[1] < Number.MAX_VALUE ? ` in ${spec.range[0]}..${spec.range[1]}` : '';
  return `${spec.argument === 'integer' ? 'an integer' : 'a number'}${range}`;
}

/** strtol(text, &end, 0) accepting the whole text: decimal, 0x hexadecimal or 0 octal. */
function parseCInteger(text: string): number | undefined {
  const match = /^[\t\n\v\f\r ]*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.exec(text);
  if (!match) return undefined;
  const digits = match[2]!;
  const radix = /^0[xX]/.test(digits) ? 16 : digits.length > 1 && digits[0] === '0' ? 8 : 10;
  const magnitude = Number.parseInt(radix === 16 ? digits.slice(2) : digits, radix);
  return match[1] === '-' ? -magnitude : magnitude;
}

/** strtod() accepting the whole text (decimal notation only; hexadecimal floats do not occur in options). */
function parseCDouble(text: string): number | undefined {
  return /^[\t\n\v\f\r ]*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text) ? Number(text) : undefined;
}
