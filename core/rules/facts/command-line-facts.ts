import type { FindingLocation, FindingSubject } from '../../model/finding.js';
import type { ProcessOptions } from '../../model/process-options.js';
import { currentOptionName } from '../../parsers/linuxptp-config-lookup.js';
import { parseProcessOptions, shortFlagConfig } from '../../parsers/process-options.js';
import {
  type CommandLineProgram,
  commandLineOf,
  DAEMON_APPENDS,
  FLAG_SUGGESTIONS,
  LINUXPTP_COMMAND_LINES,
  PHC2SYS_MANUAL_FLAGS,
  UNRELEASED_FLAGS,
} from '../data/linuxptp-command-lines.js';
import type { LinuxptpTableRelease } from '../data/linuxptp-option-table.js';
import type { Evaluation } from '../rule-engine.js';
import type { CommandLineFact } from './config-fact-schema.js';
import { optionValueFacts } from './option-value.js';
import { type ProfileInput, typed } from './profile-facts.js';

export interface CommandLineContext {
  version: string;
  /** The release table the version is checked against (lint/linuxptp-version.ts linuxptpTarget). */
  release: string;
  /** `domainNumber` of ts2phcConf [global], if set. */
  ts2phcConfigDomain?: number | string;
  ptp4lDomain: number | null;
}

/**
 * The `commandLine` fact of one program of a profile: what its `xxxOpts` make the program do, read as
 * its main() reads them at the target linuxptp release (data/linuxptp-command-lines.ts), apart from
 * what linuxptp-daemon adds itself (-f, -m, -u 1, the ts2phc holdover options).
 */
export function commandLineFact(
  program: CommandLineProgram,
  raw: string,
  context: CommandLineContext,
): CommandLineFact {
  const parsed = parseProcessOptions(program, raw);
  const release = LINUXPTP_COMMAND_LINES[context.release] ? context.release : '4.4';
  const table = commandLineOf(release, program);
  const unknownFlags: string[] = [];
  const refusals: string[] = [];
  const flagAt = (column: number) => raw[column - 1] ?? '?';

  for (const diagnostic of parsed.diagnostics) {
    if (diagnostic.code === 'unknown-option') {
      unknownFlags.push(withSuggestion(program, flagAt(diagnostic.column), release));
    } else if (diagnostic.code === 'missing-value') {
      const flag = diagnostic.message.split(' ')[0]!;
      const appended = DAEMON_APPENDS[program](raw);
      refusals.push(
        appended
          ? `${flag} needs a value: it would take the "${appended}" linuxptp-daemon appends`
          : `${flag} needs a value ("option requires an argument")`,
      );
    } else if (diagnostic.code === 'bad-value' || diagnostic.code === 'exits-immediately') {
      refusals.push(diagnostic.message);
    }
  }
  // Flags the parser knows (the newest release's) that the target release does not (ts2phc -a before 4.0).
  for (const option of parsed.options) {
    if (option.long || table.flags[option.name] !== undefined) continue;
    const since = UNRELEASED_FLAGS[program][option.name];
    unknownFlags.push(
      `-${option.name} (linuxptp ${release} has no -${option.name}${since ? `; it is in ${since}` : ''})`,
    );
  }
  const given = (name: string) => parsed.options.filter((option) => !option.long && option.name === name);
  // One at a time, not spread into push(): a command line can hold 100,000 options.
  for (const refusal of programRefusals(program, parsed, given, release)) refusals.push(refusal);
  for (const refusal of emptyValues(program, parsed, release)) refusals.push(refusal);

  // -a of a release without it is an unknown flag, not automatic configuration.
  const automatic = given('a').length > 0 && table.flags.a !== undefined;
  const longDomain = parsed.longOptions.domainNumber;
  const domain =
    program === 'ts2phc' ? Number(typed(longDomain ?? String(context.ts2phcConfigDomain ?? 0))) : null;
  const configFile = given('f').at(-1)?.value ?? null;
  return {
    program,
    field: `${program}Opts`,
    raw,
    targetVersion: context.version,
    release,
    unknownFlags,
    unknownText: unknownFlags.join('; '),
    refusals,
    refusalText: refusals.join('; '),
    automatic,
    realtimeCount: given('r').length,
    manualFlags:
      program === 'phc2sys'
        ? PHC2SYS_MANUAL_FLAGS.filter((name) => given(name).length > 0).map((name) => `-${name}`)
        : [],
    configFile,
    domain: domain !== null && Number.isFinite(domain) ? domain : null,
    ptp4lDomain: context.ptp4lDomain,
  };
}

