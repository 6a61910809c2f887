import { describe, expect, it } from 'vitest';
import {
  parseEthtoolDriverInfo,
  parseEthtoolLink,
  parseEthtoolTimestamping,
  parseEthtoolTimestampingBlocks,
} from '../../../core/parsers/ethtool-output.js';
import { corpusBlock, describeCorpus, readCorpus } from '../../corpus.js';

describeCorpus('ethtool -T of a real E810 node (linuxptp-daemon log)', () => {
  const blocks = parseEthtoolTimestampingBlocks(
    readCorpus('linuxptp-daemon/ethtool-T_e810-ice-and-onboard_from-daemon-log.txt'),
  );
  const byIface = new Map(blocks.map((block) => [block.iface, block]));

  it('reads every block', () => {
    expect(blocks.length).toBeGreaterThan(8);
    expect(blocks.every((block) => block.iface !== null)).toBe(true);
  });

  it('the four ports of one E810 share its PHC; filter modes none/all', () => {
    const e810 = ['ens4f0', 'ens4f1', 'ens4f2', 'ens4f3'].map((iface) => byIface.get(iface)!);
    expect(new Set(e810.map((port) => port.phcIndex)).size).toBe(1);
    expect(e810[0]).toMatchObject({
      hardwareTimestamping: true,
      softwareOnly: false,
      txTypes: ['off', 'on'],
      rxFilters: ['all'],
    });
  });

  it('on-board ports each have their own PHC', () => {
    const onboard = [...byIface.values()].filter((b) => b.iface!.startsWith('eno') && b.phcIndex !== null);
    expect(new Set(onboard.map((port) => port.phcIndex)).size).toBe(onboard.length);
  });

  it('a netdev without PTP: PTP Hardware Clock: none (as the daemon logs it)', () => {
    const logged = corpusBlock(
      'linuxptp-daemon/tbc-e810-startup-ethtool-holdover-freerun_daemon-log_excerpt.log',
      // An OVN veth of the node: no PHC.
      'cmd output for Time stamping parameters for 00999b6dfa69205',
      /^[IWEF]\d{4} /,
    ).replace(/^.*cmd output for /, '');
    expect(parseEthtoolTimestamping(logged)).toMatchObject({
      iface: '00999b6dfa69205',
      phcIndex: null,
      hardwareTimestamping: false,
      txTypes: [],
      rxFilters: [],
    });
  });
});

describeCorpus('ethtool -i of real ice NICs', () => {
  it('vse-sync fixture', () => {
    const info = parseEthtoolDriverInfo(
      corpusBlock(
        'vse-sync-collection-tools/device-command-outputs_unit-test-fixtures.txt',
        'driver: ice',
        /^$/,
      ),
    );
    expect(info).toEqual({
      driver: 'ice',
      version: '1.11.20.7',
      firmwareVersion: '4.20 0x8001778b 1.3346.0',
      expansionRomVersion: null,
      busInfo: '0000:86:00.0',
      supports: {
        statistics: true,
        test: true,
        'eeprom-access': true,
        'register-dump': true,
        'priv-flags': true,
      },
    });
  });

  it('OCP blog output (its "<---- " annotations are the author’s, removed here)', () => {
    const block = corpusBlock(
      'meiyanblog/ocp-ptp-gm-troubleshooting_command-outputs.txt',
      'driver: ice',
      /^$/,
    ).replace(/\s*<-+.*$/gm, '');
    expect(parseEthtoolDriverInfo(block)).toMatchObject({
      driver: 'ice',
      version: '1.11.16',
      busInfo: '0000:10:00.0',
    });
  });
});

describe('the other ethtool -T shapes (facts: ptp-formats.md §5)', () => {
  it('annotated names of the ioctl-based ethtool (tg3)', () => {
    const parsed = parseEthtoolTimestamping(
      [
        'Time stamping parameters for eno1:',
        'Capabilities:',
        '\thardware-transmit     (SOF_TIMESTAMPING_TX_HARDWARE)',
        '\tsoftware-transmit     (SOF_TIMESTAMPING_TX_SOFTWARE)',
        '\thardware-receive      (SOF_TIMESTAMPING_RX_HARDWARE)',
        '\tsoftware-receive      (SOF_TIMESTAMPING_RX_SOFTWARE)',
        '\tsoftware-system-clock (SOF_TIMESTAMPING_SOFTWARE)',
        '\thardware-raw-clock    (SOF_TIMESTAMPING_RAW_HARDWARE)',
        'PTP Hardware Clock: 1',
        'Hardware Transmit Timestamp Modes:',
        '\toff                   (HWTSTAMP_TX_OFF)',
        '\ton                    (HWTSTAMP_TX_ON)',
        'Hardware Receive Filter Modes:',
        '\tnone                  (HWTSTAMP_FILTER_NONE)',
        '\tptpv2-l2-event        (HWTSTAMP_FILTER_PTP_V2_L2_EVENT)',
      ].join('\n'),
    );
    expect(parsed).toMatchObject({
      iface: 'eno1',
      phcIndex: 1,
      hardwareTimestamping: true,
      txTypes: ['off', 'on'],
      rxFilters: ['ptpv2-l2-event'],
    });
  });

  it('the hardware timestamp provider form, and software-only virtual NICs', () => {
    const provider = parseEthtoolTimestamping(
      'Time stamping parameters for ens1f0:\nCapabilities:\n\thardware-transmit\n\thardware-receive\n\thardware-raw-clock\nHardware timestamp provider index: 2\nHardware timestamp provider qualifier: Precise (IEEE 1588 quality)\n',
    );
    expect(provider).toMatchObject({
      phcIndex: 2,
      providerQualifier: 'Precise (IEEE 1588 quality)',
      hardwareTimestamping: true,
    });
    const virtio = parseEthtoolTimestamping(
      'Time stamping parameters for eth0:\nCapabilities:\n\tsoftware-transmit\n\tsoftware-receive\n\tsoftware-system-clock\nHardware timestamp provider index: -1\n',
    );
    expect(virtio).toMatchObject({ phcIndex: null, softwareOnly: true, hardwareTimestamping: false });
  });

  it('link status, and garbage', () => {
    expect(
      parseEthtoolLink('Settings for ens1f0:\n\tSpeed: 25000Mb/s\n\tDuplex: Full\n\tLink detected: yes\n'),
    ).toEqual({
      speed: '25000Mb/s',
      duplex: 'Full',
      linkDetected: true,
    });
    const garbage = String.fromCharCode(...Array.from({ length: 3000 }, (_, i) => (i * 13) % 256));
    expect(parseEthtoolTimestamping(garbage)).toMatchObject({
      iface: null,
      capabilities: [],
      hardwareTimestamping: false,
    });
    expect(parseEthtoolDriverInfo('').driver).toBeNull();
  });
});
