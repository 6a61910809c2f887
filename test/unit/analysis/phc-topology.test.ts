import { describe, expect, it } from 'vitest';
import { type PhcPer, type PortPhc, phcKey, phcMismatch } from '../../../core/analysis/phc-topology.js';
import { parseEthtoolTimestamping } from '../../../core/parsers/ethtool-output.js';
import { parseLinuxptpConfig } from '../../../core/parsers/linuxptp-config.js';
import { describeCorpus, readCorpus } from '../../corpus.js';

// The families as plugins/nic/vendor-profiles.ts gives them.
const phcPer: PhcPer = (driver) =>
  driver === 'ice' ? 'nic' : driver === 'mlx5_core' || driver === 'tg3' ? 'port' : undefined;
const port = (
  iface: string,
  phcIndex: number | null,
  driver: string | null = null,
  bus: string | null = null,
) => ({ iface, phcIndex, driver, bus }) satisfies PortPhc;
const config = (text: string) => parseLinuxptpConfig(text);

describe('the PHC a port uses', () => {
  it('the index ethtool -T reports, else the NIC family, else unknown', () => {
    expect(phcKey(port('ens1f0', 3), phcPer)).toBe('ptp3');
    expect(phcKey(port('ens1f0', null, 'ice', '0000:51:00'), phcPer)).toBe('card 0000:51:00');
    expect(phcKey(port('ens1f0np0', null, 'mlx5_core', '0000:3b:00'), phcPer)).toBe('port ens1f0np0');
    expect(phcKey(port('ens1f0', null, 'igb'), phcPer)).toBeNull();
    expect(phcKey(port('ens1f0', null), phcPer)).toBeNull();
  });
});

describe('ports ptp4l refuses for a PHC device mismatch (linuxptp v4.4 port.c port_open)', () => {
  const twoCards = [port('ens4f1', 9), port('ens8f0', 10)];
  const ports = '[ens4f1]\nmasterOnly 0\n[ens8f0]\nmasterOnly 1\n';

  it('a port on another PHC without jbod is refused; the first port gives the clock its PHC', () => {
    expect(phcMismatch(config(`[global]\n${ports}`), twoCards, phcPer)).toEqual({
      clockPhc: 'ptp9',
      ports: [{ iface: 'ens8f0', phc: 'ptp10' }],
    });
  });

  it('boundary_clock_jbod 1 in [global], or in the refused port’s own section, lets it in', () => {
    expect(phcMismatch(config(`[global]\nboundary_clock_jbod 1\n${ports}`), twoCards, phcPer)).toBeNull();
    const own = '[global]\n[ens4f1]\n[ens8f0]\nboundary_clock_jbod 1\n';
    expect(phcMismatch(config(own), twoCards, phcPer)).toBeNull();
    // jbod on the first port only does not help the second (p->jbod is the refused port's).
    const first = '[global]\n[ens4f1]\nboundary_clock_jbod 1\n[ens8f0]\n';
    expect(phcMismatch(config(first), twoCards, phcPer)?.ports).toEqual([{ iface: 'ens8f0', phc: 'ptp10' }]);
  });

  it('no PHC, no check: time_stamping software or legacy, free_running 1 (clock.c sets phc_index -1)', () => {
    for (const global of ['time_stamping software', 'time_stamping legacy', 'free_running 1'])
      expect(phcMismatch(config(`[global]\n${global}\n${ports}`), twoCards, phcPer)).toBeNull();
  });

  it('ports of one PHC, or a PHC that is not known, give nothing', () => {
    expect(
      phcMismatch(config(`[global]\n${ports}`), [port('ens4f1', 9), port('ens8f0', 9)], phcPer),
    ).toBeNull();
    expect(
      phcMismatch(config(`[global]\n${ports}`), [port('ens4f1', 9), port('ens8f0', null, 'igb')], phcPer),
    ).toBeNull();
    expect(phcMismatch(config(`[global]\n${ports}`), [port('ens4f1', 9)], phcPer)).toBeNull();
  });

  it('the NIC family when ethtool -T was not read: one E810 card shares a PHC, mlx5 ports do not', () => {
    const text = '[global]\n[p0]\n[p1]\n';
    const e810 = [port('p0', null, 'ice', '0000:51:00'), port('p1', null, 'ice', '0000:51:00')];
    expect(phcMismatch(config(text), e810, phcPer)).toBeNull();
    const mlx5 = [port('p0', null, 'mlx5_core', '0000:3b:00'), port('p1', null, 'mlx5_core', '0000:3b:00')];
    expect(phcMismatch(config(text), mlx5, phcPer)?.ports).toEqual([{ iface: 'p1', phc: 'port p1' }]);
  });
});

describeCorpus('PHC topology of real ethtool -T output', () => {
  const blocks = readCorpus('linuxptp-daemon', 'ethtool-T_e810-ice-and-onboard_from-daemon-log.txt').split(
    /\n(?=# \$ ethtool -T )/,
  );
  const phcOf = (iface: string) =>
    parseEthtoolTimestamping(blocks.find((b) => b.startsWith(`# $ ethtool -T ${iface}\n`))!).phcIndex;

  it('the four ports of one E810 share a PHC; two E810s, and the on-board eno ports, do not', () => {
    expect(new Set(['ens4f0', 'ens4f1', 'ens4f2', 'ens4f3'].map(phcOf)).size).toBe(1);
    expect(phcOf('ens4f0')).not.toBe(phcOf('ens8f0'));
    expect(new Set(['eno1', 'eno2', 'eno3', 'eno4'].map(phcOf)).size).toBe(4);
    const tbc = config('[global]\n[ens4f1]\nmasterOnly 0\n[ens4f0]\nmasterOnly 1\n[ens8f0]\nmasterOnly 1\n');
    const ports = ['ens4f1', 'ens4f0', 'ens8f0'].map((iface) => port(iface, phcOf(iface)));
    expect(phcMismatch(tbc, ports, phcPer)?.ports.map((p) => p.iface)).toEqual(['ens8f0']);
  });
});
