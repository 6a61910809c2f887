import { describe, expect, it } from 'vitest';
import { lintText } from '../../../core/lint/lint-run.js';

/**
 * The command-line rules end to end: a PtpConfig through `lintText` with the default pack selection,
 * as `ptp-mcp lint` reads it. The silent cases are the daemon-style options of the OpenShift references
 * (cnf-features-deploy ztp/source-crs at 647c4baa).
 */
const COMMAND_LINE_RULES = new Set([
  'linuxptp/command-line-unknown-flag',
  'linuxptp/command-line-refused',
  'linuxptp/phc2sys-auto-with-manual',
  'linuxptp/phc2sys-auto-on-grandmaster',
  'linuxptp/phc2sys-auto-realtime-source-on-grandmaster',
  'linuxptp/ts2phc-auto-domain',
  'linuxptp/command-line-config-file',
  'linuxptp/command-line-overrides-config',
  'linuxptp/command-line-not-in-port',
]);

interface Profile {
  ptp4lOpts?: string;
  phc2sysOpts?: string;
  ts2phcOpts?: string;
  ptp4lConf: string[];
  ts2phcConf?: string[];
}

/** A one-profile PtpConfig; the ptp4lOpts line is line 10, phc2sysOpts 11, ts2phcOpts 12. */
function ptpConfig(profile: Profile): string {
  const block = (lines: string[]) => lines.map((line) => `        ${line}`).join('\n');
  return [
    'apiVersion: ptp.openshift.io/v1',
    'kind: PtpConfig',
    'metadata:',
    '  name: cfg',
    '  namespace: openshift-ptp',
    'spec:',
    '  recommend: [{ profile: p, priority: 4, match: [{ nodeLabel: node-role.kubernetes.io/master }] }]',
    '  profile:',
    '    - name: p',
    `      ptp4lOpts: "${profile.ptp4lOpts ?? '-2'}"`,
    `      phc2sysOpts: "${profile.phc2sysOpts ?? ''}"`,
    `      ts2phcOpts: "${profile.ts2phcOpts ?? ''}"`,
    '      ptp4lConf: |',
    block(profile.ptp4lConf),
    ...(profile.ts2phcConf ? ['      ts2phcConf: |', block(profile.ts2phcConf)] : []),
    '',
  ].join('\n');
}

async function commandLineFindings(profile: Profile, linuxptpVersion = '4.4') {
  const result = await lintText(ptpConfig(profile), 'cfg.yaml', 'ptpconfig', { linuxptpVersion });
  expect(result.errors).toEqual([]);
  return result.findings
    .filter((f) => COMMAND_LINE_RULES.has(f.rule))
    .map((f) => ({ rule: f.rule, severity: f.severity, line: f.location?.line, message: f.message }));
}

const TSC_CONF = ['[global]', 'slaveOnly 1', 'domainNumber 24', 'network_transport L2', '[ens1f0]'];
const GM_CONF = ['[ens1f0]', 'masterOnly 1', '[global]', 'domainNumber 24', 'clockClass 6'];
const GM_TS2PHC = ['[nmea]', 'ts2phc.master 1', '[global]', 'domainNumber 24', '[ens1f0]', 'ts2phc.master 0'];

