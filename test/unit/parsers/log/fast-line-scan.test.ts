import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDaemonLog } from '../../../../bench/logs/daemon-log-generator.js';
import { LogAnalyzer } from '../../../../core/analysis/log-analyzer.js';
import {
  newScannedKlog,
  newScannedOffset,
  newScannedPrefix,
  scanKlogHeader,
  scanOffsetLine,
  scanRfc3339Prefix,
} from '../../../../core/parsers/log/fast-line-scan.js';
import { feedText } from '../../../../core/parsers/log/line-splitter.js';
import { parseLogLine } from '../../../../core/parsers/log/parse-log-line.js';
import { describeCorpus, readCorpus } from '../../../corpus.js';

const LOGS = [
  'linuxptp-daemon/tbc-e810-holdover-recovery_daemon-log_excerpt.log',
  'linuxptp-daemon/tbc-e810-startup-ethtool-holdover-freerun_daemon-log_excerpt.log',
  'linuxptp-daemon/daemon-output-lines_unit-test-fixtures.log',
  'cloud-event-proxy/socket-lines_unit-test-fixtures.log',
  'vse-sync-collection-tools/tgm-e810-gnss-dpll_daemon-log_oc-logs-timestamps_2023.log',
];

/** The analysis through the fast paths (block) and through parseLogLine only (line by line). */
function bothWays(text: string) {
  const fast = new LogAnalyzer();
  feedText(fast, text);
  const slow = new LogAnalyzer();
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  for (const line of lines) slow.addLine(line.endsWith('\r') ? line.slice(0, -1) : line);
  return { fast: fast.finish(), slow: slow.finish() };
}

describeCorpus('fast line readers agree with parseLogLine on every corpus line', () => {
  for (const file of LOGS) {
    it(file, () => {
      const offset = newScannedOffset();
      const klog = newScannedKlog();
      let accepted = 0;
      for (const line of readCorpus(file).split('\n')) {
        const { record, clock } = parseLogLine(line, 1);
        const bytes = Buffer.from(line, 'latin1');
        if (scanOffsetLine(bytes, 0, bytes.length, offset)) {
          accepted++;
          expect(record).toMatchObject({
            kind: 'offset',
            process: offset.process,
            offset: offset.offset,
            freq: offset.freq,
          });
          expect(clock.mono).toBe(offset.mono);
          if (record.kind === 'offset') {
            expect(record.servo).toBe(`s${offset.servo}`);
            expect(record.delay ?? Number.NaN).toEqual(offset.delay);
            expect(record.configTag).toBe(
              offset.tagStart < 0 ? null : line.slice(offset.tagStart, offset.tagEnd),
            );
            expect(record.clock).toBe(
              offset.clockStart < 0 ? undefined : line.slice(offset.clockStart, offset.clockEnd),
            );
          }
        }
        if (scanKlogHeader(bytes, 0, bytes.length, klog)) {
          accepted++;
          expect(clock.yearless).toEqual({ month: klog.month, day: klog.day, msOfDay: klog.msOfDay });
        }
      }
      // The socket lines carry no klog header and Unix-second times; the 2023 log has an RFC3339 prefix on every line.
      if (file.startsWith('linuxptp-daemon/')) expect(accepted).toBeGreaterThan(0);
    });
  }

  for (const file of LOGS) {
    it(`whole analysis of ${file} is the same either way`, () => {
      const { fast, slow } = bothWays(readCorpus(file));
      expect(fast).toEqual(slow);
    });
  }
});

describe('fast and general paths on the benchmark log', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ptp-mcp-fast-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('give the same analysis of the log with an `oc logs --timestamps` prefix on every line', async () => {
    const file = join(dir, 'prefixed.log');
    await generateDaemonLog(file, 500_000);
    const start = Date.parse('2026-11-20T08:00:00Z');
    const prefixed = readFileSync(file, 'latin1')
      .split('\n')
      .map((line, i) =>
        line ? `${new Date(start + i * 31).toISOString().replace('Z', '123456Z')} ${line}` : line,
      )
      .join('\n');
    const { fast, slow } = bothWays(prefixed);
    expect(fast.lines.specific).toBeGreaterThan(2_000);
    expect(fast).toEqual(slow);
  });

  it('read the RFC3339 prefix as Date.parse does, and nothing else', () => {
    const prefix = newScannedPrefix();
    for (const text of [
      '2026-11-20T08:00:00.400861942Z x',
      '2026-11-20T08:00:00Z x',
      '2026-02-28T23:59:59.5Z x',
    ]) {
      expect(scanRfc3339Prefix(Buffer.from(text), 0, text.length, prefix)).toBe(true);
      expect(prefix.wall).toBe(Date.parse(text.slice(0, text.indexOf(' '))));
      expect(prefix.end).toBe(text.indexOf(' ') + 1);
    }
    for (const text of [
      '2026-11-20T08:00:00+02:00 x',
      '2026-11-20 08:00:00Z x',
      '2026-13-20T08:00:00Z x',
      '2026-11-20T08:00:00.Z x',
      '2026-11-20T08:00:00Zx',
    ]) {
      expect(scanRfc3339Prefix(Buffer.from(text), 0, text.length, prefix), text).toBe(false);
    }
  });

  it('give the same analysis of 2 MB of generated daemon log', async () => {
    const file = join(dir, 'daemon.log');
    await generateDaemonLog(file, 2_000_000);
    const { fast, slow } = bothWays(readFileSync(file, 'latin1'));
    expect(fast.lines.specific).toBeGreaterThan(10_000);
    expect(fast).toEqual(slow);
  });

  it('reject near misses', () => {
    const offset = newScannedOffset();
    for (const line of [
      'ptp4l[1.000]: [ptp4l.0.config:6] master offset summary: cnt=1, min=1, max=1, avg=1.00, SD=0.00',
      'ptp4l[1.000]: [ptp4l.0.config:6] master offset 5 s2 freq -1 path delay 9 extra',
      'ptp4l[1000]: [ptp4l.0.config] master offset 5 s2 freq -1 path delay 9',
      'ptp4l[1.000]: [ptp4l.0.config:{level}] master offset 5 s2 freq -1 path delay 9',
      'ts2phc[1.000]: [ts2phc.0.config] ens2f0 nmea_status 1 offset 0 s2',
      'phc2sys[1.000]: [ptp4l.0.config] CLOCK_REALTIME rms 4 max 4 freq -76829 +/- 0 delay 1085 +/- 0',
    ]) {
      expect(scanOffsetLine(Buffer.from(line), 0, line.length, offset), line).toBe(false);
    }
  });
});
