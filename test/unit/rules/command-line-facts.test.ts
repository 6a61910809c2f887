import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseProcessOptions } from '../../../core/parsers/process-options.js';
import {
  COMMAND_LINE_RELEASES,
  type CommandLineProgram,
  commandLineOf,
  DAEMON_APPENDS,
  UNRELEASED_FLAGS,
} from '../../../core/rules/data/linuxptp-command-lines.js';
import {
  type CommandLineContext,
  commandLineFact,
  commandLineOverrides,
  overrideFacts,
} from '../../../core/rules/facts/command-line-facts.js';

const PROGRAMS: CommandLineProgram[] = ['ptp4l', 'phc2sys', 'ts2phc'];
const ON_44: CommandLineContext = { version: '4.4', release: '4.4', ptp4lDomain: 24 };
const fact = (program: CommandLineProgram, raw: string, context: Partial<CommandLineContext> = {}) =>
  commandLineFact(program, raw, { ...ON_44, ...context });

describe('the getopt tables of linuxptp-command-lines.ts', () => {
  it('read the option strings of v4.4: flags, and which take an argument', () => {
    expect(commandLineOf('4.4', 'ptp4l').getopt).toBe('AEP246HSLf:i:p:sl:mqvh');
    expect(commandLineOf('4.4', 'ts2phc').flags.i).toEqual({
      argument: true,
      meaning: 'no meaning: main() has no case for it',
      refused: true,
    });
    expect(commandLineOf('3.1.1', 'ts2phc').flags.a).toBeUndefined();
    expect(commandLineOf('4.0', 'ts2phc').flags.a?.argument).toBe(false);
    expect(commandLineOf('4.4', 'phc2sys').flags.n?.argument).toBe(true);
    expect(commandLineOf('4.4', 'phc2sys').flags.w?.argument).toBe(false);
    // A release newer than the last table reads the last one.
    expect(commandLineOf('9.9', 'ts2phc')).toBe(commandLineOf('4.4', 'ts2phc'));
  });

  // The parser reads options for every release at once: it must know exactly the flags of the newest
  // release, and those of linuxptp master listed in UNRELEASED_FLAGS.
  it.each(PROGRAMS)('agree with the parser for %s: every flag known, the others unknown', (program) => {
    const flags = commandLineOf('4.4', program).flags;
    for (const letter of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789') {
      const parsed = parseProcessOptions(program, `-${letter}`);
      const codes = parsed.diagnostics.map((d) => d.code);
      const flag = flags[letter];
      if (UNRELEASED_FLAGS[program][letter]) {
        // Known to the parser (linuxptp master), unknown to every release: the fact says so.
        expect(codes, `${program} -${letter}`).not.toContain('unknown-option');
        expect(fact(program, `-${letter} x`).unknownFlags[0], `${program} -${letter}`).toMatch(
          new RegExp(`^-${letter} \\(linuxptp 4.4 has no -${letter}; it is in linuxptp master`),
        );
      } else if (flag === undefined) {
        expect(codes, `${program} -${letter}`).toContain('unknown-option');
      } else {
        expect(codes, `${program} -${letter}`).not.toContain('unknown-option');
        // A flag taking an argument, alone, misses its value.
        expect(codes.includes('missing-value'), `${program} -${letter}`).toBe(flag.argument);
      }
    }
  });

  const MIRROR = '/work/.mirror/richardcochran+linuxptp/repo';
  it.skipIf(!existsSync(MIRROR))('match the getopt_long() strings of the linuxptp sources', () => {
    for (const release of COMMAND_LINE_RELEASES) {
      for (const program of PROGRAMS) {
        const source = execFileSync('git', ['-C', MIRROR, 'show', `v${release}:${program}.c`], {
          encoding: 'utf8',
        });
        const call = /getopt_long\(argc, argv,\s*"([^"]+)"/.exec(source);
        expect(call?.[1], `v${release} ${program}.c`).toBe(commandLineOf(release, program).getopt);
      }
    }
  });
});