/** "-o (did you mean -O?)": a flag of another linuxptp program, or the same letter in the other case. */
function withSuggestion(program: CommandLineProgram, letter: string, release: string): string {
  const hint = FLAG_SUGGESTIONS[program][letter];
  if (hint?.startsWith('--')) return `-${letter} (did you mean ${hint}?)`;
  if (hint) return `-${letter} (it belongs in ${hint})`;
  const flags = commandLineOf(release, program).flags;
  const other = letter === letter.toLowerCase() ? letter.toUpperCase() : letter.toLowerCase();
  return other !== letter && flags[other] ? `-${letter} (did you mean -${other}?)` : `-${letter}`;
}

/**
 * Combinations main() refuses, each with the message it prints (phc2sys.c, ts2phc.c main() at v4.4).
 * phc2sys -a with manual flags has a rule of its own. Not here: "time offset must be specified using -w
 * or -O" (v3.1.1..v4.4), because the linuxptp of the OpenShift image drops it as linuxptp did after v4.4
 * (commit 85765cb): the corpus daemon log runs `phc2sys ... -s ens4f1` without -w or -O and it synchronizes.
 */
function programRefusals(
  program: CommandLineProgram,
  parsed: ProcessOptions,
  given: (name: string) => unknown[],
  release: string,
): string[] {
  const refusals: string[] = [];
  if (program === 'ts2phc' && given('s').length > 1) refusals.push('-s given twice: "too many PPS sources"');
  if (program !== 'phc2sys' || given('a').length > 0) return refusals;
  if (given('s').length + given('i').length + given('d').length === 0)
    refusals.push('no -a, -s or -d: "autoconfiguration or valid source clock must be selected."');
  // Several -z (one ptp4l each) came with v4.1; before, the last -z was the one address.
  if (release !== '3.1.1' && release !== '4.0' && given('z').length > 1)
    refusals.push('several -z without -a: "autoconfiguration needed with multiple domains."');
  const sinks = parsed.program === 'phc2sys' ? parsed.settings.sinks : [];
  if (given('d').length > 0 && (sinks.length > 1 || (sinks.length === 1 && sinks[0] !== 'CLOCK_REALTIME')))
    refusals.push(
      '-d with a -c other than CLOCK_REALTIME: "cannot use a pps device unless destination is CLOCK_REALTIME"',
    );
  return refusals;
}

/**
 * linuxptp-daemon splits the command line on single spaces (release-4.18 applyNodePtpProfile():
 * strings.Split(cmdLine, " ")), so a flag followed by two spaces gets an empty argument as its value and
 * its real value becomes a stray argument. An empty number is malformed (util.c get_ranged_int():
 * endptr == str); an empty device, file or clock name fails to open; only -t (a message tag) and string
 * configuration options take it.
 */
function emptyValues(program: CommandLineProgram, parsed: ProcessOptions, release: string): string[] {
  const refusals: string[] = [];
  for (const option of parsed.options) {
    const token = parsed.tokens[option.token]!;
    const next = parsed.tokens[option.token + 1];
    const separate = option.long ? !token.text.includes('=') : token.text.endsWith(option.name);
    if (option.value === undefined || !separate || next === undefined || next.text !== option.value) continue;
    const gap = next.column - (token.column + token.raw.length);
    if (gap < 2) continue;
    const refused = option.long
      ? optionValueFacts(option.name, '', release as LinuxptpTableRelease, program).valueProblem !== null
      : option.name !== 't';
    const flag = option.long ? `--${option.name}` : `-${option.name}`;
    if (refused)
      refusals.push(
        `${flag} is followed by ${gap} spaces: linuxptp-daemon splits on single spaces, so ${flag} gets an empty value, not "${option.value}"`,
      );
  }
  return refusals;
}

