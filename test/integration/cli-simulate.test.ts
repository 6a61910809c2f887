import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuiltCli, startSimulateCli } from './cli-run.js';

/** `ptp-mcp simulate` as a user runs it, then the CLI against it as against a cluster. */
describe('ptp-mcp simulate, diagnose --source cluster, snapshot record (the built CLI)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ptp-mcp-sim-'));
  const kubeconfig = join(dir, 'kubeconfig');
  let simulator: ChildProcess;
  let stderr: () => string;

  beforeAll(async () => {
    const started = await startSimulateCli(['--scenario', 'gnss-loss', '--kubeconfig-out', kubeconfig]);
    simulator = started.process;
    stderr = started.stderr;
  });
  afterAll(() => simulator.kill('SIGINT'));

  it('prints where it serves and writes a kubeconfig with a token, readable by its owner only', () => {
    expect(stderr()).toMatch(
      /^simulating scenario:gnss-loss \(2 nodes at http:\/\/127\.0\.0\.1:\d+\); kubeconfig in .*; Ctrl-C stops/,
    );
    const text = readFileSync(kubeconfig, 'utf8');
    expect(text).toContain('current-context: ptp-mcp-simulate');
    expect(text).toMatch(/token: \S{20,}/);
  });

  it('is diagnosed as a live cluster, with --kubeconfig', () => {
    const {
      code,
      stdout,
      stderr: err,
    } = runBuiltCli(['diagnose', '--source', 'cluster', '--kubeconfig', kubeconfig, '--format', 'json']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.meta.origin).toBe('cluster');
    expect(report.findings.map((f: { rule: string }) => f.rule)).toEqual([
      'fault/no-locked-grandmaster',
      'fault/gnss-lost',
      'fault/clock-class-degraded',
      'fault/holdover-active',
    ]);
  });

  it('is recorded into a snapshot folder that replays to the same diagnosis', () => {
    const out = join(dir, 'recorded');
    const recorded = runBuiltCli(['snapshot', 'record', '--out', out, '--kubeconfig', kubeconfig]);
    expect(recorded.code).toBe(0);
    expect(recorded.stdout).toMatch(
      /^recorded 2 node\(s\) of ptp-mcp-simulate into .* \(\d+ files, data up to 2026-11-20T08:02:2\d\.\d+Z\); replay with --source dir:/,
    );
    expect(existsSync(join(out, 'nodes', 'gm-1', 'logs', 'linuxptp-daemon-container.log'))).toBe(true);
    expect(existsSync(join(out, 'nodes', 'gm-1', 'pmc', 'ptp4l.0.config.txt'))).toBe(true);
    const live = JSON.parse(
      runBuiltCli(['diagnose', '--source', 'cluster', '--kubeconfig', kubeconfig, '--format', 'json']).stdout,
    );
    const replay = JSON.parse(runBuiltCli(['diagnose', '--source', `dir:${out}`, '--format', 'json']).stdout);
    expect(replay.findings).toEqual(live.findings);
    expect(replay.nodes.map((n: { syncState: string }) => n.syncState)).toEqual(
      live.nodes.map((n: { syncState: string }) => n.syncState),
    );
    const again = runBuiltCli(['snapshot', 'record', '--out', out, '--kubeconfig', kubeconfig]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(
      'already holds a snapshot: record into a new folder, or replace it with --force',
    );
  });

  it('refuses to serve anywhere but loopback, and a kubeconfig that is not there', () => {
    const wide = runBuiltCli(['simulate', '--host', '0.0.0.0']);
    expect(wide.code).toBe(2);
    expect(wide.stderr).toContain('simulate serves on loopback only (got --host 0.0.0.0)');
    const missing = runBuiltCli(['diagnose', '--source', 'cluster', '--kubeconfig', join(dir, 'nope')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`ptp-mcp: no kubeconfig at ${join(dir, 'nope')}\n`);
  });
});