describe('commandLineFact', () => {
  it('finds nothing in the daemon-style command lines', () => {
    for (const [program, raw] of [
      ['ptp4l', '-2 -s --summary_interval -4'],
      ['ptp4l', '-2  --summary_interval -4'],
      ['phc2sys', '-a -r -n 24 -N 8 -R 16 -u 0'],
      ['phc2sys', '-r -u 0 -m -w -N 8 -R 16 -s ens7f0 -n 24'],
      // No -w or -O: upstream v4.4 refuses it, the OpenShift build runs it (see programRefusals()).
      ['phc2sys', '-r -n 24 -N 8 -R 16 -u 0 -m -s ens4f1'],
      ['ts2phc', '-s generic -a --ts2phc.rh_external_pps 1'],
    ] as const) {
      const found = fact(program, raw);
      expect([...found.unknownFlags, ...found.refusals], `${program} ${raw}`).toEqual([]);
      expect(found.manualFlags.length > 0 && found.automatic, `${program} ${raw}`).toBe(false);
    }
  });

  it('names unknown flags with the flag they probably mean', () => {
    expect(fact('ptp4l', '-2 -s -n 24').unknownFlags).toEqual(['-n (did you mean --domainNumber?)']);
    expect(fact('phc2sys', '-a -r -o 5').unknownFlags).toEqual(['-o (did you mean -O?)']);
    expect(fact('phc2sys', '-2 -a -r').unknownFlags).toEqual(['-2 (it belongs in ptp4lOpts)']);
    expect(fact('ptp4l', '-2 -k').unknownFlags).toEqual(['-k']);
    // -a is a flag of ts2phc from 4.0 on: on 3.1.1 it is unknown, and not automatic configuration.
    const old = fact('ts2phc', '-s generic -a', { version: '3.1.1', release: '3.1.1' });
    expect(old.unknownFlags).toEqual(['-a (linuxptp 3.1.1 has no -a)']);
    expect(old.automatic).toBe(false);
    expect(fact('ts2phc', '-s generic -a').automatic).toBe(true);
  });

  it('says what a last flag without its value takes from what the daemon appends', () => {
    expect(fact('phc2sys', '-a -r -n').refusals).toEqual([
      '-n needs a value: it would take the "-m" linuxptp-daemon appends',
    ]);
    // With -m given, the daemon appends nothing: getopt itself refuses.
    expect(fact('ptp4l', '-2 -m -l').refusals).toEqual(['-l needs a value ("option requires an argument")']);
    expect(fact('ts2phc', '-a -s').refusals).toEqual([
      '-s needs a value: it would take the "--ts2phc.holdover" linuxptp-daemon appends',
    ]);
    expect(DAEMON_APPENDS.ts2phc('-a --ts2phc.holdover 10 --servo_offset_threshold 5')).toBe(
      '--servo_num_offset_values',
    );
  });

  it('reports the combinations phc2sys.c and ts2phc.c main() refuse, with their messages', () => {
    expect(fact('phc2sys', '-r -w -n 24').refusals).toEqual([
      'no -a, -s or -d: "autoconfiguration or valid source clock must be selected."',
    ]);
    const zz = '-s eth0 -w -z /var/run/a -z /var/run/b';
    expect(fact('phc2sys', zz).refusals).toEqual([
      'several -z without -a: "autoconfiguration needed with multiple domains."',
    ]);
    // Before 4.1, -z was one address: the last one counts.
    expect(fact('phc2sys', zz, { version: '4.0', release: '4.0' }).refusals).toEqual([]);
    expect(fact('phc2sys', '-d /dev/pps0 -c eth0 -w').refusals).toEqual([
      '-d with a -c other than CLOCK_REALTIME: "cannot use a pps device unless destination is CLOCK_REALTIME"',
    ]);
    expect(fact('phc2sys', '-d /dev/pps0 -c CLOCK_REALTIME -w').refusals).toEqual([]);
    expect(fact('ts2phc', '-s generic -s nmea').refusals).toEqual(['-s given twice: "too many PPS sources"']);
    expect(fact('ts2phc', '-s generic -i eth0').refusals).toEqual([
      '-i: the program would print its usage and exit (ts2phc.c main() handles no -i)',
    ]);
    expect(fact('phc2sys', '-a -r -h').refusals).toEqual([
      '-h: the program would print the help text and exit',
    ]);
  });

  it('reads two spaces after a flag as the daemon does: an empty value', () => {
    expect(fact('phc2sys', '-a -r -n  24').refusals).toEqual([
      '-n is followed by 2 spaces: linuxptp-daemon splits on single spaces, so -n gets an empty value, not "24"',
    ]);
    expect(fact('ptp4l', '-2 --summary_interval  -4').refusals).toEqual([
      '--summary_interval is followed by 2 spaces: linuxptp-daemon splits on single spaces, so --summary_interval gets an empty value, not "-4"',
    ]);
    // Between options, or before a message tag, an empty argument does no harm.
    expect(fact('ptp4l', '-2  --summary_interval -4').refusals).toEqual([]);
    expect(fact('phc2sys', '-a -r -t  tag').refusals).toEqual([]);
    expect(fact('phc2sys', '-a -r -n24  -m').refusals).toEqual([]);
  });

  it('lists the manual flags given with phc2sys -a, and counts -r', () => {
    const mixed = fact('phc2sys', '-a -r -r -s ens1f0 -c eth1 -w -O 0 -n 24');
    expect(mixed.automatic).toBe(true);
    expect(mixed.realtimeCount).toBe(2);
    expect(mixed.manualFlags).toEqual(['-s', '-c', '-w', '-O']);
    expect(fact('phc2sys', '-a -rr').realtimeCount).toBe(2);
  });

  it('reads the domain of ts2phc -a: its --domainNumber over ts2phcConf over 0', () => {
    expect(fact('ts2phc', '-a').domain).toBe(0);
    expect(fact('ts2phc', '-a', { ts2phcConfigDomain: 24 }).domain).toBe(24);
    expect(fact('ts2phc', '-a --domainNumber=44', { ts2phcConfigDomain: 24 }).domain).toBe(44);
    expect(fact('phc2sys', '-a -r -n 24').domain).toBeNull();
  });

  it("keeps the last -f: the file that replaces the daemon's", () => {
    expect(fact('ptp4l', '-2 -f /etc/a.conf -f /etc/ptp4l.conf').configFile).toBe('/etc/ptp4l.conf');
    expect(fact('ptp4l', '-2').configFile).toBeNull();
  });
});

