import { describe, expect, it } from 'vitest';
import {
  choosePack,
  type PackSignals,
  type ProfileSummary,
  packSignals,
  standardPackFor,
} from '../../../core/lint/profile-standard.js';
import { profileFacts } from '../../../core/rules/facts/profile-facts.js';

const signals = (over: Partial<PackSignals>): PackSignals => ({
  domain: 0,
  alternateBmca: false,
  transport: 'UDPv4',
  unicast: false,
  majorSdoId: 0,
  ...over,
});

describe('the pack decision table (core/lint/profile-standard.ts), one case per row', () => {
  // [row, signals, pack, a piece of the reason]
  const rows: [number, Partial<PackSignals>, string, string][] = [
    [0, { domain: 0, transport: 'L2', majorSdoId: 1 }, 'linuxptp-config', 'IEEE 802.1AS (gPTP)'],
    [0, { domain: 24, transport: 'L2', majorSdoId: 2 }, 'linuxptp-config', 'Common Mean Link Delay'],
    [1, { domain: 24, transport: 'UDPv4', unicast: true }, 'itu-t-g8275.2', 'domainNumber 24'],
    [
      1,
      { domain: 43, transport: 'UDPv6', unicast: true, alternateBmca: true },
      'itu-t-g8275.2',
      'key out of line',
    ],
    [2, { domain: 24, transport: 'L2', alternateBmca: true }, 'itu-t-g8275.1', 'in 24..43'],
    [2, { domain: 24, transport: 'UDPv4' }, 'itu-t-g8275.1', 'in 24..43'],
    [2, { domain: 43, transport: 'L2', unicast: true }, 'itu-t-g8275.1', 'in 24..43'],
    [3, { domain: 44, transport: 'L2' }, 'itu-t-g8275.1', 'domainNumber 44 (G.8275.2'],
    [3, { domain: 63, transport: 'L2', alternateBmca: true }, 'itu-t-g8275.1', 'L2 multicast is G.8275.1'],
    [4, { domain: 44, transport: 'UDPv4', unicast: true, alternateBmca: true }, 'itu-t-g8275.2', 'in 44..63'],
    [4, { domain: 44, transport: 'UDPv4' }, 'itu-t-g8275.2', 'in 44..63'],
    [4, { domain: 50, transport: 'L2', unicast: true }, 'itu-t-g8275.2', 'in 44..63'],
    [5, { domain: 0, transport: 'L2', alternateBmca: true }, 'itu-t-g8275.1', 'outside its 24..43'],
    [5, { domain: 64, transport: 'L2', alternateBmca: true, unicast: true }, 'itu-t-g8275.1', 'over L2'],
    [
      6,
      { domain: 0, transport: 'UDPv4', alternateBmca: true, unicast: true },
      'itu-t-g8275.2',
      'outside its 44..63',
    ],
    [
      7,
      { domain: 0, transport: 'UDPv4', alternateBmca: true },
      'ieee1588-default',
      'dataset_comparison G.8275.x is the key out of line',
    ],
    [7, { domain: 23, transport: 'UDPv6', alternateBmca: true }, 'ieee1588-default', 'UDPv6 multicast'],
    [8, { domain: 0 }, 'ieee1588-default', 'outside the telecom domains'],
    [8, { domain: 127, transport: 'L2' }, 'ieee1588-default', 'outside the telecom domains'],
    [8, { domain: null, transport: 'L2', unicast: true }, 'ieee1588-default', 'outside the telecom domains'],
  ];
  for (const [row, over, pack, reason] of rows) {
    it(`row ${row}: ${JSON.stringify(over)} → ${pack}`, () => {
      const choice = choosePack(signals(over));
      expect(choice).toMatchObject({ row, pack });
      expect(choice.reason).toContain(reason);
    });
  }

  it('covers every row of the table', () => {
    expect(new Set(rows.map(([row]) => row))).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7, 8]));
  });

  it('the domain bands end where the profiles say: 23 | 24..43 | 44..63 | 64', () => {
    const l2 = (domain: number) => choosePack(signals({ domain, transport: 'L2' })).row;
    expect([23, 24, 43, 44, 63, 64].map(l2)).toEqual([8, 2, 2, 3, 3, 8]);
    const udpUnicast = (domain: number) => choosePack(signals({ domain, unicast: true })).row;
    expect([23, 24, 43, 44, 63, 64].map(udpUnicast)).toEqual([8, 1, 1, 4, 4, 8]);
  });
});

describe('the signals of a profile', () => {
  const summary = (ptp4lConf: string, ptp4lOpts?: string) =>
    profileFacts({ file: 'x.conf', profile: { name: 'x', ptp4lConf, ptp4lOpts } }).facts
      .profile as unknown as ProfileSummary;

  it('linuxptp defaults: domain 0, UDPv4, IEEE 1588 BMCA, no unicast', () => {
    expect(packSignals(summary('[global]\n[eth0]\n'))).toEqual({
      domain: 0,
      alternateBmca: false,
      transport: 'UDPv4',
      unicast: false,
      majorSdoId: 0,
    });
  });

  it('transportSpecific is the majorSdoId, read as config.c reads integers (0x1 is 1): gPTP gets no profile pack', () => {
    expect(packSignals(summary('[global]\ntransportSpecific 0x1\n[eth0]\n')).majorSdoId).toBe(1);
    expect(
      standardPackFor(summary('[global]\ntransportSpecific 0x1\nlogSyncInterval -3\n[eth0]\n')).pack,
    ).toBe('linuxptp-config');
  });

  it('ptp4lOpts -2/-4/-6 override [global] network_transport (ptp4l(8): the command line wins over [global])', () => {
    expect(packSignals(summary('[global]\nnetwork_transport UDPv4\n[eth0]\n', '-2')).transport).toBe('L2');
    expect(packSignals(summary('[global]\nnetwork_transport L2\n[eth0]\n', '-4 -s')).transport).toBe('UDPv4');
    expect(packSignals(summary('[global]\n[eth0]\n', '-6')).transport).toBe('UDPv6');
  });

  it('port sections override both when every port says the same', () => {
    const ports =
      '[global]\nnetwork_transport L2\n[eth0]\nnetwork_transport UDPv4\n[eth1]\nnetwork_transport UDPv4\n';
    expect(packSignals(summary(ports, '-2')).transport).toBe('UDPv4');
    const mixed = '[global]\nnetwork_transport L2\n[eth0]\nnetwork_transport UDPv4\n[eth1]\n';
    expect(packSignals(summary(mixed)).transport).toBe('L2');
  });

  it('unicast: unicast_listen 1, or a port using a [unicast_master_table]', () => {
    expect(packSignals(summary('[global]\nunicast_listen 1\n[eth0]\n')).unicast).toBe(true);
    const client =
      '[global]\n[unicast_master_table]\ntable_id 1\nUDPv4 10.0.0.1\n[eth0]\nunicast_master_table 1\n';
    expect(packSignals(summary(client)).unicast).toBe(true);
  });

  it('domain 24 on UDPv4 multicast is G.8275.1 (the transport is the finding); G.8275.2.cfg on domain 24 is G.8275.2', () => {
    expect(
      standardPackFor(summary('[global]\ndomainNumber 24\nnetwork_transport UDPv4\n[eth0]\n')).pack,
    ).toBe('itu-t-g8275.1');
    expect(
      standardPackFor(
        summary(
          '[global]\ndataset_comparison G.8275.x\nunicast_listen 1\ninhibit_multicast_service 1\ndomainNumber 24\n[eth0]\n',
        ),
      ),
    ).toMatchObject({ pack: 'itu-t-g8275.2', row: 1 });
  });
});
