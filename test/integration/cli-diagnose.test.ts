import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../core/package-root.js';
import { CLI, runBuiltCli } from './cli-run.js';

describe('ptp-mcp diagnose (the built CLI)', () => {
  it('diagnoses the built-in demo by default: table, hierarchy, per-node details', () => {
    const { code, stdout, stderr } = runBuiltCli(['diagnose']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^PTP diagnosis of demo/);
    expect(stdout).toMatch(/bc-2\s+CRITICAL\s+T-BC\s+HOLDOVER/);
    // bc-2 in holdover announces itself (EGP, event_tbc.go announceLocalData): its row shows the identity its
    // follower worker-3 sees, not the one its time-receiver ptp4l picked for itself once its upstream was gone.
    const seen = /grandmasterIdentity\s+(\S+)/.exec(
      readFileSync(
        join(packageRoot(), 'fixtures/clusters/demo/nodes/worker-3/pmc/ptp4l.0.config.txt'),
        'utf8',
      ),
    )?.[1];
    expect(stdout).toMatch(new RegExp(`^bc-2 .* ${seen} \\(self\\)`, 'm'));
    expect(stdout).toMatch(/gm-1\s+HEALTHY\s+T-GM\s+LOCKED/);
    expect(stdout).toMatch(
      /findings \(\d+, cluster CRITICAL; packs fault-severity@[\d.]+, clock-class-fallback@[\d.]+\)/,
    );
    expect(stdout).toMatch(/CRITICAL fault\/upstream-lost \[bc-2\] bc-2 \(T-BC\) has no upstream/);
    expect(stdout).toContain('node.offset.maxAbs = 947 (numberAbove 100)');
    expect(stdout).toContain('clock hierarchy:');
    expect(stdout).toContain('└─ worker-3');
    expect(stdout).toContain('== worker-2 (T-TSC)');
  });

  it('prints JSON with ISO times from the data', () => {
    const { code, stdout } = runBuiltCli(['diagnose', '--source', 'scenario:healthy', '--format', 'json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.meta).toMatchObject({ name: 'healthy', origin: 'scenario:healthy' });
    expect(report.nodes.map((n: { syncState: string }) => n.syncState)).toEqual([
      'LOCKED',
      'LOCKED',
      'LOCKED',
      'LOCKED',
    ]);
    expect(report.meta.dataRange.last).toMatch(/^2026-11-20T08:0\d:\d\d\.\d{3}Z$/);
    expect(report.hierarchy.roots).toEqual(['gm-1']);
    expect(report.findings).toEqual([]);
    expect(report.health).toEqual({
      cluster: 'HEALTHY',
      nodes: { 'bc-1': 'HEALTHY', 'gm-1': 'HEALTHY', 'worker-1': 'HEALTHY', 'worker-2': 'HEALTHY' },
      unknown: [],
    });
  });

  it('judges the configured interfaces by what ethtool says of them', () => {
    const snapshot = join(mkdtempSync(join(tmpdir(), 'ptp-mcp-nics-')), 'healthy');
    cpSync(join(packageRoot(), 'fixtures', 'clusters', 'healthy'), snapshot, { recursive: true });
    // bc-1's config still names ens2f3, which ethtool no longer knows; worker-2's NIC lost its PHC.
    for (const kind of ['i', 'T']) rmSync(join(snapshot, 'nodes', 'bc-1', 'ethtool', `ens2f3.${kind}.txt`));
    const worker2 = join(snapshot, 'nodes', 'worker-2', 'ethtool', 'ens1f0.T.txt');
    writeFileSync(
      worker2,
      readFileSync(worker2, 'utf8')
        .replace(/^\thardware-.*\n/gm, '')
        .replace(/^PTP Hardware Clock: \d+$/m, 'PTP Hardware Clock: none'),
    );
    const { code, stdout } = runBuiltCli(['diagnose', '--source', `dir:${snapshot}`, '--format', 'json']);
    expect(code).toBe(0);
    const findings = JSON.parse(stdout).findings as {
      rule: string;
      subject: { node: string };
      message: string;
    }[];
    expect(findings.map((f) => [f.rule, f.subject.node])).toEqual([
      ['fault/interface-absent', 'bc-1'],
      ['fault/software-timestamping', 'worker-2'],
    ]);
    expect(findings[0]!.message).toMatch(
      /^bc-1's linuxptp configs name ens2f3, which ethtool does not know there/,
    );
    expect(findings[1]!.message).toMatch(/^ens1f0 on worker-2 time-stamp in software only/);
  });

  it('judges the errors of the cloud-event-proxy sidecar, and lists them with the node faults', () => {
    const snapshot = join(mkdtempSync(join(tmpdir(), 'ptp-mcp-sidecar-')), 'healthy');
    cpSync(join(packageRoot(), 'fixtures', 'clusters', 'healthy'), snapshot, { recursive: true });
    // What cmd/main.go logs when a consumer does not answer (logrus, the URL and Go's error quoted).
    appendFileSync(
      join(snapshot, 'nodes', 'bc-1', 'logs', 'cloud-event-proxy.log'),
      'time="2026-11-20T08:04:30Z" level=error msg="error posting event at http://du-consumer.du.svc:9089/event : Post \\"http://du-consumer.du.svc:9089/event\\": dial tcp 10.128.0.5:9089: connect: connection refused"\n',
    );
    const json = runBuiltCli(['diagnose', '--source', `dir:${snapshot}`, '--format', 'json']);
    const report = JSON.parse(json.stdout);
    expect(
      report.findings.map((f: { rule: string; subject: { node: string } }) => [f.rule, f.subject.node]),
    ).toEqual([['fault/event-delivery-errors', 'bc-1']]);
    const fault = report.nodes.find((n: { node: string }) => n.node === 'bc-1').faults.at(-1);
    expect(fault).toMatchObject({
      kind: 'sidecarError',
      process: 'cloud-event-proxy',
      time: '2026-11-20T08:04:30.000Z',
      detail:
        'error posting event at http://du-consumer.du.svc:9089/event : Post "http://du-consumer.du.svc:9089/event": dial tcp 10.128.0.5:9089: connect: connection refused',
    });
    expect(runBuiltCli(['diagnose', '--source', `dir:${snapshot}`]).stdout).toMatch(
      /MODERATE fault\/event-delivery-errors \[bc-1\] the cloud-event-proxy sidecar of bc-1 logged 1 error\(s\)/,
    );
  });

  it('stops quietly when its reader does (`| head`): exit 0, no stack trace', async () => {
    // As `ptp-mcp diagnose | true`: the reader is gone before anything is written.
    const child = spawn(process.execPath, [CLI, 'diagnose', '--format', 'json'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('diagnoses one node', () => {
    const report = JSON.parse(runBuiltCli(['diagnose', '--node', 'worker-2', '--format', 'json']).stdout);
    expect(report.nodes.map((n: { node: string }) => n.node)).toEqual(['worker-2']);
  });

  it('refuses an unknown source, node, folder or option with exit 2 and one clear line', () => {
    const cases: [string[], RegExp][] = [
      [
        ['diagnose', '--source', 'nowhere'],
        /unknown source "nowhere"; use one of: demo \| scenario:NAME, dir:PATH/,
      ],
      [['diagnose', '--source', 'dir:/no/such/snapshot'], /no snapshot folder at \/no\/such\/snapshot/],
      [
        ['diagnose', '--source', 'dir:fixtures/lint'],
        /^ptp-mcp: fixtures\/lint is not a snapshot folder: it has no snapshot.yaml, cluster\/ or nodes\//,
      ],
      [['diagnose', '--node', 'nobody'], /no node "nobody" in demo/],
      [['diagnose', '--last', 'soon'], /--last takes a duration/],
      [['diagnose', '--format', 'yaml'], /--format must be one of text, json/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = runBuiltCli(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toMatch(message);
      expect(stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
