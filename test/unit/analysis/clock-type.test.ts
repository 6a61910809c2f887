import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { nodeRole, profileClock } from '../../../core/analysis/clock-type.js';
import { PtpConfig, PtpProfile } from '../../../core/model/ptp-config.js';
import { describeCorpus, readCorpus } from '../../corpus.js';

function profilesOf(file: string): PtpProfile[] {
  return parseAllDocuments(readCorpus(file)).flatMap((doc) => PtpConfig.parse(doc.toJS()).spec.profile);
}

describeCorpus('clock type of the reference profiles', () => {
  it('the OC slave reference is an OC with a slave', () => {
    const [clock] = profilesOf('cnf-features-deploy/PtpConfigSlave.yaml').map(profileClock);
    expect(clock).toMatchObject({ type: 'OC', hasSlave: true });
    expect(nodeRole([clock!])).toBe('T-TSC');
  });

  it('the dual-port follower reference (slaveOnly 1, two ports) is an OC', () => {
    const clocks = profilesOf('cnf-features-deploy/PtpConfigDualFollower.yaml').map(profileClock);
    expect(clocks[0]).toMatchObject({
      type: 'OC',
      hasSlave: true,
      slaveOnly: true,
      slaveOnlyBoundary: false,
    });
    expect(clocks[0]!.ports).toHaveLength(2);
    expect(nodeRole(clocks)).toBe('T-TSC');
  });

  it('the boundary reference started with -s is a BC whose transmit ports are forced to be receivers', () => {
    const [profile] = profilesOf('cnf-features-deploy/PtpConfigBoundary.yaml');
    const clock = profileClock({ ...profile!, ptp4lOpts: '-2 -s' });
    expect(clock).toMatchObject({ type: 'BC', slaveOnly: true, slaveOnlyBoundary: true });
    expect(clock.transmitPorts).toHaveLength(3);
    expect(nodeRole([clock])).toBe('T-BC');
  });

  it('the boundary reference is a BC', () => {
    const clocks = profilesOf('cnf-features-deploy/PtpConfigBoundary.yaml').map(profileClock);
    expect(clocks[0]).toMatchObject({ type: 'BC', hasSlave: true });
    expect(clocks[0]!.ports.length).toBeGreaterThan(1);
    expect(nodeRole(clocks)).toBe('T-BC');
  });

  it('the grandmaster reference (WPC) is a GM using ts2phc', () => {
    const clocks = profilesOf('cnf-features-deploy/PtpConfigGmWpc.yaml').map(profileClock);
    expect(clocks[0]).toMatchObject({ type: 'GM', hasSlave: false, usesTs2phc: true });
    expect(nodeRole(clocks)).toBe('T-GM');
  });

  it('the E810 T-BC profile of linuxptp-daemon (one TR port, masterOnly 0) is a BC', () => {
    // A daemon unit-test profile, not an API object: its ptpSettings values are unquoted numbers, which
    // the API server (map[string]string) would refuse; only the clock fields matter here.
    const { ptpSettings: _numbers, ...profile } = parse(
      readCorpus('linuxptp-daemon/ptpprofile_tbc_e810.yaml'),
    );
    const clock = profileClock(PtpProfile.parse(profile));
    expect(clock).toMatchObject({ type: 'BC', hasSlave: true });
  });
});

describe('node role from several profiles', () => {
  const tr = profileClock({
    name: 'tr',
    ptp4lOpts: '-2',
    ptp4lConf: '[ens1f1]\nmasterOnly 0\n[global]\ndomainNumber 24\n',
  });
  const tt = profileClock({
    name: 'tt',
    ptp4lOpts: '-2',
    ptp4lConf: '[ens1f0]\nmasterOnly 1\n[ens2f0]\nmasterOnly 1\n[global]\n',
  });

  it('a split T-BC: a time-receiver profile and a time-transmitter profile', () => {
    expect(tr.type).toBe('OC');
    expect(tt.type).toBe('GM');
    expect(nodeRole([tr, tt])).toBe('T-BC');
  });

  it('slaveOnly with a serverOnly 1 port is a misconfigured BC, not an OC', () => {
    const clock = profileClock({
      name: 'bc-s',
      ptp4lConf: '[global]\nslaveOnly 1\n[ens1f0]\nmasterOnly 0\n[ens1f1]\nmasterOnly 1\n',
    });
    expect(clock).toMatchObject({
      type: 'BC',
      slaveOnly: true,
      slaveOnlyBoundary: true,
      transmitPorts: ['ens1f1'],
    });
  });

  it('-s on two ports that are all time receivers is an active/standby OC (T-TSC), not a misconfigured BC', () => {
    const clock = profileClock({ name: 'oc2', ptp4lOpts: '-2 -s', ptp4lConf: '[ens1f0]\n[ens1f1]\n' });
    expect(clock).toMatchObject({ type: 'OC', slaveOnly: true, slaveOnlyBoundary: false, transmitPorts: [] });
    expect(nodeRole([clock])).toBe('T-TSC');
  });

  it('a slave-only profile declared T-BC with two ports is a misconfigured BC', () => {
    const clock = profileClock({
      name: 'x',
      ptp4lOpts: '-s',
      ptp4lConf: '[ens1f0]\n[ens1f1]\n',
      ptpSettings: { clockType: 'T-BC' },
    });
    expect(clock).toMatchObject({ type: 'BC', slaveOnlyBoundary: true });
  });

  it('a single-port slave-only clock is an OC', () => {
    const clock = profileClock({ name: 'x', ptp4lOpts: '-2 -s', ptp4lConf: '[ens1f0]\nmasterOnly 1\n' });
    expect(clock).toMatchObject({ type: 'OC', slaveOnly: true, slaveOnlyBoundary: false });
  });

  it('ptpSettings.clockType overrides the inference', () => {
    expect(
      profileClock({ name: 'x', ptp4lConf: '[ens1f0]\nmasterOnly 1\n', ptpSettings: { clockType: 'T-BC' } })
        .type,
    ).toBe('BC');
  });

  it('a node without profiles has no role', () => {
    expect(nodeRole([])).toBe('unknown');
  });
});
