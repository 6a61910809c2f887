import { z } from 'zod';
import { DiagnosticSeverity } from './linuxptp-config.js';

/** One argument of an options string (`ptp4lOpts: "-2 -s"`), with where it was written so a rule can point at it. */
export const OptionToken = z.object({
  /** The argument as the program gets it, quotes removed. */
  text: z.string(),
  /** The argument as written. */
  raw: z.string(),
  /** 0-based position among the arguments. */
  index: z.number().int(),
  /** 1-based column of its first character in the options string. */
  column: z.number().int(),
});
export type OptionToken = z.infer<typeof OptionToken>;

/** One option given: a short one (`-n 24`, name `n`) or a long one (`--summary_interval -4`), in command-line order. */
export const ParsedOption = z.object({
  name: z.string(),
  long: z.boolean(),
  value: z.string().optional(),
  /** Index of the token holding the option (its value may sit in the next token). */
  token: z.number().int(),
  /** 1-based column of the option letter, or of the `--` of a long option. */
  column: z.number().int(),
});
export type ParsedOption = z.infer<typeof ParsedOption>;

export const OptionsDiagnosticCode = z.enum([
  'unknown-option',
  'missing-value',
  'bad-value',
  'unterminated-quote',
  'not-split-by-daemon',
  'ignored-argument',
  'deprecated-option',
  'exits-immediately',
  'too-many-diagnostics',
]);
export type OptionsDiagnosticCode = z.infer<typeof OptionsDiagnosticCode>;

export const OptionsDiagnostic = z.object({
  code: OptionsDiagnosticCode,
  severity: DiagnosticSeverity,
  /** 1-based column in the options string. */
  column: z.number().int(),
  token: z.number().int().optional(),
  message: z.string(),
});
export type OptionsDiagnostic = z.infer<typeof OptionsDiagnostic>;

const level = z.number().int();

/** ptp4l's short options (ptp4l.8). A field is absent when its option was not given. */
export const Ptp4lSettings = z.object({
  transport: z.enum(['L2', 'UDPv4', 'UDPv6']).optional(),
  delayMechanism: z.enum(['E2E', 'P2P', 'Auto']).optional(),
  timestamping: z.enum(['hardware', 'software', 'legacy']).optional(),
  /** -s, clientOnly (called slaveOnly before linuxptp 4.0). */
  clientOnly: z.boolean().default(false),
  interfaces: z.array(z.string()).default([]),
  configFile: z.string().optional(),
  phcDevice: z.string().optional(),
  loggingLevel: level.optional(),
  verbose: z.boolean().default(false),
  quiet: z.boolean().default(false),
});
export type Ptp4lSettings = z.infer<typeof Ptp4lSettings>;

/** phc2sys's short options (phc2sys.8). */
export const Phc2sysSettings = z.object({
  automatic: z.boolean().default(false),
  /** How many -r: 1 synchronizes the system clock, 2 also lets it be a time source. */
  realtimeCount: z.number().int().default(0),
  systemClock: z.string().optional(),
  sinks: z.array(z.string()).default([]),
  ppsDevice: z.string().optional(),
  configFile: z.string().optional(),
  source: z.string().optional(),
  servo: z.enum(['pi', 'linreg', 'ntpshm', 'refclock_sock']).optional(),
  proportionalConst: z.number().optional(),
  integralConst: z.number().optional(),
  stepThreshold: z.number().optional(),
  firstStepThreshold: z.number().optional(),
  /** -R, sink updates per second. */
  rate: z.number().optional(),
  /** -N, source clock readings per update. */
  phcReadings: z.number().int().optional(),
  offset: z.number().int().optional(),
  sanityFreqLimit: z.number().int().optional(),
  ntpshmSegment: z.number().int().optional(),
  summaryUpdates: z.number().int().optional(),
  wait: z.boolean().default(false),
  /** -n, one per ptp4l socket (-z); usually just one. */
  domains: z.array(z.number().int()).default([]),
  noKernelLeap: z.boolean().default(false),
  udsAddresses: z.array(z.string()).default([]),
  loggingLevel: level.optional(),
  messageTag: z.string().optional(),
  verbose: z.boolean().default(false),
  quiet: z.boolean().default(false),
});
export type Phc2sysSettings = z.infer<typeof Phc2sysSettings>;

/** ts2phc's short options (ts2phc.8). */
export const Ts2phcSettings = z.object({
  automatic: z.boolean().default(false),
  sinks: z.array(z.string()).default([]),
  configFile: z.string().optional(),
  /** -s, the ToD source: `generic`, `nmea` or a PHC. */
  source: z.string().optional(),
  loggingLevel: level.optional(),
  verbose: z.boolean().default(false),
  quiet: z.boolean().default(false),
});
export type Ts2phcSettings = z.infer<typeof Ts2phcSettings>;

/** synce4l's short options (intel/synce4l synce4l.c). */
export const Synce4lSettings = z.object({
  configFile: z.string().optional(),
  loggingLevel: level.optional(),
  pollIntervalMs: z.number().int().optional(),
  verbose: z.boolean().default(false),
  quiet: z.boolean().default(false),
});
export type Synce4lSettings = z.infer<typeof Synce4lSettings>;

/** chronyd's short options (chronyd.8); arguments after the options are configuration directives. */
export const ChronydSettings = z.object({
  ipFamily: z.enum(['IPv4', 'IPv6']).optional(),
  /** How many -d: 1 stays in the foreground logging to the terminal, 2 adds debug messages. */
  debugCount: z.number().int().default(0),
  configFile: z.string().optional(),
  logFile: z.string().optional(),
  logSeverity: z.number().int().optional(),
  user: z.string().optional(),
  noClockControl: z.boolean().default(false),
  directives: z.array(z.string()).default([]),
});
export type ChronydSettings = z.infer<typeof ChronydSettings>;

const common = {
  tokens: z.array(OptionToken),
  options: z.array(ParsedOption),
  /** `--key value` / `--key=value`: linuxptp configuration options given on the command line, as written. */
  longOptions: z.record(z.string(), z.string()),
  /**
   * Every configuration option the command line sets, long options and short ones alike (-2 sets
   * network_transport L2), under linuxptp's current names; they override [global] of the config file.
   */
  configOverrides: z.record(z.string(), z.string()),
  diagnostics: z.array(OptionsDiagnostic),
};

/** A parsed `<program>Opts` string; `settings` holds what the short options mean for that program. */
export const ProcessOptions = z.discriminatedUnion('program', [
  z.object({ program: z.literal('ptp4l'), settings: Ptp4lSettings, ...common }),
  z.object({ program: z.literal('phc2sys'), settings: Phc2sysSettings, ...common }),
  z.object({ program: z.literal('ts2phc'), settings: Ts2phcSettings, ...common }),
  z.object({ program: z.literal('synce4l'), settings: Synce4lSettings, ...common }),
  z.object({ program: z.literal('chronyd'), settings: ChronydSettings, ...common }),
]);
export type ProcessOptions = z.infer<typeof ProcessOptions>;
export type ProcessOptionsOf<P extends ProcessOptions['program']> = Extract<ProcessOptions, { program: P }>;
