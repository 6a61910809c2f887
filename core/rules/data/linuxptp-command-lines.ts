/**
 * The command lines of ptp4l, phc2sys and ts2phc for each supported linuxptp release, transcribed from
 * the getopt_long() call and usage() of each program's main() (richardcochran/linuxptp, `git show
 * <tag>:ptp4l.c` etc.), and what linuxptp-daemon adds to a profile's `xxxOpts` before it runs them.
 *
 * Every program also accepts each configuration option of config.c's table as a long option
 * (`--domainNumber 24`): config_long_options() builds them with a required argument, and
 * config_parse_option() locks the value so the config file's [global] line no longer applies.
 */

export type CommandLineProgram = 'ptp4l' | 'phc2sys' | 'ts2phc';

export interface CommandLineFlag {
  /** getopt: the flag takes an argument ("f:"). */
  argument: boolean;
  /** What usage() says it does. */
  meaning: string;
  /** In the getopt string but main() has no case for it: the program prints its usage and exits. */
  refused?: true;
}

export interface ProgramCommandLine {
  getopt: string;
  flags: Record<string, CommandLineFlag>;
  /** Where it was read. */
  source: string;
}

const PTP4L_MEANINGS: Record<string, string> = {
  A: 'automatic delay mechanism, starting with E2E',
  E: 'E2E delay mechanism',
  P: 'P2P delay mechanism',
  '2': 'IEEE 802.3 transport',
  '4': 'UDP IPv4 transport',
  '6': 'UDP IPv6 transport',
  H: 'hardware time stamping',
  S: 'software time stamping',
  L: 'legacy hardware time stamping',
  f: 'read the configuration from a file',
  i: 'network interface (may be repeated)',
  p: 'PHC device',
  s: 'client-only (slave-only) mode, overriding the configuration file',
  l: 'logging level',
  m: 'print messages to stdout',
  q: 'do not print messages to syslog',
  v: 'print the version and exit',
  h: 'print the usage and exit',
};

const PHC2SYS_MEANINGS: Record<string, string> = {
  a: 'automatic configuration from the ptp4l port states',
  r: 'synchronize the system clock; twice: it may also be a time source',
  c: 'time sink clock (manual configuration)',
  d: 'PPS device of the time source (manual configuration)',
  f: 'configuration file',
  s: 'time source clock (manual configuration)',
  i: 'time source clock, deprecated spelling of -s',
  E: 'clock servo',
  P: 'PI proportional constant',
  I: 'PI integral constant',
  S: 'step threshold',
  F: 'step threshold at start only',
  R: 'sink update rate (Hz)',
  N: 'source clock readings per update',
  O: 'sink minus source time offset (s) (manual configuration)',
  L: 'sanity frequency limit (ppb)',
  M: 'NTP SHM segment',
  u: 'clock updates per summary',
  w: 'wait for ptp4l (manual configuration)',
  n: 'PTP domain number',
  x: 'apply leap seconds by servo instead of kernel',
  z: 'ptp4l UNIX socket address',
  l: 'logging level',
  t: 'tag of log messages',
  m: 'print messages to stdout',
  q: 'do not print messages to syslog',
  v: 'print the version and exit',
  h: 'print the usage and exit',
};

const TS2PHC_MEANINGS: Record<string, string> = {
  a: 'automatic configuration from the ptp4l port states',
  c: 'PHC time sink (may be repeated)',
  f: 'read the configuration from a file',
  h: 'print the usage and exit',
  i: 'no meaning: main() has no case for it',
  l: 'logging level',
  m: 'print messages to stdout',
  q: 'do not print messages to syslog',
  s: 'source of the PPS signal (generic, nmea, or a PHC)',
  v: 'print the version and exit',
};

/** getopt's option string as flags: a letter followed by ':' takes an argument. */
function flagsOf(
  getopt: string,
  meanings: Record<string, string>,
  refused: readonly string[] = [],
): Record<string, CommandLineFlag> {
  const flags: Record<string, CommandLineFlag> = {};
  for (let i = 0; i < getopt.length; i++) {
    const letter = getopt[i]!;
    const argument = getopt[i + 1] === ':';
    if (argument) i++;
    flags[letter] = {
      argument,
      meaning: meanings[letter] ?? letter,
      ...(refused.includes(letter) ? { refused: true as const } : {}),
    };
  }
  return flags;
}

function program(
  getopt: string,
  meanings: Record<string, string>,
  source: string,
  refused: readonly string[] = [],
): ProgramCommandLine {
  return { getopt, flags: flagsOf(getopt, meanings, refused), source };
}

// ptp4l.c main(): the same string from v3.1.1 to v4.4.
const PTP4L = (tag: string) =>
  program('AEP246HSLf:i:p:sl:mqvh', PTP4L_MEANINGS, `linuxptp ${tag} ptp4l.c main() getopt_long`);
