import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDaemonLog } from '../../../../bench/logs/daemon-log-generator.js';
import { LogAnalyzer } from '../../../../core/analysis/log-analyzer.js';
import { packageRoot } from '../../../../core/package-root.js';
import {
  BLANK_RECORD,
  COUNT_RECORD,
  DPLL_RECORD,
  GM_STATE_RECORD,
  HOLDOVER_RECORD,
  KLOG_RECORD,
  LineScanner,
  MESSAGE_RECORD,
  NOTICE_CODES,
  NOTICE_RECORD,
  PLAIN_RECORD,
  RMS_RECORD,
  SERVO_RECORD,
  STATE_RECORD,
} from '../../../../core/parsers/log/line-scanner.js';
import { feedText } from '../../../../core/parsers/log/line-splitter.js';
import { parseLogLine } from '../../../../core/parsers/log/parse-log-line.js';
import { Random } from '../../../../fixtures/generator/random.js';
import { describeCorpus, readCorpus } from '../../../corpus.js';

const LOGS = [
  'linuxptp-daemon/tbc-e810-holdover-recovery_daemon-log_excerpt.log',
  'linuxptp-daemon/tbc-e810-startup-ethtool-holdover-freerun_daemon-log_excerpt.log',
  'linuxptp-daemon/daemon-output-lines_unit-test-fixtures.log',
  'cloud-event-proxy/socket-lines_unit-test-fixtures.log',
  'vse-sync-collection-tools/tgm-e810-gnss-dpll_daemon-log_oc-logs-timestamps_2023.log',
];

const SYNC_STATES = ['FREERUN', 'HOLDOVER', 'LOCKED'];

const scanner = new LineScanner();

/** The record the scanner makes of one line, as plain values; null when it leaves the line alone. */
function scanOne(line: string) {
  const bytes = Buffer.from(`${line}\n`, 'utf8');
  scanner.newBlock();
  scanner.scan(bytes, 0, bytes.length);
  if (scanner.count === 0) return null;
  expect(scanner.count).toBe(1);
  return {
    kind: scanner.kind[0]!,
    name: scanner.name[0]! >= 0 ? scanner.nameOf(scanner.name[0]!) : null,
    state: scanner.state[0]!,
    aux: scanner.aux[0]!,
    flags: scanner.flags[0]!,
    mono: scanner.mono[0]!,
    wall: scanner.wall[0]!,
    offset: scanner.offset[0]!,
    freq: scanner.freq[0]!,
    time: scanner.time[0]!,
    auxName: scanner.kind[0] === STATE_RECORD ? scanner.nameOf(scanner.aux[0]!).text : null,
  };
}

/** The analysis through the scanner (block) and through parseLogLine only (line by line). */
function bothWays(text: string) {
  const fast = new LogAnalyzer();
  feedText(fast, text);
  const slow = new LogAnalyzer();
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  for (const line of lines) slow.addLine(line.endsWith('\r') ? line.slice(0, -1) : line);
  // What the bytes are (encoding, invalid UTF-8) is checked on blocks only, not line by line.
  const { text: _fastText, ...fastAnalysis } = fast.finish();
  const { text: _slowText, ...slowAnalysis } = slow.finish();
  return { fast: fastAnalysis, slow: slowAnalysis };
}

