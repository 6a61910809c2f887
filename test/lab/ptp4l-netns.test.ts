import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { analyzeLogText } from '../../core/analysis/log-analyzer.js';
import { parseLinuxptpConfig } from '../../core/parsers/linuxptp-config.js';
import { parsePmcOutput } from '../../core/parsers/pmc-output.js';
import { labDescribe } from './lab.js';

/**
 * Real ptp4l and pmc from Debian's linuxptp, in two network namespaces joined by a veth pair: a
 * free-running grandmaster and a slave-only clock on the ntpshm servo (software time stamps, L2; neither
 * touches this machine's clock). What they print is what ptp-mcp's parsers and analysis must read.
 */

const describeLab = labDescribe(['ip', 'ptp4l', 'pmc']);

const COMMON = `time_stamping software
network_transport L2
domainNumber 24
logSyncInterval -3
logAnnounceInterval -2
announceReceiptTimeout 3`;

describeLab('real ptp4l and pmc in network namespaces', () => {
  const id = `${process.pid}`.slice(-5);
  const [gmNs, ocNs] = [`ptpmcp-gm-${id}`, `ptpmcp-oc-${id}`];
  const [gmIf, ocIf] = [`pmgm${id}`, `pmoc${id}`];
  const dir = mkdtempSync(join(tmpdir(), 'ptp-mcp-lab-'));
  const gmConf = `[global]
${COMMON}
free_running 1
priority1 10
uds_address ${dir}/gm.sock
message_tag [ptp4l.0.config]
[${gmIf}]
`;
  const ocConf = `[global]
${COMMON}
clock_servo ntpshm
slaveOnly 1
summary_interval -3
uds_address ${dir}/oc.sock
message_tag [ptp4l.1.config]
[${ocIf}]
`;
  const processes: ChildProcess[] = [];
  const logs = { gm: '', oc: '' };
  let pmcText = '';

  const ip = (...args: string[]) => {
    const result = spawnSync('ip', args, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`ip ${args.join(' ')}: ${result.stderr}`);
  };
  const ptp4l = (ns: string, conf: string, log: keyof typeof logs) => {
    const child = spawn('ip', ['netns', 'exec', ns, 'ptp4l', '-f', conf, '-m'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk) => {
      logs[log] += chunk;
    });
    processes.push(child);
  };

  beforeAll(async () => {
    writeFileSync(join(dir, 'gm.cfg'), gmConf);
    writeFileSync(join(dir, 'oc.cfg'), ocConf);
    ip('netns', 'add', gmNs);
    ip('netns', 'add', ocNs);
    ip('link', 'add', gmIf, 'type', 'veth', 'peer', 'name', ocIf);
    ip('link', 'set', gmIf, 'netns', gmNs);
    ip('link', 'set', ocIf, 'netns', ocNs);
    ip('-n', gmNs, 'link', 'set', gmIf, 'up');
    ip('-n', ocNs, 'link', 'set', ocIf, 'up');
    ptp4l(gmNs, join(dir, 'gm.cfg'), 'gm');
    ptp4l(ocNs, join(dir, 'oc.cfg'), 'oc');
    // Until the slave has followed the grandmaster for a while (8 samples a second).
    for (let i = 0; i < 150 && (logs.oc.match(/master offset/g) ?? []).length < 20; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const pmc = spawnSync(
      'ip',
      ['netns', 'exec', ocNs, 'pmc', '-u', '-b', '0', '-d', '24', '-s', `${dir}/oc.sock`].concat([
        'GET DEFAULT_DATA_SET',
        'GET PARENT_DATA_SET',
        'GET CURRENT_DATA_SET',
        'GET PORT_DATA_SET',
      ]),
      { encoding: 'utf8', timeout: 10_000 },
    );
    pmcText = pmc.stdout;
  }, 30_000);

  afterAll(async () => {
    for (const child of processes) child.kill('SIGTERM');
    await Promise.all(processes.map((child) => new Promise((resolve) => child.once('exit', resolve))));
    spawnSync('ip', ['netns', 'del', gmNs]);
    spawnSync('ip', ['netns', 'del', ocNs]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads the grandmaster: its port becomes MASTER, it takes the grand master role', () => {
    const analysis = analyzeLogText(logs.gm);
    expect(analysis.lines.unparsed).toBe(0);
    const [gm] = analysis.processes;
    expect(gm).toMatchObject({ name: 'ptp4l', configTag: 'ptp4l.0.config' });
    expect(gm!.portTransitions.map((t) => `${t.from}>${t.to} ${t.event}`)).toContain(
      'LISTENING>MASTER ANNOUNCE_RECEIPT_TIMEOUT_EXPIRES',
    );
    // ptp4l -m prints CLOCK_MONOTONIC seconds: the lines carry no wall time, and none is made up.
    expect(analysis.timeRange.first?.wall).toBeUndefined();
    expect(analysis.timeRange.first?.mono).toBeGreaterThan(0);
  });

  it('reads the slave: its grandmaster, its port state and every servo sample', () => {
    const analysis = analyzeLogText(logs.oc);
    expect(analysis.lines.unparsed).toBe(0);
    const [oc] = analysis.processes;
    const samples = (logs.oc.match(/master offset/g) ?? []).length;
    expect(samples).toBeGreaterThanOrEqual(20);
    expect(oc).toMatchObject({ name: 'ptp4l', configTag: 'ptp4l.1.config' });
    // The ntpshm servo hands offsets to an NTP daemon and never locks: every sample is s0.
    expect(oc!.servo.s0).toBe(samples);
    expect(oc!.offset.count).toBe(samples);
    expect(oc!.portTransitions.map((t) => `${t.from}>${t.to} ${t.event}`)).toContain(
      'LISTENING>UNCALIBRATED RS_SLAVE',
    );
    const gmIdentity = /selected local clock (\S+) as best master/.exec(logs.gm)![1];
    expect(oc!.gmChanges.at(-1)?.gmIdentity).toBe(gmIdentity);
  });

  it('reads pmc: the grandmaster, the path to it and the clock itself, as the data sets say', () => {
    const output = parsePmcOutput(pmcText);
    expect(output.unanswered).toEqual([]);
    expect(output.unparsedLines).toBe(0);
    const set = (name: string) => output.responses.find((r) => r.dataSet === name)!.fields;
    const gmIdentity = /selected local clock (\S+) as best master/.exec(logs.gm)![1];
    expect(set('PARENT_DATA_SET')).toMatchObject({
      grandmasterIdentity: gmIdentity,
      grandmasterPriority1: '10',
      'gm.ClockClass': '248',
    });
    expect(set('CURRENT_DATA_SET').stepsRemoved).toBe('1');
    expect(set('PORT_DATA_SET')).toMatchObject({ portState: 'UNCALIBRATED', logSyncInterval: '-3' });
    expect(set('DEFAULT_DATA_SET')).toMatchObject({ slaveOnly: '1', domainNumber: '24', clockClass: '255' });
  });

  it('reads the configs the clocks ran with', () => {
    const config = parseLinuxptpConfig(ocConf);
    const global = config.sections.find((s) => s.name === 'global')!;
    expect(global.entries.find((e) => e.key === 'clock_servo')).toMatchObject({ value: 'ntpshm', line: 8 });
    expect(config.sections.map((s) => s.name)).toEqual(['global', ocIf]);
  });
});
