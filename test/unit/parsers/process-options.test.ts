import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isScalar, parseAllDocuments, visit } from 'yaml';
import type { LinuxptpProgram } from '../../../core/model/linuxptp-config.js';
import { parseProcessOptions, shortFlagConfig } from '../../../core/parsers/process-options.js';
import { corpusAvailable, corpusPath, describeCorpus, readCorpus } from '../../corpus.js';

const YAML_FOLDERS = [
  'cnf-features-deploy',
  'openshift-docs/ptpconfig',
  'linuxptp-daemon',
  'seed-repos/ptp-mcp-server',
];
const PROGRAM_OF_KEY = new Map<string, LinuxptpProgram>([
  ['ptp4lOpts', 'ptp4l'],
  ['phc2sysOpts', 'phc2sys'],
  ['ts2phcOpts', 'ts2phc'],
  ['synce4lOpts', 'synce4l'],
  ['chronydOpts', 'chronyd'],
]);

/** Every `xxxOpts` string of the corpus PtpConfigs, PtpProfiles and PtpConfigLists. */
function corpusOptionStrings(): { where: string; program: LinuxptpProgram; text: string }[] {
  if (!corpusAvailable) return [];
  const files = YAML_FOLDERS.flatMap((folder) =>
    readdirSync(corpusPath(folder))
      .filter((name) =>
        /^(PtpConfig|ptp_PtpConfig|ptpprofile|hardwareconfig|ptpconfiglist).*\.yaml$/.test(name),
      )
      .map((name) => `${folder}/${name}`),
  );
  return files.flatMap((file) =>
    parseAllDocuments(readCorpus(file)).flatMap((document) => {
      const found: { where: string; program: LinuxptpProgram; text: string }[] = [];
      visit(document, {
        Pair(_, pair) {
          const key = isScalar(pair.key) ? String(pair.key.value) : '';
          const program = PROGRAM_OF_KEY.get(key);
          if (program && isScalar(pair.value)) {
            found.push({ where: `${file} ${key}`, program, text: String(pair.value.value) });
          }
        },
      });
      return found;
    }),
  );
}

/** The options linuxptp-daemon logs for each process it starts (`Ptp4lOpts: -2 ...`). */
function loggedOptionStrings(): { where: string; program: LinuxptpProgram; text: string }[] {
  if (!corpusAvailable) return [];
  const file = 'linuxptp-daemon/tbc-e810-startup-ethtool-holdover-freerun_daemon-log_excerpt.log';
  const programs: Record<string, LinuxptpProgram> = { Ptp4l: 'ptp4l', Phc2sys: 'phc2sys', Ts2Phc: 'ts2phc' };
  return [...readCorpus(file).matchAll(/\] (Ptp4l|Phc2sys|Ts2Phc)Opts: (.*)$/gm)].map((match) => ({
    where: `${file} ${match[1]}Opts`,
    program: programs[match[1]!]!,
    text: match[2]!,
  }));
}