/** Holds a scanned record to what parseLogLine makes of the same line. */
function expectSameAsParser(line: string, scanned: NonNullable<ReturnType<typeof scanOne>>) {
  const { record, clock } = parseLogLine(line, 1);
  if (!Number.isNaN(scanned.wall)) expect(clock.wall).toBe(scanned.wall);
  else expect(clock.wall).toBeUndefined();
  switch (scanned.kind) {
    case SERVO_RECORD:
      expect(record).toMatchObject({
        kind: 'offset',
        process: scanned.name!.process,
        configTag: scanned.name!.text,
        offset: scanned.offset,
        freq: scanned.freq,
        servo: `s${scanned.state}`,
      });
      expect(clock.mono).toBe(scanned.mono);
      return;
    case NOTICE_RECORD:
      expect(record).toMatchObject({
        kind: 'notice',
        code: NOTICE_CODES[scanned.state],
        process: 'ts2phc',
        configTag: scanned.name!.text,
      });
      expect(clock.mono).toBe(scanned.mono);
      return;
    case MESSAGE_RECORD:
      // The message starts at aux (the line is ASCII: bytes are characters).
      expect(record).toEqual({
        kind: 'message',
        line: 1,
        process: scanned.name!.process,
        configTag: scanned.name!.text,
        time: {},
        text: line.slice(scanned.aux),
      });
      expect(clock.mono).toBe(scanned.mono);
      return;
    case KLOG_RECORD:
      expect(record).toMatchObject({ kind: 'message', process: 'daemon', configTag: null });
      break;
    case HOLDOVER_RECORD:
      expect(record).toMatchObject({
        kind: 'notice',
        code: 'holdoverProgress',
        process: 'daemon',
        configTag: null,
      });
      break;
    case DPLL_RECORD:
      expect(record).toMatchObject({
        kind: 'dpllDecision',
        process: 'daemon',
        iface: scanned.name!.text,
        state: SYNC_STATES[scanned.state],
        inSpec: scanned.flags >= 4,
        sourceLost: (scanned.flags & 2) !== 0,
        onHoldover: (scanned.flags & 1) !== 0,
      });
      break;
    case STATE_RECORD:
      expect(record).toMatchObject({
        kind: 'syncState',
        process: scanned.name!.process,
        configTag: scanned.name!.text,
        iface: scanned.auxName,
        state: SYNC_STATES[scanned.state],
      });
      expect(clock.unix).toBe(scanned.time);
      return;
    case RMS_RECORD:
      expect(record).toMatchObject({
        kind: 'rms',
        process: 'ptp4l',
        configTag: scanned.name!.text,
        rms: scanned.offset,
        max: scanned.freq,
      });
      expect(record).not.toHaveProperty('clock');
      expect(clock.mono).toBe(scanned.mono);
      return;
    case GM_STATE_RECORD:
      expect(record).toMatchObject({ kind: 'syncState', process: 'GM', state: SYNC_STATES[scanned.state] });
      expect(record).not.toHaveProperty('iface');
      break;
    case COUNT_RECORD:
      // A line the builder only counts: ptp4l's grand master role.
      expect(record).toMatchObject({
        kind: 'grandMasterRole',
        process: 'ptp4l',
        configTag: scanned.name!.text,
      });
      expect(clock.mono).toBe(scanned.mono);
      return;
    case PLAIN_RECORD:
      // No header: the analyzer makes it part of the daemon message before it, as it does an unparsed line.
      expect(record).toMatchObject({ kind: 'unparsed', text: line });
      expect(line.trim()).not.toBe('');
      return;
    case BLANK_RECORD:
      expect(line.trim()).toBe('');
      return;
    default:
      throw new Error(`unknown record kind ${scanned.kind}`);
  }
  // klog lines: the date of the header, unless a prefix dates the line.
  if (Number.isNaN(scanned.wall)) {
    expect(clock.yearless).toEqual({
      month: scanned.aux >> 8,
      day: scanned.aux & 0xff,
      msOfDay: scanned.time,
    });
  }
}

describeCorpus('the line scanner agrees with parseLogLine on every corpus line', () => {
  for (const file of LOGS) {
    it(file, () => {
      const kinds = new Set<number>();
      for (const raw of readCorpus(file).split('\n')) {
        const line = raw.replace(/\r$/, '');
        const scanned = scanOne(line);
        if (!scanned) continue;
        kinds.add(scanned.kind);
        expectSameAsParser(line, scanned);
      }
      // The socket lines carry no klog header and Unix-second times.
      if (file.startsWith('linuxptp-daemon/')) expect(kinds.has(SERVO_RECORD)).toBe(true);
      if (file.startsWith('linuxptp-daemon/tbc')) {
        expect(kinds.has(KLOG_RECORD)).toBe(true);
        expect(kinds.has(PLAIN_RECORD)).toBe(true);
      }
    });
  }

  for (const file of LOGS) {
    it(`whole analysis of ${file} is the same either way`, () => {
      const { fast, slow } = bothWays(readCorpus(file));
      expect(fast).toEqual(slow);
    });
  }
});