describe('command-line rules through lint', () => {
  it('stay silent on the references: -2 -s --summary_interval -4, -a -r -n 24, a manual T-GM phc2sys', async () => {
    expect(
      await commandLineFindings({
        ptp4lOpts: '-2 -s --summary_interval -4',
        phc2sysOpts: '-a -r -n 24 -N 8 -R 16 -u 0',
        ptp4lConf: [...TSC_CONF, 'summary_interval -4'],
      }),
    ).toEqual([]);
    expect(
      await commandLineFindings({
        ptp4lOpts: '-2 --summary_interval -4',
        phc2sysOpts: '-r -u 0 -m -w -N 8 -R 16 -s ens1f0 -n 24',
        ts2phcOpts: ' ',
        ptp4lConf: GM_CONF,
        ts2phcConf: GM_TS2PHC,
      }),
    ).toEqual([]);
  });

  it('an unknown ptp4l flag is critical at the ptp4lOpts line', async () => {
    const found = await commandLineFindings({ ptp4lOpts: '-2 -s -r', ptp4lConf: TSC_CONF });
    expect(found).toEqual([
      {
        rule: 'linuxptp/command-line-unknown-flag',
        severity: 'critical',
        line: 10,
        message:
          'ptp4l (linuxptp 4.4) does not know -r in ptp4lOpts: getopt_long() rejects it and ptp4l prints its usage and exits',
      },
    ]);
  });

  it('phc2sys: a missing value, and -a mixed with -w', async () => {
    const missing = await commandLineFindings({ phc2sysOpts: '-a -r -n 24 -R', ptp4lConf: TSC_CONF });
    expect(missing.map((f) => [f.rule, f.line])).toEqual([['linuxptp/command-line-refused', 11]]);
    expect(missing[0]!.message).toContain('-R needs a value: it would take the "-m" linuxptp-daemon appends');
    // Two spaces: the daemon's split gives -n an empty value (util.c get_ranged_int: malformed).
    const spaced = await commandLineFindings({ phc2sysOpts: '-a -r -n  24', ptp4lConf: TSC_CONF });
    expect(spaced.map((f) => [f.rule, f.line])).toEqual([['linuxptp/command-line-refused', 11]]);
    expect(spaced[0]!.message).toContain('so -n gets an empty value, not "24"');
    const mixed = await commandLineFindings({ phc2sysOpts: '-a -r -w -n 24', ptp4lConf: TSC_CONF });
    expect(mixed.map((f) => [f.rule, f.severity, f.line])).toEqual([
      ['linuxptp/phc2sys-auto-with-manual', 'critical', 11],
    ]);
  });

  it('phc2sys -a on a ts2phc T-GM: moderate with -r, critical with -r -r', async () => {
    const gm = { ts2phcOpts: ' ', ptp4lConf: GM_CONF, ts2phcConf: GM_TS2PHC };
    const auto = await commandLineFindings({ ...gm, phc2sysOpts: '-a -r -n 24' });
    expect(auto.map((f) => [f.rule, f.severity, f.line])).toEqual([
      ['linuxptp/phc2sys-auto-on-grandmaster', 'moderate', 11],
    ]);
    const source = await commandLineFindings({ ...gm, phc2sysOpts: '-a -r -r -n 24' });
    expect(source.map((f) => [f.rule, f.severity])).toEqual([
      ['linuxptp/phc2sys-auto-realtime-source-on-grandmaster', 'critical'],
    ]);
    // A time receiver's phc2sys -a has a SLAVE port to follow.
    expect(await commandLineFindings({ phc2sysOpts: '-a -r -n 24', ptp4lConf: TSC_CONF })).toEqual([]);
  });

  it('ts2phc -a without the domain of ptp4l; on 3.1.1 -a itself is unknown', async () => {
    const noDomain = {
      ts2phcOpts: '-s generic -a',
      ptp4lConf: TSC_CONF,
      ts2phcConf: ['[global]', 'use_syslog 0', '[ens1f0]', 'ts2phc.master 0'],
    };
    const found = await commandLineFindings(noDomain);
    expect(found.map((f) => [f.rule, f.severity, f.line])).toEqual([
      ['linuxptp/ts2phc-auto-domain', 'critical', 12],
    ]);
    expect(found[0]!.message).toContain('on domain 0');
    const old = await commandLineFindings(noDomain, '3.1.1');
    expect(old.map((f) => f.rule)).toEqual(['linuxptp/command-line-unknown-flag']);
    expect(await commandLineFindings({ ...noDomain, ts2phcOpts: '-s generic -a --domainNumber 24' })).toEqual(
      [],
    );
  });

  it('a -f in ptp4lOpts replaces the daemon config', async () => {
    const found = await commandLineFindings({ ptp4lOpts: '-2 -s -f /etc/ptp4l.conf', ptp4lConf: TSC_CONF });
    expect(found.map((f) => [f.rule, f.line])).toEqual([['linuxptp/command-line-config-file', 10]]);
  });

  it('a config line the command line overrides: minor at [global], moderate in a port', async () => {
    const found = await commandLineFindings({
      ptp4lOpts: '-2 -s',
      ptp4lConf: [
        '[global]',
        'slaveOnly 0',
        'domainNumber 24',
        'network_transport UDPv4',
        '[ens1f0]',
        'network_transport UDPv6',
      ],
    });
    expect(found.map((f) => [f.rule, f.severity, f.line])).toEqual([
      ['linuxptp/command-line-not-in-port', 'moderate', 19],
      ['linuxptp/command-line-overrides-config', 'minor', 15],
      ['linuxptp/command-line-overrides-config', 'minor', 17],
    ]);
    expect(found[1]!.message).toBe(
      'ptp4l runs with slaveOnly 1, set by "-s" in ptp4lOpts; this line\'s 0 is ignored (command-line values are locked before the file is read)',
    );
  });
});
