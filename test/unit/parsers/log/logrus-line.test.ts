import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeLogText } from '../../../../core/analysis/log-analyzer.js';
import { packageRoot } from '../../../../core/package-root.js';
import { parseLogrusLine } from '../../../../core/parsers/log/logrus-line.js';
import { parseLogLine } from '../../../../core/parsers/log/parse-log-line.js';

// The demo's sidecar log: written by fixtures/generator/proxy-log.ts in logrus' text format, with the
// messages of redhat-cne/cloud-event-proxy (the shared corpus has no sidecar log of its own).
const SIDECAR_LOG = join(
  packageRoot(),
  'fixtures',
  'clusters',
  'demo',
  'nodes',
  'bc-2',
  'logs',
  'cloud-event-proxy.log',
);

describe('logrus lines (the cloud-event-proxy sidecar log)', () => {
  it('reads time, level and message of every line of a sidecar log', () => {
    const lines = readFileSync(SIDECAR_LOG, 'utf8').trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) {
      const parsed = parseLogrusLine(line);
      expect(parsed, line).toBeDefined();
      expect(parsed!.wall).toBe(Date.parse(/^time="([^"]+)"/.exec(line)![1]!));
      expect(['info', 'warning']).toContain(parsed!.level);
    }
    expect(parseLogrusLine(lines[2]!)?.message).toBe(
      'update ptp threshold values for t-bc_tbc-tt\n holdoverTimeout: 5\n maxThreshold: 100\n minThreshold: -100\n',
    );
  });

  it('unquotes Go %q messages, keeps the fields after them, and maps the levels', () => {
    expect(
      parseLogrusLine(
        String.raw`time="2026-11-20T08:00:01+02:00" level=error msg="error posting event at \"http://consumer:8080\" : \x41\u00e9\t!" component=rest`,
      ),
    ).toEqual({
      wall: Date.parse('2026-11-20T06:00:01Z'),
      level: 'error',
      message: 'error posting event at "http://consumer:8080" : Aé\t! component=rest',
    });
    expect(parseLogrusLine('time="2026-11-20T08:00:01Z" level=warning msg=plain')?.message).toBe('plain');
    expect(parseLogrusLine('time="2026-11-20T08:00:01Z" level=debug msg="x"')?.level).toBe('debug');
    expect(parseLogrusLine('time="2026-11-20T08:00:01Z" level=fatal msg="x"')?.level).toBe('error');
  });

  it('leaves other lines, unknown levels, bad times and cut quotes alone', () => {
    for (const line of [
      'I1120 08:00:00.100123  871479 event_tbc.go:339] current BC state: s2',
      'time="yesterday" level=info msg="x"',
      'time="2026-11-20T08:00:01Z" level=loud msg="x"',
      'time="2026-11-20T08:00:01Z" level=info msg="cut',
      'time="2026-11-20T08:00:01Z" level=info msg="bad \\q escape"',
      'time="2026-11-20T08:00:01Z" level=info msg="bad \\x4 escape"',
      'ts2phc[1.000]: [ts2phc.0.config:6] /dev/ptp10 offset 0 s2 freq +0',
    ]) {
      expect(parseLogrusLine(line), line).toBeUndefined();
    }
  });

  it('are messages of the cloud-event-proxy process, dated by a kubelet prefix when there is one', () => {
    const line =
      'time="2026-11-20T08:00:14Z" level=warning msg="ens2fx sync state , last ptp state is unknown"';
    expect(parseLogLine(line, 1)).toEqual({
      record: {
        kind: 'message',
        severity: 'warning',
        text: 'ens2fx sync state , last ptp state is unknown',
        line: 1,
        process: 'cloud-event-proxy',
        configTag: null,
        time: {},
      },
      clock: { wall: Date.parse('2026-11-20T08:00:14Z') },
    });
    expect(parseLogLine(`2026-11-20T08:00:14.250Z ${line}`, 1).clock).toEqual({
      wall: Date.parse('2026-11-20T08:00:14.250Z'),
    });
  });

  it('analyze as one process, all lines parsed', () => {
    const analysis = analyzeLogText(readFileSync(SIDECAR_LOG, 'utf8'));
    expect(analysis.lines.unparsed).toBe(0);
    expect(analysis.processes.map((p) => p.name)).toEqual(['cloud-event-proxy']);
    expect(analysis.timeRange.first).toEqual({ wall: Date.parse('2026-11-20T08:00:00Z') });
  });
});