describe('the line scanner on the benchmark log', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ptp-mcp-scan-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads every frequent shape of a daemon log, each as parseLogLine does', async () => {
    const file = join(dir, 'shapes.log');
    await generateDaemonLog(file, 200_000);
    const kinds = new Map<number, number>();
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const scanned = scanOne(line);
      if (!scanned) continue;
      kinds.set(scanned.kind, (kinds.get(scanned.kind) ?? 0) + 1);
      expectSameAsParser(line, scanned);
    }
    for (const kind of [SERVO_RECORD, KLOG_RECORD, STATE_RECORD, NOTICE_RECORD, DPLL_RECORD]) {
      expect(kinds.get(kind), `records of kind ${kind}`).toBeGreaterThan(0);
    }
  });

  it('gives the same analysis of 2 MB of generated daemon log (one block over several windows)', async () => {
    const file = join(dir, 'daemon.log');
    await generateDaemonLog(file, 2_000_000);
    const { fast, slow } = bothWays(readFileSync(file, 'latin1'));
    expect(fast.lines.specific).toBeGreaterThan(10_000);
    expect(fast).toEqual(slow);
  });

  it('gives the same analysis with an `oc logs --timestamps` prefix on every line', async () => {
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
});

describe("the line scanner on the demo's daemon logs (fixtures/clusters/demo)", () => {
  const nodes = join(packageRoot(), 'fixtures', 'clusters', 'demo', 'nodes');
  const logOf = (node: string) =>
    readFileSync(join(nodes, node, 'logs', 'linuxptp-daemon-container.log'), 'latin1');
  // gm-1's log is recorded with `oc logs --timestamps` prefixes, the others without: `--source cluster`
  // asks for prefixes, so each is also read with one on every line.
  const prefixed = (text: string) => {
    const start = Date.parse('2026-11-20T08:00:00Z');
    return text
      .split('\n')
      .map((line, i) =>
        line && !/^\d{4}-/.test(line) ? `${new Date(start + i * 97).toISOString()} ${line}` : line,
      )
      .join('\n');
  };
  for (const node of readdirSync(nodes).sort()) {
    it(`${node}: the same analysis either way, as recorded and with a prefix on every line`, () => {
      for (const text of [logOf(node), prefixed(logOf(node))]) {
        const { fast, slow } = bothWays(text);
        expect(fast).toEqual(slow);
      }
    });
  }
});

