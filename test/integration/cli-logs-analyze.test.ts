import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDaemonLog } from '../../bench/logs/daemon-log-generator.js';
import { corpusPath, describeCorpus, readCorpus } from '../corpus.js';
import { runBuiltCli } from './cli-run.js';

const dir = mkdtempSync(join(tmpdir(), 'ptp-mcp-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeCorpus('ptp-mcp logs analyze on real logs', () => {
  it('prints the JSON the issue asks for', () => {
    const { code, stdout } = runBuiltCli([
      'logs',
      'analyze',
      corpusPath('linuxptp-daemon/tbc-e810-holdover-recovery_daemon-log_excerpt.log'),
      '--format',
      'json',
    ]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.lines).toMatchObject({ total: 11100, unparsed: 1 });
    const ptp4l = report.processes.find(
      (p: { name: string; configTag: string }) => p.configTag === 'ptp4l.1.config' && p.name === 'ptp4l',
    );
    expect(Object.keys(ptp4l)).toEqual(
      expect.arrayContaining([
        'name',
        'configTag',
        'servo',
        'offset',
        'portTransitions',
        'faults',
        'gmChanges',
        'clockClassChanges',
      ]),
    );
    expect(ptp4l.offset).toEqual(
      expect.objectContaining({
        count: expect.any(Number),
        min: expect.any(Number),
        max: expect.any(Number),
        mean: expect.any(Number),
        stddev: expect.any(Number),
      }),
    );
    expect(ptp4l.portTransitions[0]).toEqual(
      expect.objectContaining({
        time: expect.stringMatching(/^2025-09-11T/),
        port: 1,
        from: 'INITIALIZING',
        to: 'LISTENING',
        event: 'INIT_COMPLETE',
      }),
    );
    expect(ptp4l.gmChanges[0]).toEqual(
      expect.objectContaining({ time: expect.any(String), gmIdentity: '507c6f.fffe.1fb16c' }),
    );
  });

  it('reads stdin with "-" and renders text', () => {
    const { code, stdout } = runBuiltCli(
      ['logs', 'analyze', '-'],
      readCorpus('vse-sync-collection-tools/tgm-e810-gnss-dpll_daemon-log_oc-logs-timestamps_2023.log'),
    );
    expect(code).toBe(0);
    expect(stdout).toContain('lines: 1000 total, 1000 parsed');
    expect(stdout).toMatch(/gnss\s+ts2phc\.0\.config/);
  });
});

describe('ptp-mcp logs analyze on large and bad input', () => {
  it('gives the same answer on one thread and on two', async () => {
    const file = join(dir, 'daemon.log');
    await generateDaemonLog(file, 24_000_000);
    const one = JSON.parse(runBuiltCli(['logs', 'analyze', file, '--format', 'json', '--jobs', '1']).stdout);
    const two = JSON.parse(runBuiltCli(['logs', 'analyze', file, '--format', 'json', '--jobs', '2']).stdout);
    expect(two.lines).toEqual(one.lines);
    for (const process of one.processes) {
      const other = two.processes.find(
        (p: { name: string; configTag: string }) =>
          p.name === process.name && p.configTag === process.configTag,
      );
      expect(other.offset).toEqual(process.offset);
      expect(other.servo).toEqual(process.servo);
      expect(other.portTransitions.map((t: { line: number }) => t.line)).toEqual(
        process.portTransitions.map((t: { line: number }) => t.line),
      );
      expect(other.clockClassChanges.map((c: { clockClass: number }) => c.clockClass)).toEqual(
        process.clockClassChanges.map((c: { clockClass: number }) => c.clockClass),
      );
    }
  });

  it('counts binary garbage as unparsed and exits 0', () => {
    const file = join(dir, 'garbage.bin');
    writeFileSync(file, Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 2654435761) % 256)));
    const { code, stdout } = runBuiltCli(['logs', 'analyze', file, '--format', 'json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.lines.unparsed).toBeGreaterThan(0);
    expect(report.lines.parsed).toBe(0);
  });

  it('handles an empty file, CRLF and a 10 MB line', () => {
    const empty = join(dir, 'empty.log');
    writeFileSync(empty, '');
    expect(JSON.parse(runBuiltCli(['logs', 'analyze', empty, '--format', 'json']).stdout).lines.total).toBe(
      0,
    );
    const crlf = join(dir, 'crlf.log');
    writeFileSync(
      crlf,
      'ptp4l[1.000]: master offset 5 s2 freq +1 path delay 9\r\nptp4l[2.000]: master offset 7 s2 freq +1 path delay 9\r\n',
    );
    const report = JSON.parse(runBuiltCli(['logs', 'analyze', crlf, '--format', 'json']).stdout);
    expect(report.processes[0].offset).toMatchObject({ count: 2, min: 5, max: 7 });
    const long = join(dir, 'long.log');
    writeFileSync(
      long,
      `${'x'.repeat(10 * 1024 * 1024)}\nptp4l[1.000]: master offset 5 s2 freq +1 path delay 9\n`,
    );
    const longReport = JSON.parse(runBuiltCli(['logs', 'analyze', long, '--format', 'json']).stdout);
    expect(longReport.lines).toMatchObject({ total: 2, truncated: 1, unparsed: 1, specific: 1 });
  });

  it('refuses a missing file, a directory and a bad option with exit 2 and one line', () => {
    for (const args of [
      ['logs', 'analyze', join(dir, 'none.log')],
      ['logs', 'analyze', dir],
      ['logs', 'analyze', 'x', '--format', 'xml'],
    ]) {
      const { code, stderr } = runBuiltCli(args);
      expect(code).toBe(2);
      expect(stderr).toMatch(/^ptp-mcp: /);
      expect(stderr).not.toMatch(/\n\s+at /);
    }
  });
});