describeCorpus('option strings of real PtpConfigs and daemon logs', () => {
  const strings = [...corpusOptionStrings(), ...loggedOptionStrings()];

  it('finds the option strings of every program the corpus uses', () => {
    expect(new Set(strings.map((found) => found.program))).toEqual(
      new Set(['ptp4l', 'phc2sys', 'ts2phc', 'synce4l']),
    );
    expect(strings.length).toBeGreaterThanOrEqual(60);
  });

  it.each(strings.map((found) => [found.where, found] as const))(
    '%s parses without diagnostics',
    (_, found) => {
      const parsed = parseProcessOptions(found.program, found.text);
      expect(parsed.diagnostics).toEqual([]);
      // Every token is used: as an option, as an option's value, or (nowhere here) as an ignored argument.
      expect(parsed.tokens.length).toBe(found.text.split(' ').filter((word) => word !== '').length);
    },
  );

  const optionsIn = (file: string, key: string) =>
    strings.find((found) => found.where === `${file} ${key}`)?.text;

  it('OC ptp4l "-2 -s": L2 transport, client only', () => {
    const text = optionsIn('cnf-features-deploy/PtpConfigSlave.yaml', 'ptp4lOpts');
    expect(text).toBe('-2 -s');
    const parsed = parseProcessOptions('ptp4l', text!);
    expect(parsed.settings).toMatchObject({ transport: 'L2', clientOnly: true, interfaces: [] });
    expect(parsed.configOverrides).toEqual({ network_transport: 'L2', clientOnly: '1' });
  });

  it('GM phc2sys of the E825 profile: source eno5, domain 24, system clock synchronized once', () => {
    const text = optionsIn('linuxptp-daemon/ptpprofile_tgm_e825.yaml', 'phc2sysOpts');
    expect(text).toBe('-r -u 0 -m -w -N 8 -R 16 -s eno5 -n 24');
    const { settings } = parseProcessOptions('phc2sys', text!);
    expect(settings).toMatchObject({
      automatic: false,
      realtimeCount: 1,
      summaryUpdates: 0,
      verbose: true,
      wait: true,
      phcReadings: 8,
      rate: 16,
      source: 'eno5',
      domains: [24],
    });
  });

  it('GM phc2sys "-a -r -r -n 24": automatic, the system clock may also be a source', () => {
    const text = optionsIn('cnf-features-deploy/PtpConfigMaster.yaml', 'phc2sysOpts');
    expect(text).toBe('-a -r -r -n 24');
    const { settings } = parseProcessOptions('phc2sys', text!);
    expect(settings).toMatchObject({ automatic: true, realtimeCount: 2, domains: [24] });
  });

  it('T-BC ptp4l "-2 --summary_interval -4 -m": the long option takes the negative value', () => {
    const parsed = parseProcessOptions('ptp4l', '-2 --summary_interval -4 -m');
    expect(parsed.longOptions).toEqual({ summary_interval: '-4' });
    expect(parsed.configOverrides).toEqual({ network_transport: 'L2', summary_interval: '-4', verbose: '1' });
    expect(parsed.options.map((option) => [option.name, option.value])).toEqual([
      ['2', undefined],
      ['summary_interval', '-4'],
      ['m', undefined],
    ]);
  });

  it('ts2phc "-s generic -a --ts2phc.external_pps 1"', () => {
    const parsed = parseProcessOptions('ts2phc', '-s generic -a --ts2phc.external_pps 1');
    expect(parsed.settings).toMatchObject({ source: 'generic', automatic: true, sinks: [] });
    expect(parsed.longOptions).toEqual({ 'ts2phc.external_pps': '1' });
  });

  it('keeps every token with its column, double spaces included', () => {
    const parsed = parseProcessOptions('ptp4l', '-2  --summary_interval -4');
    expect(parsed.tokens.map((token) => [token.text, token.index, token.column])).toEqual([
      ['-2', 0, 1],
      ['--summary_interval', 1, 5],
      ['-4', 2, 24],
    ]);
    expect(parseProcessOptions('ts2phc', ' ')).toMatchObject({ tokens: [], options: [], diagnostics: [] });
  });
});

