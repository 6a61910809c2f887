import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { analyzeLogStream, analyzeLogText } from '../../../core/analysis/log-analyzer.js';
import type { ProcessTimeline } from '../../../core/model/process-timeline.js';
import { describeCorpus, readCorpus } from '../../corpus.js';

const TBC_RECOVERY = 'linuxptp-daemon/tbc-e810-holdover-recovery_daemon-log_excerpt.log';
const TBC_FREERUN = 'linuxptp-daemon/tbc-e810-startup-ethtool-holdover-freerun_daemon-log_excerpt.log';
const TGM_2023 = 'vse-sync-collection-tools/tgm-e810-gnss-dpll_daemon-log_oc-logs-timestamps_2023.log';
const SOCKET_FIXTURES = 'cloud-event-proxy/socket-lines_unit-test-fixtures.log';

function processOf(processes: ProcessTimeline[], name: string, configTag: string | null): ProcessTimeline {
  const found = processes.find((p) => p.name === name && p.configTag === configTag);
  if (!found) throw new Error(`no process ${name} ${configTag}`);
  return found;
}

const iso = (wall: number | undefined) => (wall === undefined ? undefined : new Date(wall).toISOString());

describeCorpus('logs of a real E810 T-BC (linuxptp-daemon 2025)', () => {
  const analysis = analyzeLogText(readCorpus(TBC_RECOVERY));

  it('understands every line but the build banner', () => {
    expect(analysis.lines).toMatchObject({ total: 11100, unparsed: 1, blank: 14 });
    expect(analysis.unparsedExamples[0]).toEqual({ line: 1, text: expect.stringMatching(/^Git commit:/) });
    expect(analysis.yearlessUnresolved).toBe(0);
  });

  it('tells the holdover story: class 6 → 135 → 6 and the T-BC state machine', () => {
    const classes = processOf(analysis.processes, 'ptp4l', 'ts2phc.1.config').clockClassChanges;
    expect(classes.map((c) => [c.previous, c.clockClass])).toEqual([
      [null, 6],
      [6, 135],
      [135, 6],
    ]);
    expect(iso(classes[1]!.time.wall)).toBe('2025-09-11T14:41:53.794Z');
    const fsm = processOf(analysis.processes, 'daemon', null).fsmTransitions;
    expect(fsm.map((t) => `${t.from}>${t.to}`)).toEqual([
      'FREERUN>LOCKED',
      'LOCKED>HOLDOVER',
      'HOLDOVER>LOCKED',
    ]);
    const tbc = processOf(analysis.processes, 'T-BC', 'ts2phc.1.config').stateChanges;
    expect(tbc.map((s) => s.to)).toEqual(['FREERUN', 'LOCKED', 'HOLDOVER', 'LOCKED']);
  });

  it('records the upstream port fault with the lines that caused it, no later than the klog line after it', () => {
    const ptp4l = processOf(analysis.processes, 'ptp4l', 'ptp4l.1.config');
    const fault = ptp4l.faults.find((f) => f.kind === 'portFaulty');
    // The two ptp4l lines printed in the same millisecond before `SLAVE to FAULTY` are its cause.
    expect(fault).toMatchObject({
      port: 1,
      iface: 'ens4f1',
      detail:
        'SLAVE to FAULTY on FAULT_DETECTED (FT_UNSPECIFIED) after "recvmsg tx timestamp failed: Resource temporarily unavailable", "send delay request failed"',
    });
    // `E0911 14:41:53.620082 … Failed to extract metrics …` follows the FAULTY line in the log.
    expect(fault!.time.wall).toBeLessThanOrEqual(Date.UTC(2025, 8, 11, 14, 41, 53, 620.082));
    expect(fault!.time.wall).toBeGreaterThan(Date.UTC(2025, 8, 11, 14, 41, 53, 500));
    expect(ptp4l.faults.map((f) => f.kind)).toEqual(
      expect.arrayContaining(['txTimestampFailed', 'sendFailed', 'portFaulty']),
    );
  });

  it('keeps the port transitions in time order and the GM identity changes', () => {
    const ptp4l = processOf(analysis.processes, 'ptp4l', 'ptp4l.1.config');
    const walls = ptp4l.portTransitions.map((t) => t.time.wall!);
    expect(walls).toEqual([...walls].sort((a, b) => a - b));
    expect(ptp4l.gmChanges.map((g) => g.gmIdentity)).toEqual([
      '507c6f.fffe.1fb16c',
      '507c6f.fffe.1fb1b9',
      '507c6f.fffe.1fb16c',
    ]);
    expect(ptp4l.gmChanges[1]!.local).toBe(true);
  });

  it('computes offset statistics of the locked servo', () => {
    const phc2sys = processOf(analysis.processes, 'phc2sys', 'ptp4l.1.config');
    expect(phc2sys.servo.s2).toBeGreaterThan(1900);
    expect(phc2sys.offset.count).toBe(
      phc2sys.servo.s0 + phc2sys.servo.s1 + phc2sys.servo.s2 + phc2sys.servo.s3,
    );
    expect(Math.abs(phc2sys.offset.mean!)).toBeLessThan(5);
    expect(phc2sys.offset.p99Abs).toBeGreaterThan(10);
    expect(phc2sys.offset.p99Abs).toBeLessThanOrEqual(Math.max(-phc2sys.offset.min!, phc2sys.offset.max!));
  });
});

