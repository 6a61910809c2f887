import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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

  it('reads a large stdin in pieces on all cores, as it reads the file on one thread', async () => {
    const file = join(dir, 'stdin.log');
    await generateDaemonLog(file, 12_000_000);
    // A line longer than the line limit, across many chunks of the pipe, and CRLF lines.
    const text = readFileSync(file, 'utf8').split('\n');
    text.splice(
      30_000,
      0,
      `ptp4l[1.000]: ${'x'.repeat(300_000)}`,
      'ptp4l[2.000]: master offset 1 s2 freq +1 path delay 9\r',
    );
    writeFileSync(file, text.join('\n'));
    const one = JSON.parse(runBuiltCli(['logs', 'analyze', file, '--format', 'json', '--jobs', '1']).stdout);
    const piped = runBuiltCli(['logs', 'analyze', '-', '--format', 'json'], readFileSync(file));
    expect(piped.code).toBe(0);
    const pieces = JSON.parse(piped.stdout);
    expect(pieces.lines).toEqual(one.lines);
    expect(pieces.lines.truncated).toBe(1);
    // A piece dates monotonic lines by the bounds it sees itself: those times may differ by milliseconds.
    const withoutMonoTimes = (value: unknown): unknown =>
      JSON.parse(
        JSON.stringify(value, (_key, inner) =>
          inner && typeof inner === 'object' && 'mono' in inner ? { ...inner, time: undefined } : inner,
        ),
      );
    expect(withoutMonoTimes({ ...pieces, source: undefined })).toEqual(
      withoutMonoTimes({ ...one, source: undefined }),
    );
  });

  it('refuses binary data with exit 2, naming it', () => {
    const file = join(dir, 'garbage.bin');
    writeFileSync(file, Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 2654435761) % 256)));
    const { code, stdout, stderr } = runBuiltCli(['logs', 'analyze', file, '--format', 'json']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`ptp-mcp: ${file}: is binary data (NUL bytes), not UTF-8 text\n`);
  });

  it('handles an empty file, CRLF and a 10 MB line', () => {
    const empty = join(dir, 'empty.log');
    writeFileSync(empty, '');
    const emptyRun = runBuiltCli(['logs', 'analyze', empty, '--format', 'json']);
    expect(JSON.parse(emptyRun.stdout).lines.total).toBe(0);
    expect(emptyRun.stderr).toBe(`warning: ${empty}: is empty: no lines to analyze\n`);
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
    const longRun = runBuiltCli(['logs', 'analyze', long, '--format', 'json']);
    expect(longRun.stderr).toBe(
      `warning: ${long}: 1 line too long (over 64 KB): only the start of each read\n`,
    );
    const longReport = JSON.parse(longRun.stdout);
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

describe('ptp-mcp logs analyze reads only what it can read safely, and says what is odd', () => {
  const servo = (mono: number, offset: number) =>
    `ptp4l[${mono}.000]: [ptp4l.0.config:6] master offset ${offset} s2 freq +1 path delay 9`;

  it('refuses a FIFO and a device at once, naming them, instead of waiting', () => {
    const fifo = join(dir, 'daemon.fifo');
    execFileSync('mkfifo', [fifo]);
    const zero = join(dir, 'zero.log');
    symlinkSync('/dev/zero', zero);
    for (const [file, kind] of [
      [fifo, 'a FIFO (named pipe)'],
      [zero, 'a character device'],
    ]) {
      const { code, stdout, stderr } = runBuiltCli(['logs', 'analyze', file!]);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toBe(`ptp-mcp: ${file}: is ${kind}, not a regular file: not read\n`);
    }
  });

  it('takes stdin only when asked with "-"', () => {
    const { code, stderr } = runBuiltCli(['logs', 'analyze'], `${servo(1, 5)}\n`);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^ptp-mcp: logs analyze takes one file \(or - for stdin\)/);
  });

  it('names UTF-16 in a file and on stdin, with how to convert it (exit 2)', () => {
    const text = `${servo(1, 5)}\n${servo(2, 7)}\n`;
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const file = join(dir, 'utf16.log');
    writeFileSync(file, utf16);
    const hint =
      'is UTF-16 (little-endian) text; ptp-mcp reads UTF-8: convert it first (iconv -f UTF-16LE -t UTF-8)';
    const fromFile = runBuiltCli(['logs', 'analyze', file]);
    expect(fromFile).toMatchObject({ code: 2, stdout: '', stderr: `ptp-mcp: ${file}: ${hint}\n` });
    const fromStdin = runBuiltCli(['logs', 'analyze', '-'], utf16);
    expect(fromStdin).toMatchObject({ code: 2, stdout: '', stderr: `ptp-mcp: stdin: ${hint}\n` });
  });

  it('counts lines with invalid UTF-8 and warns with the first, then goes on', () => {
    const file = join(dir, 'latin1.log');
    const lines = [servo(1, 5), servo(2, 6), 'ptp4l[3.000]: caf\xe9', servo(4, 7), 'bad \xc3', servo(5, 8)];
    writeFileSync(file, Buffer.from(`${lines.join('\n')}\n`, 'latin1'));
    const { code, stdout, stderr } = runBuiltCli(['logs', 'analyze', file, '--format', 'json']);
    expect(code).toBe(0);
    const warning = '2 lines with bytes that are not valid UTF-8 (read as U+FFFD), the first at line 3';
    expect(stderr).toBe(`warning: ${file}: ${warning}\n`);
    const report = JSON.parse(stdout);
    expect(report.text).toEqual({ encoding: 'utf-8', invalidUtf8Lines: 2, firstInvalidUtf8Line: 3 });
    expect(report.warnings).toEqual([warning]);
    const ptp4l = report.processes.find((p: { configTag: string }) => p.configTag === 'ptp4l.0.config');
    expect(ptp4l.offset).toMatchObject({ count: 4, min: 5, max: 8 });
  });

  it('warns where time goes back and shows the range from the earliest to the latest time', () => {
    const klog = (time: string, text: string) => `I1120 ${time}  4242 daemon.go:1] ${text}`;
    const lines = [
      `2026-11-20T08:00:00.000Z ${klog('08:00:00.000000', 'start')}`,
      `2026-11-20T08:00:10.000Z ${klog('08:00:10.000000', 'later')}`,
      // Relayed slightly out of order: no warning.
      `2026-11-20T08:00:09.500Z ${klog('08:00:09.500000', 'a bit earlier')}`,
      `2026-11-20T08:00:20.000Z ${klog('08:00:20.000000', 'later still')}`,
      // The node's clock set back by five minutes.
      `2026-11-20T07:55:20.000Z ${klog('07:55:20.000000', 'clock set back')}`,
      `2026-11-20T07:55:30.000Z ${klog('07:55:30.000000', 'goes on')}`,
    ];
    const file = join(dir, 'backwards.log');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const { code, stdout, stderr } = runBuiltCli(['logs', 'analyze', file, '--format', 'json']);
    expect(code).toBe(0);
    expect(stderr).toBe(
      `warning: ${file}: time goes back 1 time by more than 2 s (5 min first at line 5, ` +
        '2026-11-20T08:00:20.000Z → 2026-11-20T07:55:20.000Z): a clock set back, or files joined out of order\n',
    );
    const report = JSON.parse(stdout);
    expect(report.timeRange).toEqual({
      first: { time: '2026-11-20T07:55:20.000Z' },
      last: { time: '2026-11-20T08:00:20.000Z' },
    });
    expect(report.timeOrder).toEqual({
      stepsBack: 1,
      first: { line: 5, from: '2026-11-20T08:00:20.000Z', to: '2026-11-20T07:55:20.000Z', backSeconds: 300 },
      largest: {
        line: 5,
        from: '2026-11-20T08:00:20.000Z',
        to: '2026-11-20T07:55:20.000Z',
        backSeconds: 300,
      },
    });
  });
});
