import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { labDescribe } from '../../lab/lab.js';
import { COMMON, cli, ip, startPtp4l, stopLab, vethPair, waitForLines } from './host-lab.js';

/**
 * `--source host` with pmc answers and no log: a grandmaster (`free_running 1`, class 6) and a slave-only
 * clock on the ntpshm servo in two namespaces, and a slave-only clock alone on its link (no master to
 * hear). Their ptp4l -m output is kept only to know when the clocks have settled: the CLI is not given it.
 */

const describeLab = labDescribe(['ip', 'ptp4l', 'pmc', 'ethtool']);

interface Report {
  nodes: {
    node: string;
    role: string;
    hasData: boolean;
    syncState: string;
    syncSource: string | null;
    ports: { port?: number; iface?: string; state: string }[];
    grandmaster: { identity: string; local: boolean } | null;
    clockClass: { current: number | null; source: string };
    unread: string[];
    ptpInstances: { stepsRemoved: number | null; offsetFromMaster: number | null }[];
  }[];
  health: { nodes: Record<string, string>; unknown: string[] };
  findings: { rule: string; severity: string; message: string }[];
}

describeLab('--source host without a log: the node from its pmc answers (real ptp4l)', () => {
  const id = `${process.pid}`.slice(-5);
  const [gmNs, ocNs, loneNs] = [`h1bg${id}`, `h1bo${id}`, `h1bl${id}`];
  const [gmIf, ocIf, loneIf, lonePeer] = [`h1bg${id}i`, `h1bo${id}i`, `h1bl${id}i`, `h1bl${id}p`];
  const dir = mkdtempSync(join(tmpdir(), 'ptp-mcp-host-pmc-'));
  const processes: ChildProcess[] = [];
  const file = (name: string) => join(dir, name);
  const config = (extra: string, iface: string, name: string) =>
    `[global]\n${COMMON}\n${extra}\nuds_address ${file(`${name}.sock`)}\nmessage_tag [ptp4l.0.config]\n[${iface}]\n`;

  const diagnose = (ns: string, name: string): Report => {
    const result = cli(
      ns,
      'diagnose',
      '--source',
      'host',
      '--node-name',
      name,
      '--ptp4l-config',
      file(`${name}.cfg`),
      '--format',
      'json',
    );
    // A node with pmc answers has data: not the exit 2 of "nothing could be read".
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as Report;
  };

  beforeAll(async () => {
    writeFileSync(file('gm.cfg'), config('free_running 1\npriority1 10\nclockClass 6', gmIf, 'gm'));
    const slave = 'clock_servo ntpshm\nntpshm_segment 118\nslaveOnly 1';
    writeFileSync(file('oc.cfg'), config(slave, ocIf, 'oc'));
    writeFileSync(file('lone.cfg'), config(slave, loneIf, 'lone'));
    for (const ns of [gmNs, ocNs, loneNs]) ip('netns', 'add', ns);
    vethPair(gmNs, gmIf, ocNs, ocIf);
    // The lone clock's link has a peer that nobody runs PTP on.
    vethPair(loneNs, loneIf, loneNs, lonePeer);
    for (const [ns, name] of [
      [gmNs, 'gm'],
      [ocNs, 'oc'],
      [loneNs, 'lone'],
    ] as const)
      processes.push(startPtp4l(ns, file(`${name}.cfg`), file(`${name}.log`)));
    // Until the slave follows the grandmaster (offsets printed), and the lone clock has listened.
    await waitForLines(file('oc.log'), /master offset/, 4);
    await waitForLines(file('lone.log'), /INITIALIZING to LISTENING/, 1);
  }, 40_000);

  afterAll(async () => {
    try {
      await stopLab(processes, [gmNs, ocNs, loneNs]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the slave-only clock: T-TSC tracking the grandmaster, its port, class and offsets from pmc alone', () => {
    const gmIdentity = /selected local clock (\S+) as best master/.exec(
      readFileSync(file('gm.log'), 'utf8'),
    )![1];
    const report = diagnose(ocNs, 'oc');
    const [oc] = report.nodes;
    // ntpshm never locks (ntpshm.c): its port stays UNCALIBRATED while it tracks the master (decision 2).
    expect(oc).toMatchObject({
      node: 'oc',
      role: 'T-TSC',
      hasData: true,
      syncState: 'LOCKED',
      syncSource: 'pmc ptp4l.0.config',
      grandmaster: { identity: gmIdentity, local: false },
      clockClass: { current: 255, source: 'pmc' },
    });
    expect(oc!.ports).toMatchObject([{ port: 1, iface: ocIf, state: 'UNCALIBRATED' }]);
    expect(oc!.ptpInstances[0]).toMatchObject({ stepsRemoved: 1 });
    expect(oc!.ptpInstances[0]!.offsetFromMaster).not.toBeNull();
    // What was not read is named as a host's, not as a Kubernetes daemon's.
    expect(oc!.unread.join('\n')).toContain('no log given (--log FILE or --journal)');
    expect(report.health.unknown).toEqual([]);
    expect(report.findings.map((f) => f.rule)).not.toContain('fault/no-data');
  });

  it('the grandmaster: T-GM of class 6, LOCKED (decision 3), its port MASTER; no "no locked grandmaster"', () => {
    const report = diagnose(gmNs, 'gm');
    expect(report.nodes[0]).toMatchObject({
      role: 'T-GM',
      hasData: true,
      syncState: 'LOCKED',
      grandmaster: { local: true },
      clockClass: { current: 6, source: 'pmc' },
    });
    expect(report.nodes[0]!.ports.map((p) => p.state)).toEqual(['MASTER']);
    expect(report.findings.map((f) => f.rule)).not.toContain('fault/no-locked-grandmaster');
  });

  it('a slave-only clock whose only port hears no master: T-TSC and FREERUN, never unknown and HEALTHY', () => {
    const report = diagnose(loneNs, 'lone');
    const [lone] = report.nodes;
    expect(lone).toMatchObject({ role: 'T-TSC', hasData: true, syncState: 'FREERUN' });
    expect(lone!.ports.map((p) => p.state)).toEqual(['LISTENING']);
    expect(report.health.nodes.lone).not.toBe('HEALTHY');
    expect(report.findings).toContainEqual(
      expect.objectContaining({ rule: 'fault/freerun', severity: 'critical' }),
    );
  });

  it('a config whose ptp4l is not running, and no log: nothing read, named as a host (not a daemon pod)', () => {
    writeFileSync(file('stopped.cfg'), config('slaveOnly 1', loneIf, 'stopped'));
    const result = cli(
      loneNs,
      'diagnose',
      '--source',
      'host',
      '--node-name',
      'stopped',
      '--ptp4l-config',
      file('stopped.cfg'),
      '--format',
      'json',
    );
    // No node could be read at all: exit 2, as for an unreadable input, with the diagnosis still printed.
    expect(result.code).toBe(2);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.health.unknown).toEqual(['stopped']);
    const noData = report.findings.find((f) => f.rule === 'fault/no-data');
    expect(noData?.message).toMatch(
      /no pmc answer and no log line of it: .*no socket at .*stopped\.sock.*no log given/,
    );
    expect(noData?.message).not.toContain('linuxptp-daemon');
  });
});