describe('commandLineOverrides', () => {
  it('maps short and long options to the configuration options they lock, under current names', () => {
    const overrides = commandLineOverrides({
      ptp4l: '-2 -s -l 7 --slaveOnly=1 --tx_timestamp_timeout 50',
      phc2sys: '-a -r -x -E linreg -n 24',
      ts2phc: '-s generic -a --ts2phc.holdover 10',
    });
    expect(Object.fromEntries(overrides.ptp4l)).toEqual({
      network_transport: { flag: '-2', value: 'L2' },
      clientOnly: { flag: '--slaveOnly 1', value: '1' },
      logging_level: { flag: '-l 7', value: '7' },
      tx_timestamp_timeout: { flag: '--tx_timestamp_timeout 50', value: '50' },
    });
    expect(Object.fromEntries(overrides.phc2sys)).toEqual({
      kernel_leap: { flag: '-x', value: '0' },
      clock_servo: { flag: '-E linreg', value: 'linreg' },
    });
    expect(Object.fromEntries(overrides.ts2phc)).toEqual({
      'ts2phc.holdover': { flag: '--ts2phc.holdover 10', value: '10' },
    });
  });

  it('compares values as linuxptp reads them: enum labels without case, numbers by value', () => {
    const l2 = { flag: '-2', value: 'L2' };
    expect(overrideFacts(l2, 'l2').agrees).toBe(true);
    expect(overrideFacts(l2, 'UDPv4')).toEqual({ overriddenBy: '-2', commandLineValue: 'L2', agrees: false });
    expect(overrideFacts({ flag: '-s', value: '1' }, '1.0').agrees).toBe(true);
    expect(overrideFacts(undefined, '1')).toEqual({
      overriddenBy: null,
      commandLineValue: null,
      agrees: null,
    });
  });
});
