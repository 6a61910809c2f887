import { describe, expect, it } from 'vitest';
import { ptp4lEndpoint } from '../../../../plugins/linuxptp-host/ptp4l-endpoint.js';
import { hostOptions } from '../../../../transports/cli/host-options.js';

describe('a ptp4l config as pmc reaches it', () => {
  it("takes uds_address, domainNumber and the ports; linuxptp's defaults otherwise (config.c)", () => {
    expect(
      ptp4lEndpoint('[global]\ndomainNumber 24\nuds_address /tmp/x.sock\n[eth0]\n[eth1]\n[eth0]\n'),
    ).toEqual({
      udsAddress: '/tmp/x.sock',
      domainNumber: 24,
      interfaces: ['eth0', 'eth1'],
    });
    expect(ptp4lEndpoint('[eth0]\n')).toEqual({
      udsAddress: '/var/run/ptp4l',
      domainNumber: 0,
      interfaces: ['eth0'],
    });
  });

  it('ignores a domain linuxptp would refuse', () => {
    expect(ptp4lEndpoint('[global]\ndomainNumber 300\n').domainNumber).toBe(0);
  });
});

describe('host options of the CLI', () => {
  it('takes the repeatable host options out wherever they stand', () => {
    const { rest, host } = hostOptions([
      'diagnose',
      '--ptp4l-config',
      'a.cfg',
      '--format',
      'json',
      '--ptp4l-config=b.cfg',
      '--log',
      'a.log',
      '--journal',
      '--node-name',
      'bc',
    ]);
    expect(rest).toEqual(['diagnose', '--format', 'json']);
    expect(host).toEqual({
      ptp4lConfigs: ['a.cfg', 'b.cfg'],
      logs: ['a.log'],
      journalUnits: ['ptp4l', 'phc2sys', 'ts2phc'],
      nodeName: 'bc',
    });
  });

  it('refuses an option without its value, and --journal-unit without --journal', () => {
    expect(() => hostOptions(['--log'])).toThrow('--log needs a value');
    expect(() => hostOptions(['--journal-unit', 'ptp4l@eth0'])).toThrow('--journal-unit goes with --journal');
  });
});
