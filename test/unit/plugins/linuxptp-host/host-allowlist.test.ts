import { describe, expect, it } from 'vitest';
import { allowCommand, CommandRefused } from '../../../../core/sources/exec-allowlist.js';
import { journalArgv } from '../../../../plugins/linuxptp-host/host-logs.js';
import { PMC_REQUESTS, pmcArgv } from '../../../../plugins/linuxptp-host/host-queries.js';

describe('the exec allowlist for a plain host', () => {
  it('takes pmc at a UDS path (-s), in the clock domain, GET only', () => {
    const argv = pmcArgv({ udsAddress: '/tmp/lab/bc.sock', domainNumber: 24, interfaces: [] }, PMC_REQUESTS);
    expect(allowCommand(argv)).toEqual({ kind: 'pmc', socket: '/tmp/lab/bc.sock', requests: PMC_REQUESTS });
  });

  it('refuses a UDS path that is relative, climbs out with .., or comes with -f too', () => {
    for (const argv of [
      ['pmc', '-u', '-s', 'ptp4l', 'GET PORT_DATA_SET'],
      ['pmc', '-u', '-s', '/var/run/../etc/shadow', 'GET PORT_DATA_SET'],
      ['pmc', '-u', '-s', '/var/run/ptp4l', '-f', '/var/run/ptp4l.0.config', 'GET PORT_DATA_SET'],
      ['pmc', '-u', '-s', '/var/run/ptp4l', 'SET PRIORITY1 1'],
    ])
      expect(() => allowCommand(argv)).toThrow(CommandRefused);
  });

  it('takes journalctl of named units in one form only', () => {
    expect(allowCommand(journalArgv(['ptp4l', 'phc2sys@eth0']))).toEqual({
      kind: 'journal',
      units: ['ptp4l', 'phc2sys@eth0'],
    });
    for (const argv of [
      ['journalctl', '--no-pager', '-o', 'short-iso'],
      ['journalctl', '--no-pager', '-o', 'json', '-u', 'ptp4l'],
      ['journalctl', '--no-pager', '-o', 'short-iso', '-u', 'ptp4l', '--rotate'],
      ['journalctl', '--no-pager', '-o', 'short-iso', '-u', 'a;b'],
    ])
      expect(() => allowCommand(argv)).toThrow(CommandRefused);
  });
});