describe('the line scanner, line by line', () => {
  const servo = 'ptp4l[1.000]: [ptp4l.0.config:6] master offset 5 s2 freq -1 path delay 9';

  it('reads the RFC3339 prefix as Date.parse does, and nothing else', () => {
    for (const prefix of [
      '2026-11-20T08:00:00.400861942Z',
      '2026-11-20T08:00:00Z',
      '2026-02-28T23:59:59.5Z',
    ]) {
      expect(scanOne(`${prefix} ${servo}`)?.wall).toBe(Date.parse(prefix));
    }
    for (const prefix of [
      '2026-11-20T08:00:00+02:00',
      '2026-11-20 08:00:00Z',
      '2026-13-20T08:00:00Z',
      '2026-11-20T08:00:00.Z',
      '0050-11-20T08:00:00Z',
    ]) {
      expect(scanOne(`${prefix} ${servo}`), prefix).toBeNull();
    }
    expect(scanOne(`2026-11-20T08:00:00Z${servo}`)).toBeNull();
  });

  it('leaves near misses to the general parser', () => {
    for (const line of [
      'ptp4l[1.000]: [ptp4l.0.config:6] master offset summary: cnt=1, min=1, max=1, avg=1.00, SD=0.00',
      'ptp4l[1.000]: [ptp4l.0.config:6] master offset 5 s2 freq -1 path delay 9 extra',
      'ptp4l[1000]: [ptp4l.0.config] master offset 5 s2 freq -1 path delay 9',
      'ptp4l[1.000]: [ptp4l.0.config:{level}] master offset 5 s2 freq -1 path delay 9',
      'ptp4l[1.000]: [ptp4l.0.cönfig:6] master offset 5 s2 freq -1 path delay 9',
      'ts2phc[1.000]: [ts2phc.0.config] ens2f0 nmea_status 1 offset 0 s2',
      'phc2sys[1.000]: [ptp4l.0.config] CLOCK_REALTIME rms 4 max 4 freq -76829 +/- 0 delay 1085 +/- 0',
      'ts2phc[1.000]: [ts2phc.0.config:7] adding tstamp 1763625600 to clock /dev/ptp10',
      'ts2phc[1.000]: [ts2phc.0.config:7] adding tstamp 1763625600.000000000 to clock /dev/ptp10 now',
      'ptp4l[1.000]: [ptp4l.0.config:7] adding tstamp 1763625600.000000000 to clock /dev/ptp10',
      'I1120 08:00:00.152123  871479 dpll.go:790] dpll event sent for (ens4f0): state s3, Offset 0, In spec true, Source ptp4l lost false, On holdover false',
      'I1120 08:00:00.152123  871479 dpll.go:790] dpll event sent for (ens4f0): state s2, Offset +0, In spec true, Source ptp4l lost false, On holdover false',
      'I1120 08:00:00.152123  871479 dpll.go:790] dpll event sent for (ens4f0): state s2, Offset 0, In spec true, Source  lost false, On holdover false',
      'I1120 08:00:00.152123  871479 dpll.go:790] dpll event sent for (ens4f0): state s2, Offset 0, In spec yes, Source ptp4l lost false, On holdover false',
      'I1120 08:00:00.152123  871479 dpll.go:790] dpll event sent for (): state s2, Offset 0, In spec true, Source ptp4l lost false, On holdover false',
      'I1120 08:00:00.100123  871479 event_tbc.go:339] BC FSM: LOCKED to HOLDOVER',
      'I1120 08:00:00.100123  871479 daemon.go:1007] ptp4l[1757601638]:[ptp4l.0.config] PTP_PROCESS_STATUS:1',
      'I1120 08:00:00.100123  871479 dpll.go:1] ens4f0-dpll decision: Status 3, Offset 0, In spec true, Source GNSS lost false, On holdover false',
      'dpll[1763625600]:[ts2phc.1.config] ens4f0 frequency_status 3 offset 0 phase_status 3 pps_status 1 s3',
      'dpll[0]:[ts2phc.1.config] ens4f0 frequency_status 3 offset 0 phase_status 3 pps_status 1 s2',
      '2026-11-20T08:00:00Z dpll[0]:[ts2phc.1.config] ens4f0 offset 0 s2',
    ]) {
      expect(scanOne(line), line).toBeNull();
    }
  });

  it("reads ptp4l's summary statistics lines as the parser does, and leaves their near misses", () => {
    const head = 'ptp4l[3172286.514]: [ptp4l.0.config:6] ';
    for (const line of [
      `${head}rms   53 max  111 freq -19187 +/-  23 delay  1060 +/-   2`,
      `${head}rms 250233 max 259183 freq     +0 +/-   0 delay  1060 +/-   2`,
      `${head}rms 4 max 4 freq +17 +/- 0`,
      `2026-11-20T08:00:05.941416307Z ${head}rms 53 max 111 freq -19187 +/- 23 delay 1060 +/- 2`,
    ]) {
      const scanned = scanOne(line);
      expect(scanned?.kind, line).toBe(RMS_RECORD);
      expectSameAsParser(line, scanned!);
    }
    for (const line of [
      `${head}rms 53 max 111 freq -19187 +/- 23 delay 1060 +/- 2 `,
      `${head}rms 53 max -111 freq -19187 +/- 23`,
      `${head}rms 53 max 111 freq -19187 +/- 23 delay 1060`,
      `${head}rms 53 maxx 111 freq -19187 +/- 23`,
      `${head}rms 53 max 111 freq - +/- 23`,
      `${head}CLOCK_REALTIME rms 4 max 4 freq -76829 +/- 0 delay 1085 +/- 0`,
      'phc2sys[1.000]: [ptp4l.0.config:6] rms 4 max 4 freq -76829 +/- 0',
    ]) {
      expect(scanOne(line), line).toBeNull();
    }
  });

  it("reads the T-GM's state summary of the daemon as the parser does, and leaves other states to it", () => {
    const head = 'I1120 08:00:05.941416 3329370 event.go:430] ';
    for (const line of [
      `${head}dpll State s2, gnss State s2, tsphc state s2, gm state s2,`,
      `${head}dpll State s1, gnss State s3, ts2phc state s0, gm state s1, more`,
      `2026-11-20T08:00:05.941416307Z ${head}dpll State s2, gnss State s2, tsphc state s2, gm state s0,`,
    ]) {
      const scanned = scanOne(line);
      expect(scanned?.kind, line).toBe(GM_STATE_RECORD);
      expectSameAsParser(line, scanned!);
    }
    for (const line of [
      `${head}dpll State s2, gnss State s2, tsphc state s2, gm state s3,`,
      `${head}dpll State s2, gnss State s2, tsphc state s2, gm state s2`,
      `${head}dpll State s2, gnss State sX, tsphc state s2, gm state s2,`,
      `${head}dpll State s2, gnss State s2, ts3phc state s2, gm state s2,`,
      `${head}dpll State s2, tsphc state s2, BC state s2, BC offset 3, gm state s2,`,
    ]) {
      const scanned = scanOne(line);
      expect(scanned?.kind === GM_STATE_RECORD, line).toBe(false);
    }
  });

  it("reads ts2phc's NMEA delay notices as the parser does, and leaves their near misses", () => {
    const head = 'ts2phc[1306914.534]: [ts2phc.0.config:6] ';
    for (const line of [
      `${head}nmea delay: 98765432 ns`,
      `${head}nmea delay: -12 ns`,
      `2026-11-20T08:00:05.941416307Z ${head}nmea delay: 0 ns`,
    ]) {
      const scanned = scanOne(line);
      expect(scanned?.kind, line).toBe(NOTICE_RECORD);
      expect(NOTICE_CODES[scanned!.state]).toBe('nmeaDelay');
      expectSameAsParser(line, scanned!);
    }
    for (const line of [
      `${head}nmea delay: 98765432 ns later`,
      `${head}nmea delay:  5 ns`,
      `${head}nmea delay: ns`,
      `${head}nmea delay: 5ns`,
      'ptp4l[1306914.534]: [ptp4l.0.config:6] nmea delay: 5 ns',
    ]) {
      expect(scanOne(line), line).toBeNull();
    }
  });

  it("reads ptp4l's grand master role and ts2phc's skipped pulses as the parser does, and leaves their near misses", () => {
    // Each once per state decision or pulse in the corpus T-BC logs (linuxptp 4.x port names; 3.1 has none).
    const ptp4l = 'ptp4l[1306905.436]: [ptp4l.0.config:5] ';
    const ts2phc = 'ts2phc[1306905.436]: [ts2phc.0.config:6] ';
    for (const line of [
      `${ptp4l}port 1 (ens4f0): assuming the grand master role`,
      `${ptp4l}port 12: assuming the grand master role  `,
      `2026-11-20T08:00:05.941416307Z ${ptp4l}port 2 (): assuming the grand master role`,
    ]) {
      const scanned = scanOne(line);
      expect(scanned?.kind, line).toBe(COUNT_RECORD);
      expectSameAsParser(line, scanned!);
    }
    for (const line of [
      `${ts2phc}ens4f0 SKIP extts index 0 at 1757601640.000000000`,
      `${ts2phc}x SKIP extts index 12 at 1.5`,
    ]) {
      const scanned = scanOne(line);
      expect(scanned?.kind, line).toBe(NOTICE_RECORD);
      expect(NOTICE_CODES[scanned!.state]).toBe('exttsSkipped');
      expectSameAsParser(line, scanned!);
    }
    for (const line of [
      `${ptp4l}port 1 (ens4f0): assuming the grand master role now`,
      `${ptp4l}port 1 (ens4f0):  assuming the grand master role`,
      `${ptp4l}port (ens4f0): assuming the grand master role`,
      `${ptp4l}port 1 (ens4f0) x): assuming the grand master role`,
      `${ptp4l}port 1 (ens4f0: assuming the grand master role`,
      `${ptp4l}port 1 (ens4f0): assuming the grand master role\t`,
      `${ts2phc}port 1 (ens4f0): assuming the grand master role`,
      `${ts2phc}ens4f0 SKIP extts index 0 at 1757601640.000000000 late`,
      `${ts2phc}ens4f0 SKIP extts index at 1757601640.000000000`,
      `${ts2phc}ens4f0  SKIP extts index 0 at 1757601640.000000000`,
      `${ts2phc}ens4f0 SKIP extts index 0 at 1757601640`,
      `${ptp4l}ens4f0 SKIP extts index 0 at 1757601640.000000000`,
    ]) {
      expect(scanOne(line), line).toBeNull();
    }
  });

  it('reads state lines behind an `oc logs --timestamps` prefix, dated by the prefix as the parser dates them', () => {
    // What `diagnose --source cluster` receives: the T-GM's and T-BC's state lines, every second.
    for (const line of [
      '2026-11-20T08:00:05.941416307Z gnss[1795161605]:[ts2phc.0.config] ens1f0 gnss_status 3 offset 5 s2',
      '2026-11-20T08:00:05.941416307Z GM[1795161605]:[ts2phc.0.config] ens1f0 T-GM-STATUS s2',
      '2026-11-20T08:00:05.941416307Z T-BC[1795161605]:[ts2phc.1.config] ens2f0 offset -3 T-BC-STATUS s2',
      '2026-11-20T08:00:05.941416307Z dpll[1795161605]:[ts2phc.1.config] ens2f0 frequency_status 3 offset -1 phase_status 3 pps_status 1 s2',
    ]) {
      const scanned = scanOne(line);
      expect(scanned?.kind, line).toBe(STATE_RECORD);
      expect(scanned?.wall).toBe(Date.parse('2026-11-20T08:00:05.941416307Z'));
      expectSameAsParser(line, scanned!);
    }
  });

  it('reads DPLL events with and without the source name, with text after them', () => {
    for (const source of ['ptp4l ', 'GNSS ', '']) {
      const line = `I1120 08:00:00.152123  871479 dpll.go:790] dpll event sent for (ens4f0): state s1, Offset -12, In spec false, Source ${source}lost true, On holdover false, more`;
      const scanned = scanOne(line);
      expect(scanned?.kind, line).toBe(DPLL_RECORD);
      expectSameAsParser(line, scanned!);
    }
  });

  it("reads ts2phc's config items as the plain messages the parser makes, and leaves its near misses", () => {
    const head = 'ts2phc[1306914.534]: [ts2phc.1.config:7] ';
    for (const line of [
      `${head}config item (null).domainNumber is 24`,
      `${head}config item (null).uds_address is '/var/run/ptp4l.1.socket'`,
      `2025-09-11T14:40:50.888661000Z ${head}config item ens4f0.ts2phc.master is 0`,
    ]) {
      const scanned = scanOne(line);
      expect(scanned?.kind, line).toBe(MESSAGE_RECORD);
      expectSameAsParser(line, scanned!);
    }
    for (const line of [
      `${head}config item x is ens4f0 offset 0 s2 freq -1`,
      `${head}config item x is ens4f0-dpll decision: Status 3, Offset 0, In spec true, Source GNSS lost false, On holdover false`,
      `${head}config item ens4f0 is s2`,
      `${head}config item ens4f0 is 2 `,
      `${head}config item ens4f0 is ünicode`,
      `${head} config item ens4f0 is 2`,
      'ptp4l[1306914.534]: [ptp4l.1.config:7] config item (null).domainNumber is 24',
    ]) {
      expect(scanOne(line), line).toBeNull();
    }
  });

  it('reads the DPLL holdover progress as the notice the parser makes, and leaves its near misses', () => {
    const klog = 'I0911 14:41:55.799883  871479 dpll.go:885] ';
    for (const message of [
      '(ens4f0) time since holdover start 1.000094, offset 0 nanosecond holdover true',
      '(a)b) time since holdover start 12, offset -35 nanoseconds',
      '(ens4f0) time since holdover start ., offset 7 nanosecond',
    ]) {
      const scanned = scanOne(`${klog}${message}`);
      expect(scanned?.kind, message).toBe(HOLDOVER_RECORD);
      expectSameAsParser(`${klog}${message}`, scanned!);
    }
    for (const message of [
      '() time since holdover start 1.0, offset 0 nanosecond',
      '(ens4f0)  time since holdover start 1.0, offset 0 nanosecond',
      '(ens\t4f0) time since holdover start 1.0, offset 0 nanosecond',
      '(ens4f0) time since holdover start , offset 0 nanosecond',
      '(ens4f0) time since holdover start 1.0, offset - nanosecond',
      '(ens4f0) time since holdover start 1.0, offset 0 nanosec',
      '(ens4f0) time since holdover start 1.0,offset 0 nanosecond',
      '(ens4f0 time since holdover start 1.0, offset 0 nanosecond',
    ]) {
      // Not a holdover progress for either reader: a message of the daemon, left to the general parser.
      expect(scanOne(`${klog}${message}`), message).toBeNull();
      expect(parseLogLine(`${klog}${message}`, 1).record.kind, message).toBe('message');
    }
  });
  it('numbers names anew for another log (a scanner reused by the next analyzer on a thread)', () => {
    const servoOf = (tag: string) => `ptp4l[1.000]: [${tag}:6] master offset 5 s2 freq -1 path delay 9`;
    const own = new LineScanner();
    const scanned = (line: string) => {
      const bytes = Buffer.from(`${line}\n`);
      own.newBlock();
      own.scan(bytes, 0, bytes.length);
      return own.count === 1 ? own.nameOf(own.name[0]!) : null;
    };
    for (let i = 0; i < 128; i++) scanned(servoOf(`ptp4l.${i}.config`));
    // The table (128 names) is full: a new name's line is left to the general parser.
    expect(scanned(servoOf('ptp4l.other.config'))).toBeNull();
    own.forgetNames();
    expect(scanned(servoOf('ptp4l.other.config'))).toEqual({ process: 'ptp4l', text: 'ptp4l.other.config' });
    expect(own.name[0]).toBe(0);
  });

  it('gives the same analysis when names overflow its table or are not ASCII', () => {
    const lines: string[] = [];
    for (let i = 0; i < 300; i++) {
      const tag = i % 3 === 0 ? `ptp4l.${i}.cönfig` : `ptp4l.${i}.config`;
      lines.push(`ptp4l[${1000 + i}.000]: [${tag}:6] master offset ${i} s2 freq -1 path delay 9`);
      lines.push(`dpll[${1763625600 + i}]:[ts2phc.${i}.config] ens${i}f0 offset 0 s2`);
    }
    const { fast, slow } = bothWays(`${lines.join('\n')}\n`);
    expect(fast.processes.length).toBe(600);
    expect(fast).toEqual(slow);
  });
});