describe('parseProcessOptions: every short option of every program', () => {
  it('ptp4l', () => {
    const parsed = parseProcessOptions(
      'ptp4l',
      '-A -E -P -4 -6 -H -S -L -f /etc/ptp4l.conf -i eth0 -i eth1 -p /dev/ptp0 -s -l 7 -m -q',
    );
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.settings).toEqual({
      delayMechanism: 'P2P',
      transport: 'UDPv6',
      timestamping: 'legacy',
      configFile: '/etc/ptp4l.conf',
      interfaces: ['eth0', 'eth1'],
      phcDevice: '/dev/ptp0',
      clientOnly: true,
      loggingLevel: 7,
      verbose: true,
      quiet: true,
    });
    expect(parsed.configOverrides).toMatchObject({
      delay_mechanism: 'P2P',
      time_stamping: 'legacy',
      use_syslog: '0',
    });
  });

  it('phc2sys', () => {
    const text =
      '-a -r -C CLOCK_REALTIME -c eth1 -c /dev/ptp2 -d /dev/pps0 -f p.cfg -s eth0 -E LinReg -P 0.7 -I 0.3 -S 0.1 ' +
      '-F 0.00002 -R 16 -N 8 -O -37 -L 100 -M 2 -u 0x10 -w -n 24 -n 25 -x -z /var/run/a -z /var/run/b -l 6 -t [x] -m -q';
    const parsed = parseProcessOptions('phc2sys', text);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.settings).toEqual({
      automatic: true,
      realtimeCount: 1,
      systemClock: 'CLOCK_REALTIME',
      sinks: ['eth1', '/dev/ptp2'],
      ppsDevice: '/dev/pps0',
      configFile: 'p.cfg',
      source: 'eth0',
      servo: 'linreg',
      proportionalConst: 0.7,
      integralConst: 0.3,
      stepThreshold: 0.1,
      firstStepThreshold: 0.00002,
      rate: 16,
      phcReadings: 8,
      offset: -37,
      sanityFreqLimit: 100,
      ntpshmSegment: 2,
      summaryUpdates: 16,
      wait: true,
      domains: [24, 25],
      noKernelLeap: true,
      udsAddresses: ['/var/run/a', '/var/run/b'],
      loggingLevel: 6,
      messageTag: '[x]',
      verbose: true,
      quiet: true,
    });
    expect(parsed.configOverrides).toMatchObject({
      clock_servo: 'linreg',
      step_threshold: '0.1',
      kernel_leap: '0',
    });
  });

  it('ts2phc', () => {
    const parsed = parseProcessOptions('ts2phc', '-a -c eth1 -c eth2 -f t.cfg -s nmea -l 5 -m -q');
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.settings).toEqual({
      automatic: true,
      sinks: ['eth1', 'eth2'],
      configFile: 't.cfg',
      source: 'nmea',
      loggingLevel: 5,
      verbose: true,
      quiet: true,
    });
  });

  it('ts2phc -i: in the getopt string "ac:f:hi:l:mqs:v", with no case in main(), so it exits', () => {
    const parsed = parseProcessOptions('ts2phc', '-s generic -i eth0 -m');
    // Its argument is taken (getopt reads "i:"), so -m is still an option.
    expect(parsed.settings.verbose).toBe(true);
    expect(parsed.diagnostics).toEqual([
      {
        code: 'exits-immediately',
        severity: 'error',
        column: 13,
        token: 2,
        message: '-i: the program would print its usage and exit (ts2phc.c main() handles no -i)',
      },
    ]);
  });

  it('shortFlagConfig: the configuration option a flag locks, with its value', () => {
    expect(shortFlagConfig('ptp4l', '2', undefined)).toEqual(['network_transport', 'L2']);
    expect(shortFlagConfig('ptp4l', 's', undefined)).toEqual(['clientOnly', '1']);
    expect(shortFlagConfig('ptp4l', 'l', '7')).toEqual(['logging_level', '7']);
    expect(shortFlagConfig('phc2sys', 'x', undefined)).toEqual(['kernel_leap', '0']);
    // -n of phc2sys is the domain of its pmc, not a configuration option; -i of ptp4l adds a port.
    expect(shortFlagConfig('phc2sys', 'n', '24')).toBeUndefined();
    expect(shortFlagConfig('ptp4l', 'i', 'eth0')).toBeUndefined();
    expect(shortFlagConfig('ptp4l', 'l', undefined)).toBeUndefined();
  });

  it('synce4l, whose -q swallows the next argument (getopt string "f:l:mp:q:vh")', () => {
    const parsed = parseProcessOptions('synce4l', '-f s.cfg -l 7 -p 20 -q -m');
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.settings).toEqual({
      configFile: 's.cfg',
      loggingLevel: 7,
      pollIntervalMs: 20,
      quiet: true,
      verbose: false,
    });
    expect(parseProcessOptions('synce4l', '--logging_level 7').diagnostics).toEqual([
      expect.objectContaining({ code: 'unknown-option', column: 1 }),
    ]);
  });

  it('chronyd, whose plain arguments are configuration directives', () => {
    const parsed = parseProcessOptions(
      'chronyd',
      '-4 -d -d -f /etc/chrony.conf -l /var/log/c -L 0 -u chrony -x "refclock PHC /dev/ptp0"',
    );
    expect(parsed.settings).toEqual({
      ipFamily: 'IPv4',
      debugCount: 2,
      configFile: '/etc/chrony.conf',
      logFile: '/var/log/c',
      logSeverity: 0,
      user: 'chrony',
      noClockControl: true,
      directives: ['refclock PHC /dev/ptp0'],
    });
    expect(parsed.diagnostics.map((d) => d.code)).toEqual(['not-split-by-daemon']);
  });
});

