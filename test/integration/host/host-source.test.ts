import { type ChildProcess, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { labDescribe } from '../../lab/lab.js';
import { CLI } from '../cli-run.js';
import { COMMON, cli, ip, startPtp4l, stopLab, vethPair, waitForLines } from './host-lab.js';

/**
 * `--source host` on real linuxptp: a free-running grandmaster and a slave-only clock (ntpshm servo,
 * software time stamps, L2: neither touches this machine's clock) in two network namespaces, each
 * diagnosed by the built CLI run inside its namespace, as a user of a plain host runs it.
 */

const describeLab = labDescribe(['ip', 'ptp4l', 'pmc', 'ethtool']);

interface NodeJson {
  node: string;
  role: string;
  ports: { state: string }[];
  grandmaster: { identity: string } | null;
  unread: string[];
  processes: { name: string; offset: { count: number } }[];
  ptpInstances: {
    grandmasterIdentity: string | null;
    gmClockClass: number | null;
    stepsRemoved: number | null;
  }[];
}

describeLab('--source host: real ptp4l and pmc in network namespaces', () => {
  const id = `${process.pid}`.slice(-5);
  const [gmNs, ocNs] = [`h1g${id}`, `h1o${id}`];
  const [gmIf, ocIf] = [`h1g${id}i`, `h1o${id}i`];
  const dir = mkdtempSync(join(tmpdir(), 'ptp-mcp-host-'));
  const config = (extra: string, iface: string, sock: string) =>
    `[global]\n${COMMON}\n${extra}\nuds_address ${join(dir, sock)}\nmessage_tag [ptp4l.0.config]\n[${iface}]\n`;
  const files = {
    gmConf: join(dir, 'gm.cfg'),
    ocConf: join(dir, 'oc.cfg'),
    gmLog: join(dir, 'gm.log'),
    ocLog: join(dir, 'oc.log'),
  };
  const processes: ChildProcess[] = [];

  const hostArgs = (name: 'gm' | 'oc') => [
    '--source',
    'host',
    '--node-name',
    name,
    '--ptp4l-config',
    name === 'gm' ? files.gmConf : files.ocConf,
    '--log',
    name === 'gm' ? files.gmLog : files.ocLog,
  ];
  const diagnoseJson = (ns: string, args: string[]) => {
    const result = cli(ns, 'diagnose', ...args, '--format', 'json');
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as {
      nodes: NodeJson[];
      hierarchy?: unknown;
      findings: { ruleId: string }[];
    };
  };

  beforeAll(async () => {
    writeFileSync(files.gmConf, config('free_running 1\npriority1 10', gmIf, 'gm.sock'));
    writeFileSync(
      files.ocConf,
      config('clock_servo ntpshm\nslaveOnly 1\nsummary_interval -3', ocIf, 'oc.sock'),
    );
    ip('netns', 'add', gmNs);
    ip('netns', 'add', ocNs);
    vethPair(gmNs, gmIf, ocNs, ocIf);
    for (const [ns, conf, log] of [
      [gmNs, files.gmConf, files.gmLog],
      [ocNs, files.ocConf, files.ocLog],
    ] as const)
      processes.push(startPtp4l(ns, conf, log));
    // Until the slave has followed the grandmaster for a while (8 samples a second).
    await waitForLines(files.ocLog, /master offset|rms/, 4);
  }, 40_000);

  afterAll(async () => {
    try {
      await stopLab(processes, [gmNs, ocNs]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('diagnoses the slave-only host: T-TSC, its port, its grandmaster, class and offsets from pmc and its log', () => {
    const gmIdentity = /selected local clock (\S+) as best master/.exec(
      readFileSync(files.gmLog, 'utf8'),
    )![1];
    const report = diagnoseJson(ocNs, hostArgs('oc'));
    const [oc] = report.nodes;
    expect(oc).toMatchObject({ node: 'oc', role: 'T-TSC', unread: [] });
    // The ntpshm servo hands offsets to an NTP daemon and never locks: the port stays UNCALIBRATED.
    expect(oc!.ports.map((p) => p.state)).toEqual(['UNCALIBRATED']);
    expect(oc!.grandmaster?.identity).toBe(gmIdentity);
    expect(oc!.ptpInstances).toMatchObject([
      { grandmasterIdentity: gmIdentity, gmClockClass: 248, stepsRemoved: 1 },
    ]);
    expect(oc!.processes.find((p) => p.name === 'ptp4l')!.offset.count).toBeGreaterThan(0);
  });

  it('diagnoses the free-running grandmaster host as a T-GM following itself', () => {
    const [gm] = diagnoseJson(gmNs, hostArgs('gm')).nodes;
    expect(gm).toMatchObject({ node: 'gm', role: 'T-GM' });
    expect(gm!.ports.map((p) => p.state)).toEqual(['MASTER']);
  });

  it('dates ptp4l -m lines with the host clock anchor: wall times, not only monotonic seconds', () => {
    const result = cli(ocNs, 'diagnose', ...hostArgs('oc'), '--format', 'json');
    const report = JSON.parse(result.stdout) as { meta: { dataRange: { first: string | null } } };
    expect(Date.parse(report.meta.dataRange.first ?? '')).toBeGreaterThan(Date.UTC(2020, 0, 1));
  });

  it('a ptp4l that is not there, a missing log: partial result, warnings naming them', () => {
    const result = cli(
      ocNs,
      'diagnose',
      ...hostArgs('oc'),
      '--ptp4l-config',
      files.gmConf.replace('gm.cfg', 'absent.cfg'),
      '--log',
      join(dir, 'absent.log'),
      '--format',
      'json',
    );
    expect(result.code, result.stderr).toBe(0);
    const [oc] = (JSON.parse(result.stdout) as { nodes: NodeJson[] }).nodes;
    expect(oc!.role).toBe('T-TSC');
    expect(oc!.unread.join('\n')).toMatch(/absent\.cfg: .*no such file/i);
    expect(oc!.unread.join('\n')).toMatch(/absent\.log: .*no such file/i);
  });

  it('a config whose ptp4l socket is absent: a warning naming the socket, the node still judged on its log', () => {
    const stopped = join(dir, 'stopped.cfg');
    writeFileSync(stopped, config('slaveOnly 1', ocIf, 'stopped.sock'));
    const result = cli(
      ocNs,
      'diagnose',
      '--source',
      'host',
      '--node-name',
      'oc',
      '--ptp4l-config',
      stopped,
      '--log',
      files.ocLog,
      '--format',
      'json',
    );
    expect(result.code, result.stderr).toBe(0);
    const [oc] = (JSON.parse(result.stdout) as { nodes: NodeJson[] }).nodes;
    expect(oc!.unread.join('\n')).toContain(`no socket at ${join(dir, 'stopped.sock')}`);
    expect(oc!.role).toBe('T-TSC');
  });

  it('records both hosts into one folder (--merge) and replays them as one site: GM → TSC', () => {
    const out = join(dir, 'site');
    for (const [ns, name] of [
      [gmNs, 'gm'],
      [ocNs, 'oc'],
    ] as const) {
      const result = cli(ns, 'snapshot', 'record', ...hostArgs(name), '--out', out, '--merge');
      expect(result.code, result.stderr).toBe(0);
    }
    const replay = spawnSync(
      process.execPath,
      [CLI, 'diagnose', '--source', `dir:${out}`, '--format', 'json'],
      {
        encoding: 'utf8',
      },
    );
    expect(replay.status, replay.stderr).toBe(0);
    const report = JSON.parse(replay.stdout) as { nodes: NodeJson[] };
    expect(report.nodes.map((n) => [n.node, n.role])).toEqual([
      ['gm', 'T-GM'],
      ['oc', 'T-TSC'],
    ]);
    const live = diagnoseJson(ocNs, hostArgs('oc')).nodes[0]!;
    const replayed = report.nodes[1]!;
    expect(replayed.grandmaster?.identity).toBe(live.grandmaster?.identity);
    const identity = (node: NodeJson) =>
      node.ptpInstances.map(({ grandmasterIdentity, gmClockClass, stepsRemoved }) => ({
        grandmasterIdentity,
        gmClockClass,
        stepsRemoved,
      }));
    expect(identity(replayed)).toEqual(identity(live));
    expect(replayed.ports).toEqual(live.ports.map((port) => ({ ...port, since: expect.anything() })));
  });

  it('serve --stdio --source host: the MCP tools answer from the host (diagnose, run_pmc_query over its UDS)', async () => {
    // As Claude Desktop on that machine would start it, here inside the slave's namespace.
    const transport = new StdioClientTransport({
      command: 'ip',
      args: [
        'netns',
        'exec',
        ocNs,
        process.execPath,
        CLI,
        'serve',
        '--stdio',
        '--allow-exec',
        ...hostArgs('oc'),
      ],
      stderr: 'pipe',
    });
    const client = new Client({ name: 'ptp-mcp-tests', version: '1.0.0' });
    await client.connect(transport);
    try {
      const diagnosis = await client.callTool({ name: 'diagnose', arguments: { node: 'oc' } });
      expect(JSON.stringify(diagnosis.structuredContent)).toContain('"role":"T-TSC"');
      const pmc = await client.callTool({
        name: 'run_pmc_query',
        arguments: { node: 'oc', queries: ['PARENT_DATA_SET'] },
      });
      const { instances } = pmc.structuredContent as {
        instances: { configFile: string; output: { responses: { dataSet: string }[] } }[];
      };
      expect(instances.map((i) => [i.configFile, i.output.responses.map((r) => r.dataSet)])).toEqual([
        ['ptp4l.0.config', ['PARENT_DATA_SET']],
      ]);
    } finally {
      await client.close();
    }
  });
});