const NOISE = [
  ' ',
  '  ',
  '-',
  '+',
  '.',
  ':',
  ']',
  '[',
  '0',
  '9',
  's',
  'x',
  '\t',
  '\r',
  'é',
  '\u0000',
  '99999999999999999999',
];

/** Near-miss variants of real lines: characters replaced, noise inserted, lines cut (seeded: the same each run). */
function mutatedLog(lines: string[], seed: number, prefixed: boolean): string {
  const rng = new Random(seed);
  const start = Date.parse('2026-11-20T08:00:00Z');
  const mutated: string[] = [];
  for (let i = 0; i < 6000; i++) {
    // Runs of consecutive lines keep multi-line messages (a daemon message and the lines continuing it).
    const from = Math.floor(rng.next() * lines.length);
    for (let k = 0; k < 4 && mutated.length < 6000; k++) {
      const original = lines[(from + k) % lines.length]!;
      const line = prefixed ? `${new Date(start + mutated.length * 31).toISOString()} ${original}` : original;
      const at = Math.floor(rng.next() * line.length);
      const noise = rng.pick(NOISE);
      const choice = rng.next();
      // Replace a character, insert noise, cut the line, or keep it as it is (the baseline).
      if (choice < 0.35) mutated.push(line.slice(0, at) + noise + line.slice(at + 1));
      else if (choice < 0.7) mutated.push(line.slice(0, at) + noise + line.slice(at));
      else if (choice < 0.85) mutated.push(line.slice(0, at));
      else mutated.push(line);
    }
  }
  return `${mutated.slice(0, 6000).join('\n')}\n`;
}