describe('parseProcessOptions: getopt details', () => {
  it('reads clusters and attached values: -rr, -n24, -mn 24', () => {
    expect(parseProcessOptions('phc2sys', '-rr').settings.realtimeCount).toBe(2);
    expect(parseProcessOptions('phc2sys', '-n24').settings.domains).toEqual([24]);
    const cluster = parseProcessOptions('phc2sys', '-mn 24');
    expect(cluster.settings).toMatchObject({ verbose: true, domains: [24] });
    expect(cluster.options.map((option) => option.column)).toEqual([2, 3]);
  });

  it('reads --key=value, renames deprecated long options, and stops at --', () => {
    const parsed = parseProcessOptions('ptp4l', '--slaveOnly=1 --domainNumber 24 -- -s');
    expect(parsed.longOptions).toEqual({ slaveOnly: '1', domainNumber: '24' });
    expect(parsed.configOverrides).toEqual({ clientOnly: '1', domainNumber: '24' });
    expect(parsed.settings.clientOnly).toBe(false);
    expect(parsed.diagnostics).toEqual([
      expect.objectContaining({ code: 'ignored-argument', token: 4, column: 36 }),
    ]);
  });

  it('reads integers as strtol(..., 0) does: hexadecimal and octal', () => {
    expect(parseProcessOptions('phc2sys', '-u 0x10').settings.summaryUpdates).toBe(16);
    expect(parseProcessOptions('phc2sys', '-u 010').settings.summaryUpdates).toBe(8);
  });
});

describe('parseProcessOptions on bad input', () => {
  const codes = (program: LinuxptpProgram, text: string) =>
    parseProcessOptions(program, text).diagnostics.map((d) => [d.code, d.severity, d.column]);

  it('reports an unknown short flag where it is written', () => {
    expect(codes('ptp4l', '-2 -Z')).toEqual([['unknown-option', 'error', 5]]);
    expect(codes('ptp4l', '-2Z')).toEqual([['unknown-option', 'error', 3]]);
  });

  it('reports a missing value, short or long', () => {
    expect(codes('phc2sys', '-a -n')).toEqual([['missing-value', 'error', 5]]);
    expect(codes('ptp4l', '-2 --summary_interval')).toEqual([['missing-value', 'error', 4]]);
    expect(parseProcessOptions('ptp4l', '-2 --summary_interval').longOptions).toEqual({});
  });

  it('reports values outside what the program accepts', () => {
    expect(codes('phc2sys', '-n 300')).toEqual([['bad-value', 'error', 2]]);
    expect(codes('phc2sys', '-n twenty')).toEqual([['bad-value', 'error', 2]]);
    expect(codes('phc2sys', '-E kalman')).toEqual([['bad-value', 'error', 2]]);
    expect(codes('phc2sys', '-R 0')).toEqual([['bad-value', 'error', 2]]);
    expect(parseProcessOptions('phc2sys', '-n 300').settings.domains).toEqual([]);
  });

  it('reports an unterminated quote and keeps the rest as one argument', () => {
    const parsed = parseProcessOptions('phc2sys', '-t "[phc2sys -m');
    expect(parsed.diagnostics.map((d) => d.code)).toEqual(['unterminated-quote', 'not-split-by-daemon']);
    expect(parsed.settings).toMatchObject({ messageTag: '[phc2sys -m', verbose: false });
  });

  it('warns that linuxptp-daemon neither honours quotes nor splits on tabs or newlines', () => {
    const parsed = parseProcessOptions('ptp4l', "-2\t-s\n--message_tag 'a b'");
    expect(parsed.settings).toMatchObject({ transport: 'L2', clientOnly: true });
    expect(parsed.longOptions).toEqual({ message_tag: 'a b' });
    expect(parsed.diagnostics.map((d) => [d.code, d.column])).toEqual([
      ['not-split-by-daemon', 3],
      ['not-split-by-daemon', 6],
      ['not-split-by-daemon', 21],
    ]);
  });

  it('reports options that make the program exit, deprecated ones, and ignored arguments', () => {
    expect(codes('ptp4l', '-h')).toEqual([['exits-immediately', 'error', 2]]);
    const deprecated = parseProcessOptions('phc2sys', '-i eth0 stray');
    expect(deprecated.settings.source).toBe('eth0');
    expect(deprecated.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['deprecated-option', 'warning'],
      ['ignored-argument', 'warning'],
    ]);
  });

  it('turns a megabyte of garbage into capped diagnostics, never an exception', () => {
    let seed = 7;
    const garbage = Array.from({ length: 1_000_000 }, () => {
      seed = (seed * 1_103_515_245 + 12_345) >>> 0; // a fixed pseudo-random sequence
      return String.fromCharCode(32 + ((seed >>> 16) % 95));
    }).join('');
    const parsed = parseProcessOptions('ptp4l', `-${garbage}`);
    expect(parsed.diagnostics).toHaveLength(1001);
    expect(parsed.diagnostics.at(-1)?.code).toBe('too-many-diagnostics');
    expect(parsed.tokens.length).toBeGreaterThan(1000);
  });
});