// phc2sys.c main(): the same string from v3.1.1 to v4.4.
const PHC2SYS = (tag: string) =>
  program(
    'arc:d:f:s:E:P:I:S:F:R:N:O:L:M:i:u:wn:xz:l:t:mqvh',
    PHC2SYS_MEANINGS,
    `linuxptp ${tag} phc2sys.c main() getopt_long`,
  );
// ts2phc.c main(): "i:" is in the string but no case handles it, so -i falls to `default:` (usage, exit).
// -a (automatic configuration) came with v4.0.
const TS2PHC = (tag: string) =>
  program(
    tag === 'v3.1.1' ? 'c:f:hi:l:mqs:v' : 'ac:f:hi:l:mqs:v',
    TS2PHC_MEANINGS,
    `linuxptp ${tag} ts2phc.c main() getopt_long`,
    ['i'],
  );

export const COMMAND_LINE_RELEASES = ['3.1.1', '4.0', '4.1', '4.2', '4.3', '4.4'] as const;

export const LINUXPTP_COMMAND_LINES: Record<
  string,
  Record<CommandLineProgram, ProgramCommandLine>
> = Object.fromEntries(
  COMMAND_LINE_RELEASES.map((release) => {
    const tag = `v${release}`;
    return [release, { ptp4l: PTP4L(tag), phc2sys: PHC2SYS(tag), ts2phc: TS2PHC(tag) }];
  }),
);

/** The table of a release; a release newer than the last one reads the last table. */
export function commandLineOf(release: string, name: CommandLineProgram): ProgramCommandLine {
  const table = LINUXPTP_COMMAND_LINES[release] ?? LINUXPTP_COMMAND_LINES[COMMAND_LINE_RELEASES.at(-1)!]!;
  return table[name];
}

/** Flags of linuxptp master, in no release yet: the parser knows them, every release table does not. */
export const UNRELEASED_FLAGS: Record<CommandLineProgram, Record<string, string>> = {
  ptp4l: {},
  // phc2sys.c at f98cb5d: "arC:c:d:..." (commit d6988c4, auxiliary system clocks).
  phc2sys: { C: 'linuxptp master after v4.4 (commit d6988c4)' },
  ts2phc: {},
};

/**
 * Flags phc2sys refuses together with -a: main() of v3.1.1..v4.4 exits with "autoconfiguration cannot be
 * mixed with manual config options." when -a meets -s/-i, -c, -d, -w or -O. (linuxptp after v4.4,
 * commit aad61e4, accepts -c with -a; no release has it yet.)
 */
export const PHC2SYS_MANUAL_FLAGS = ['s', 'i', 'c', 'd', 'w', 'O'] as const;

/** The long option an unknown short flag probably means, per program (a flag of another linuxptp program). */
export const FLAG_SUGGESTIONS: Record<CommandLineProgram, Record<string, string>> = {
  // phc2sys -n is the domain; ptp4l and ts2phc read it from the config (ts2phc -a: pmc_agent.c init_pmc_node).
  ptp4l: { n: '--domainNumber', u: '--summary_interval' },
  ts2phc: { n: '--domainNumber' },
  // ptp4l's transport flags have no meaning for phc2sys.
  phc2sys: { '2': 'ptp4lOpts', '4': 'ptp4lOpts', '6': 'ptp4lOpts' },
};

/**
 * What linuxptp-daemon (release-4.18) does with `xxxOpts`: pkg/daemon/daemon.go applyNodePtpProfile()
 * runs `/usr/sbin/<program> -f <its rendered config> <xxxOpts>` split on single spaces, and skips a
 * program whose options are empty; pkg/daemon/metrics.go addFlagsForMonitor() appends ` -m` to ptp4l and
 * phc2sys options that do not contain "-m", and ` -u 1` to phc2sys options without "-u" when events are
 * off; applyNodePtpProfile() appends `--ts2phc.holdover`, `--servo_offset_threshold` and
 * `--servo_num_offset_values 10` to ts2phc options that lack them; ApplyHaProfiles() appends `-z <socket>`
 * to an HA phc2sys. None of these is the user's to check. The function gives the first argument the
 * daemon appends (what a last flag missing its value would take), or null.
 */
export const DAEMON_APPENDS: Record<CommandLineProgram, (opts: string) => string | null> = {
  ptp4l: (opts) => (opts.includes('-m') ? null : '-m'),
  phc2sys: (opts) => (opts.includes('-m') ? null : '-m'),
  ts2phc: (opts) =>
    ['--ts2phc.holdover', '--servo_offset_threshold', '--servo_num_offset_values'].find(
      (option) => !opts.includes(option),
    ) ?? null,
};