describe('the line scanner on mutated lines', () => {
  for (const [seed, prefixed] of [
    [1588, false],
    [8275, false],
    [2026, true],
  ] as const) {
    it(`gives the same analysis as parseLogLine for thousands of near-miss variants of real lines (seed ${seed}${prefixed ? ', behind `oc logs --timestamps`' : ''})`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'ptp-mcp-mutate-'));
      try {
        const file = join(dir, 'daemon.log');
        await generateDaemonLog(file, 120_000);
        const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
        const { fast, slow } = bothWays(mutatedLog(lines, seed, prefixed));
        expect(fast.lines.total).toBe(6000);
        expect(fast).toEqual(slow);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});

describe("the line scanner on mutated lines of the demo's T-GM and T-TSC logs (state, NMEA and rms lines)", () => {
  for (const [node, seed] of [
    ['gm-1', 5],
    ['worker-2', 6],
  ] as const) {
    it(`${node}, seed ${seed}`, () => {
      const file = join(
        packageRoot(),
        'fixtures',
        'clusters',
        'demo',
        'nodes',
        node,
        'logs',
        'linuxptp-daemon-container.log',
      );
      const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
      const { fast, slow } = bothWays(mutatedLog(lines, seed, false));
      expect(fast.lines.total).toBe(6000);
      expect(fast).toEqual(slow);
    });
  }
});

describeCorpus('the line scanner on mutated lines of the real T-BC logs', () => {
  for (const [file, seed, prefixed] of [
    [LOGS[0]!, 1, false],
    [LOGS[1]!, 2, false],
    [LOGS[0]!, 3, true],
    [LOGS[1]!, 4, true],
  ] as const) {
    it(`${file}, seed ${seed}${prefixed ? ', behind `oc logs --timestamps`' : ''}`, () => {
      const lines = readCorpus(file).trimEnd().split('\n');
      const { fast, slow } = bothWays(mutatedLog(lines, seed, prefixed));
      expect(fast.lines.total).toBe(6000);
      expect(fast).toEqual(slow);
    });
  }
});
