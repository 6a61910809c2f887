import { describe, expect, it } from 'vitest';
import { allowCommand, CommandRefused, EXEC_ALLOWLIST } from '../../../core/sources/exec-allowlist.js';

describe('the exec allowlist', () => {
  it('parses the commands ptp-mcp runs', () => {
    expect(
      allowCommand([
        'pmc',
        '-u',
        '-b',
        '0',
        '-f',
        '/var/run/ptp4l.0.config',
        'GET PARENT_DATA_SET',
        'get current_data_set',
      ]),
    ).toEqual({
      kind: 'pmc',
      configFile: 'ptp4l.0.config',
      requests: ['GET PARENT_DATA_SET', 'GET CURRENT_DATA_SET'],
    });
    expect(allowCommand(['ethtool', '-T', 'ens1f0'])).toEqual({
      kind: 'ethtool',
      flag: '-T',
      iface: 'ens1f0',
    });
    expect(allowCommand(['cat', '/var/run/ts2phc.1.config'])).toEqual({
      kind: 'cat',
      path: '/var/run/ts2phc.1.config',
    });
    expect(allowCommand(['cat', '/sys/class/net/ens1f0/device/ptp/ptp0/clock_name']).kind).toBe('cat');
    expect(
      allowCommand(['tail', '-v', '-n', '+1', '/var/run/ptp4l.0.config', '/var/run/phc2sys.0.config']),
    ).toEqual({ kind: 'configs', paths: ['/var/run/ptp4l.0.config', '/var/run/phc2sys.0.config'] });
    expect(allowCommand(['ls', '/var/run'])).toEqual({ kind: 'ls', path: '/var/run' });
    expect(allowCommand(['ls', '/sys/class/net/ens1f0/device/ptp'])).toEqual({
      kind: 'ls',
      path: '/sys/class/net/ens1f0/device/ptp',
    });
    expect(allowCommand(['find', '/dev', '-maxdepth', '1', '-name', 'ptp*'])).toEqual({
      kind: 'ptp-devices',
    });
  });

  const refused: [string[], RegExp][] = [
    [['sh', '-c', 'pmc GET X'], /sh is not an allowed program/],
    [['bash'], /bash is not an allowed program/],
    [[], /\(nothing\) is not an allowed program/],
    [
      ['pmc', '-u', '-b', '0', '-f', '/var/run/ptp4l.0.config', 'SET PRIORITY1 1'],
      /pmc requests must be GET/,
    ],
    [['pmc', '-u', '-f', '/var/run/ptp4l.0.config', 'CMD INITIALIZE'], /must be GET/],
    [
      ['pmc', '-u', '-f', '/var/run/ptp4l.0.config', 'GET SECRET_THING'],
      /unknown or unsupported pmc management ID "SECRET_THING"/,
    ],
    [['pmc', '-u', '-f', '/etc/passwd', 'GET TIME'], /pmc -f takes a rendered/],
    [['pmc', '-u', 'GET TIME'], /pmc needs -f/],
    [['ethtool', '-K', 'ens1f0', 'rx', 'off'], /ethtool takes -i, -T or -S/],
    [['ethtool', '-T', 'ens1f0;reboot'], /ethtool takes -i, -T or -S and one interface name/],
    [['cat', '/etc/shadow'], /cat only reads/],
    [['cat', '/var/run/../../etc/shadow'], /cat only reads/],
    [['cat', '/sys/class/net/ens1f0/device/ptp/ptp0/../../../../../etc/passwd'], /cat only reads/],
    [['cat', '/var/run/ptp4l.0.config', '/etc/passwd'], /cat takes one path/],
    [['tail', '-f', '/var/run/ptp4l.0.config'], /tail is only allowed as/],
    [['tail', '-v', '-n', '+1'], /tail takes 1 to 16 distinct config files/],
    [['tail', '-v', '-n', '+1', '/var/run/ptp4l.0.config', '/etc/shadow'], /tail only reads the rendered/],
    [['tail', '-v', '-n', '+1', '/var/run/ptp4l.0.socket'], /tail only reads the rendered/],
    [['tail', '-v', '-n', '+1', '/var/run/../../etc/ptp4l.0.config'], /tail only reads the rendered/],
    [
      ['tail', '-v', '-n', '+1', '/var/run/ptp4l.0.config', '/var/run/ptp4l.0.config'],
      /distinct config files/,
    ],
    [['ls', '/'], /ls only lists/],
    [['find', '/', '-name', 'id_rsa'], /find is only allowed as/],
    [['ethtool', '-i', 'ens1f0\nreboot'], /NUL or a newline/],
  ];
  for (const [argv, message] of refused) {
    it(`refuses ${JSON.stringify(argv)}`, () => {
      expect(() => allowCommand(argv)).toThrow(CommandRefused);
      expect(() => allowCommand(argv)).toThrow(message);
    });
  }

  it('is documented as it is enforced: every documented form parses', () => {
    expect(EXEC_ALLOWLIST.map((entry) => entry.command.split(' ')[0])).toEqual([
      'pmc',
      'pmc',
      'ethtool',
      'cat',
      'tail',
      'cat',
      'ls',
      'ls',
      'find',
      'journalctl',
    ]);
  });
});
