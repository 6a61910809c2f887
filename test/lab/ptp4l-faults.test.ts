import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { analyzeLogText } from '../../core/analysis/log-analyzer.js';
import { labDescribe } from './lab.js';

/**
 * Real ptp4l (Debian's linuxptp) where it cannot run as configured, as scenario node-faults shows it
 * (fixtures/lab/record-faults.sh recorded the same): a config naming an interface the machine lacks, and
 * time_stamping hardware on a veth, which time-stamps in software only (as virtio_net does). ptp4l exits
 * with status 255 after `failed to create a clock`; ptp-mcp must read what it printed.
 */

const describeLab = labDescribe(['ip', 'ptp4l']);

describeLab('real ptp4l that cannot create its clock', () => {
  const id = `${process.pid}`.slice(-5);
  const dir = mkdtempSync(join(tmpdir(), 'ptp-mcp-lab-faults-'));
  const [vethA, vethB] = [`pmfa${id}`, `pmfb${id}`];

  afterAll(() => {
    spawnSync('ip', ['link', 'del', vethA]);
    rmSync(dir, { recursive: true, force: true });
  });

  /** Runs ptp4l on one interface with time_stamping hardware; returns its exit status and output. */
  const run = (iface: string) => {
    const conf = join(dir, `${iface}.cfg`);
    writeFileSync(
      conf,
      `[global]\ntime_stamping hardware\nuds_address ${dir}/${iface}.sock\nmessage_tag [ptp4l.0.config]\n[${iface}]\n`,
    );
    const result = spawnSync('ptp4l', ['-f', conf, '-m'], { encoding: 'utf8', timeout: 10_000 });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  };

  it('names an interface the machine lacks: no PHC to find, exit status 255', () => {
    const { status, output } = run(`pmfx${id}`);
    expect(status).toBe(255);
    expect(output).toContain('ioctl SIOCETHTOOL failed: No such device');
    expect(output).toContain(
      'PTP device not specified and automatic determination is not supported. Please specify PTP device.',
    );
    expect(output).toContain('failed to create a clock');
    const [ptp4l] = analyzeLogText(output).processes;
    expect(ptp4l).toMatchObject({ name: 'ptp4l', configTag: 'ptp4l.0.config' });
  });

  it('asks hardware time stamps of a software-only NIC: exit status 255', () => {
    const link = spawnSync('ip', ['link', 'add', vethA, 'type', 'veth', 'peer', 'name', vethB]);
    expect(link.status).toBe(0);
    const { status, output } = run(vethA);
    expect(status).toBe(255);
    expect(output).toContain(`interface '${vethA}' does not support requested timestamping mode`);
    expect(output).toContain('failed to create a clock');
  });
});