describeCorpus('a T-BC whose holdover runs out (linuxptp-daemon 2025)', () => {
  it('ends in FREERUN with the daemon’s faulty offset', () => {
    const analysis = analyzeLogText(readCorpus(TBC_FREERUN));
    const tbc = processOf(analysis.processes, 'T-BC', 'ts2phc.1.config').stateChanges;
    expect(tbc.map((s) => s.to)).toEqual(['FREERUN', 'LOCKED', 'HOLDOVER', 'FREERUN']);
    expect(tbc.at(-1)!.offset).toBe(99_999_999_999);
  });
});

describeCorpus('a 2023 T-GM log with oc logs --timestamps', () => {
  it('dates every line from its prefix and sees GNSS, DPLL, ts2phc and phc2sys locked', async () => {
    const { analysis } = await analyzeLogStream(Readable.from([Buffer.from(readCorpus(TGM_2023))]));
    expect(analysis.lines).toMatchObject({ total: 1000, unparsed: 0 });
    expect(iso(analysis.timeRange.first!.wall)).toBe('2023-09-12T20:45:30.577Z');
    expect(processOf(analysis.processes, 'gnss', 'ts2phc.0.config').stateChanges).toMatchObject([
      { iface: 'ens6f0', to: 'LOCKED' },
    ]);
    expect(processOf(analysis.processes, 'dpll', 'ts2phc.0.config').stateChanges).toMatchObject([
      { to: 'LOCKED' },
    ]);
    const ts2phc = processOf(analysis.processes, 'ts2phc', 'ts2phc.0.config');
    expect(ts2phc.servo).toEqual({ s0: 0, s1: 0, s2: 29, s3: 0 });
    expect(processOf(analysis.processes, 'phc2sys', 'ptp4l.0.config').offset.count).toBe(457);
  });
});

describeCorpus('the lines cloud-event-proxy parses', () => {
  it('parses every fixture line; only the two comment lines stay unparsed', () => {
    const text = readCorpus(SOCKET_FIXTURES);
    const analysis = analyzeLogText(text);
    const comments = text.split('\n').filter((line) => line.startsWith('#')).length;
    expect(analysis.lines.unparsed).toBe(comments);
  });
});

describe('bad input', () => {
  it('an empty log has no process and no time range', () => {
    expect(analyzeLogText('')).toMatchObject({
      lines: { total: 0 },
      processes: [],
      timeRange: { first: null, last: null },
    });
  });

  it('binary garbage is counted as unparsed lines, with examples', async () => {
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    const { analysis } = await analyzeLogStream(Readable.from([garbage]));
    expect(analysis.lines.total).toBeGreaterThan(0);
    expect(analysis.lines.unparsed + analysis.lines.blank).toBe(analysis.lines.total);
    expect(analysis.unparsedExamples.length).toBeGreaterThan(0);
  });

  it('a log of only monotonic times stays undated but analyzed', () => {
    const analysis = analyzeLogText(
      [
        'ptp4l[10.000]: master offset 5 s0 freq +1 path delay 9',
        'ptp4l[11.000]: master offset 3 s2 freq +2 path delay 9',
      ].join('\n'),
    );
    const ptp4l = processOf(analysis.processes, 'ptp4l', null);
    expect(ptp4l.servoChanges.map((c) => c.to)).toEqual(['s0', 's2']);
    expect(ptp4l.firstTime).toEqual({ mono: 10 });
  });
});