/** A configuration option set on a command line: the flag as written and the value it gives. */
export interface CommandLineOverride {
  flag: string;
  value: string;
}

/**
 * The configuration options each program's command line sets, by current option name. linuxptp locks
 * them (config.c config_set_int()/config_parse_option() set CFG_ITEM_LOCKED, and parse_item() skips a
 * locked [global] item when it reads the file), so the file's [global] line is ignored; a port section's
 * line still applies to its port (config_find_item() looks in the port section first).
 */
export function commandLineOverrides(
  opts: Partial<Record<CommandLineProgram, string | undefined>>,
): Record<CommandLineProgram, Map<string, CommandLineOverride>> {
  const result = {} as Record<CommandLineProgram, Map<string, CommandLineOverride>>;
  for (const program of ['ptp4l', 'phc2sys', 'ts2phc'] as const) {
    const overrides = new Map<string, CommandLineOverride>();
    for (const option of parseProcessOptions(program, opts[program] ?? '').options) {
      if (option.long) {
        if (option.value !== undefined)
          overrides.set(currentOptionName(option.name), {
            flag: `--${option.name} ${option.value}`,
            value: option.value,
          });
        continue;
      }
      const set = shortFlagConfig(program, option.name, option.value);
      if (set) {
        const flag = option.value === undefined ? `-${option.name}` : `-${option.name} ${option.value}`;
        overrides.set(currentOptionName(set[0]), { flag, value: set[1] });
      }
    }
    result[program] = overrides;
  }
  return result;
}

/** The facts an option evaluation of a config line gets when a command line sets the same option. */
export function overrideFacts(
  override: CommandLineOverride | undefined,
  fileValue: string,
): { overriddenBy: string | null; commandLineValue: string | null; agrees: boolean | null } {
  if (!override) return { overriddenBy: null, commandLineValue: null, agrees: null };
  return {
    overriddenBy: override.flag,
    commandLineValue: override.value,
    agrees: sameValue(override.value, fileValue),
  };
}

/** linuxptp reads enum labels case-insensitively (strcasecmp) and numbers with strtol/strtod. */
function sameValue(a: string, b: string): boolean {
  const [x, y] = [typed(a), typed(b)];
  if (typeof x === 'number' && typeof y === 'number') return x === y;
  return String(x).toLowerCase() === String(y).toLowerCase();
}

/** One `commandLine` evaluation per program whose options a profile gives (the daemon skips empty ones). */
export function commandLineEvaluations(
  input: ProfileInput,
  context: {
    base: { subject: FindingSubject; file: string };
    summary: Record<string, unknown>;
    version: string;
    release: string;
    runsPtp4l: boolean;
    locate: (fact: string, path: string) => FindingLocation | undefined;
    fieldLocation: (field: string) => FindingLocation;
  },
): Evaluation[] {
  const { summary } = context;
  const ts2phc = summary.ts2phc as { global?: Record<string, number | string> } | undefined;
  const programs: [CommandLineProgram, string | undefined][] = [
    ['ptp4l', input.profile.ptp4lOpts],
    ['phc2sys', input.profile.phc2sysOpts],
    ['ts2phc', input.profile.ts2phcOpts],
  ];
  return programs
    .filter(([, raw]) => (raw ?? '').trim() !== '')
    .map(([program, raw]) => {
      const location = context.fieldLocation(`${program}Opts`);
      const fact = commandLineFact(program, raw!, {
        version: context.version,
        release: context.release,
        ts2phcConfigDomain: ts2phc?.global?.domainNumber,
        ptp4lDomain: context.runsPtp4l ? ((summary.domain as number | undefined) ?? 0) : null,
      });
      return {
        ...context.base,
        facts: { commandLine: fact, profile: summary },
        locate: (name: string, path: string) =>
          name === 'commandLine' ? location : context.locate(name, path),
      };
    });
}
