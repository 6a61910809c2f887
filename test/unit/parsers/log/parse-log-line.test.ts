import { describe, expect, it } from 'vitest';
import type { LogRecord } from '../../../../core/model/log-record.js';
import { parseLogLine } from '../../../../core/parsers/log/parse-log-line.js';
import { corpusLine, describeCorpus } from '../../../corpus.js';

const TBC_RECOVERY = 'linuxptp-daemon/tbc-e810-holdover-recovery_daemon-log_excerpt.log';
const TBC_FREERUN = 'linuxptp-daemon/tbc-e810-startup-ethtool-holdover-freerun_daemon-log_excerpt.log';
const TGM_2023 = 'vse-sync-collection-tools/tgm-e810-gnss-dpll_daemon-log_oc-logs-timestamps_2023.log';
const DAEMON_FIXTURES = 'linuxptp-daemon/daemon-output-lines_unit-test-fixtures.log';
const SOCKET_FIXTURES = 'cloud-event-proxy/socket-lines_unit-test-fixtures.log';
const SEED_SYNTHETIC =
  'seed-repos/ptp-mcp-server/daemon-log-lines_synthetic-unit-fixtures_tests-conftest.log';
const SEED_CLUSTER = 'seed-repos/ptp-mcp-server/daemon-log-lines_cluster-sample_test_ptp_server.log';
const BLOG = 'meiyanblog/ocp-ptp-gm-troubleshooting_command-outputs.txt';

function parse(line: string): LogRecord {
  return parseLogLine(line, 7).record;
}

function parseCorpus(file: string, needle: string | RegExp): LogRecord {
  return parse(corpusLine(file, needle));
}

describeCorpus('ptp4l lines (real samples)', () => {
  it('per-sync offset with a level tag: servo state, signed freq, path delay, monotonic time', () => {
    const { record, clock } = parseLogLine(
      corpusLine(TBC_RECOVERY, /^ptp4l\[.*master offset +-\d+ s2 freq +-[1-9]/),
      3,
    );
    expect(record).toMatchObject({
      kind: 'offset',
      process: 'ptp4l',
      configTag: 'ptp4l.1.config',
      source: 'master',
      servo: 's2',
      line: 3,
    });
    if (record.kind !== 'offset') throw new Error('not an offset');
    expect(record.offset).toBeLessThan(0);
    expect(record.freq).toBeLessThan(0);
    expect(record.delay).toBeGreaterThan(1000);
    expect(clock.mono).toBeGreaterThan(1_306_000);
  });

  it('offset during convergence keeps s0 and the sign of freq', () => {
    const record = parseCorpus(TBC_RECOVERY, / s0 freq +-[1-9]/);
    expect(record).toMatchObject({ kind: 'offset', servo: 's0' });
    expect(record.kind === 'offset' && record.freq).toBeLessThan(0);
  });

  it('rms summary with delay', () => {
    const record = parseCorpus(DAEMON_FIXTURES, 'ptp4l[74737.942]');
    expect(record).toEqual(
      expect.objectContaining({
        kind: 'rms',
        rms: 53,
        max: 74,
        freq: -16642,
        freqStddev: 40,
        delay: 1089,
        delayStddev: 20,
      }),
    );
  });

  it('port transition to FAULTY with the fault type', () => {
    const record = parseCorpus(TBC_RECOVERY, 'SLAVE to FAULTY on FAULT_DETECTED');
    expect(record).toMatchObject({
      kind: 'portState',
      port: 1,
      iface: 'ens4f1',
      from: 'SLAVE',
      to: 'FAULTY',
      event: 'FAULT_DETECTED',
      fault: 'FT_UNSPECIFIED',
    });
  });

  it('port transition of a UDS pseudo-port', () => {
    const record = parseCorpus(TBC_RECOVERY, 'port 0 (/var/run/ptp4lro): INITIALIZING to LISTENING');
    expect(record).toMatchObject({
      kind: 'portState',
      port: 0,
      iface: '/var/run/ptp4lro',
      from: 'INITIALIZING',
      to: 'LISTENING',
      event: 'INIT_COMPLETE',
    });
  });

  it('old linuxptp port transition without the interface name', () => {
    const record = parseCorpus(BLOG, 'port 1: LISTENING to MASTER on ANNOUNCE_RECEIPT_TIMEOUT_EXPIRES');
    expect(record).toMatchObject({
      kind: 'portState',
      port: 1,
      to: 'MASTER',
      event: 'ANNOUNCE_RECEIPT_TIMEOUT_EXPIRES',
    });
    expect(record.kind === 'portState' && record.iface).toBeUndefined();
  });

  it('selected best master clock and selected local clock', () => {
    expect(parseCorpus(TBC_RECOVERY, 'selected best master clock')).toMatchObject({
      kind: 'bestMaster',
      clockIdentity: '507c6f.fffe.1fb16c',
      local: false,
    });
    expect(parseCorpus(BLOG, 'selected local clock')).toMatchObject({
      kind: 'bestMaster',
      clockIdentity: '507c6f.fffe.1fb2c8',
      local: true,
    });
  });

  it('assuming the grand master role and new foreign master', () => {
    expect(parseCorpus(TBC_RECOVERY, 'assuming the grand master role')).toMatchObject({
      kind: 'grandMasterRole',
      port: expect.any(Number),
      iface: expect.stringMatching(/^ens/),
    });
    expect(parseCorpus(TBC_RECOVERY, 'new foreign master')).toMatchObject({
      kind: 'foreignMaster',
      port: 1,
      iface: 'ens4f1',
      portIdentity: expect.stringMatching(/^[0-9a-f]{6}\.fffe\.[0-9a-f]{6}-\d+$/),
    });
  });

  it('clock_class_threshold rejection, jbod, tx timestamp failure and a failed send', () => {
    expect(parseCorpus(TBC_RECOVERY, 'Master clock quality received')).toMatchObject({
      kind: 'notice',
      code: 'clockClassRejected',
      port: 1,
      iface: 'ens4f1',
    });
    expect(parseCorpus(TBC_RECOVERY, 'just a bunch of devices')).toMatchObject({
      kind: 'notice',
      code: 'jbod',
    });
    expect(parseCorpus(TBC_RECOVERY, 'recvmsg tx timestamp failed')).toMatchObject({
      kind: 'notice',
      code: 'txTimestampFailed',
    });
    expect(parseCorpus(TBC_RECOVERY, 'send delay request failed')).toMatchObject({
      kind: 'notice',
      code: 'sendFailed',
      iface: 'ens4f1',
    });
  });

  it('tx timestamp time-out and a clock jump', () => {
    expect(parseCorpus(SEED_SYNTHETIC, 'timed out while polling for tx timestamp')).toMatchObject({
      kind: 'notice',
      code: 'txTimestampTimeout',
    });
    expect(parseCorpus(SEED_SYNTHETIC, 'clockcheck: clock jumped backwards')).toMatchObject({
      kind: 'clockJump',
      direction: 'backward',
    });
  });

  it('selected /dev/ptpN as PTP clock', () => {
    expect(parseCorpus(BLOG, 'selected /dev/ptp5 as PTP clock')).toMatchObject({
      kind: 'notice',
      code: 'phcSelected',
    });
  });

  it('the level placeholder and a phc2sys tag on a ptp4l line', () => {
    const record = parseCorpus(DAEMON_FIXTURES, '[phc2sys.1.config:{level}]');
    expect(record).toMatchObject({
      kind: 'offset',
      process: 'ptp4l',
      configTag: 'phc2sys.1.config',
      offset: -4,
    });
  });
});

describeCorpus('phc2sys lines (real samples)', () => {
  it('CLOCK_REALTIME phc offset with delay', () => {
    const record = parseCorpus(TBC_RECOVERY, 'CLOCK_REALTIME phc offset');
    expect(record).toMatchObject({
      kind: 'offset',
      process: 'phc2sys',
      clock: 'CLOCK_REALTIME',
      source: 'phc',
      configTag: 'ptp4l.1.config',
    });
    expect(record.kind === 'offset' && record.delay).toBeGreaterThan(0);
    // `freq %+7.0f` prints an explicit plus sign.
    const positive = parseCorpus(TBC_RECOVERY, /phc offset .* freq +\+[1-9]/);
    expect(positive.kind === 'offset' && positive.freq).toBeGreaterThan(0);
  });

  it('rms summary of -u with the clock name', () => {
    expect(parseCorpus(DAEMON_FIXTURES, 'CLOCK_REALTIME rms 4 max 4')).toMatchObject({
      kind: 'rms',
      clock: 'CLOCK_REALTIME',
      rms: 4,
      freq: -76829,
      delay: 1085,
    });
  });

  it('automatic-mode notices', () => {
    expect(parseCorpus(SOCKET_FIXTURES, 'selecting CLOCK_REALTIME for synchronization')).toMatchObject({
      kind: 'notice',
      code: 'sinkSelected',
      configTag: 'ens5f1',
    });
    expect(parseCorpus(SOCKET_FIXTURES, 'changed state')).toMatchObject({
      kind: 'notice',
      code: 'portChanged',
      configTag: 'phc2sys.2.config',
    });
    expect(parseCorpus(SOCKET_FIXTURES, 'selecting ens5f0 as the master')).toMatchObject({
      kind: 'notice',
      code: 'sourceSelected',
    });
  });
});

describeCorpus('ts2phc lines (real samples)', () => {
  it('linuxptp 4.x offset of a /dev/ptpN clock', () => {
    expect(parseCorpus(TBC_RECOVERY, /ts2phc\[.*\/dev\/ptp\d+ offset/)).toMatchObject({
      kind: 'offset',
      process: 'ts2phc',
      clock: expect.stringMatching(/^\/dev\/ptp\d+$/),
      source: 'master',
      servo: expect.any(String),
    });
  });

  it('linuxptp 3.x "ens6f0 master offset" under an oc logs --timestamps prefix', () => {
    const { record, clock } = parseLogLine(corpusLine(TGM_2023, 'ens6f0 master offset'), 1);
    expect(record).toMatchObject({
      kind: 'offset',
      clock: 'ens6f0',
      source: 'master',
      offset: 0,
      servo: 's2',
    });
    expect(new Date(clock.wall!).toISOString()).toMatch(/^2023-09-12T20:4/);
  });

  it('holdover suffix', () => {
    expect(parseCorpus(DAEMON_FIXTURES, 'freq      -3972 holdover')).toMatchObject({
      kind: 'offset',
      holdover: true,
      offset: -1,
      freq: -3972,
    });
  });

  it('NMEA sentence, NMEA delay, extts and invalid source', () => {
    expect(parseCorpus(TGM_2023, 'nmea sentence: GNRMC')).toMatchObject({ kind: 'nmea', valid: true });
    expect(parseCorpus(TGM_2023, 'nmea delay:')).toMatchObject({ kind: 'notice', code: 'nmeaDelay' });
    expect(parseCorpus(TGM_2023, 'extts index 0 at')).toMatchObject({
      kind: 'notice',
      code: 'extts',
      iface: 'ens6f0',
    });
    expect(parseCorpus(DAEMON_FIXTURES, '[ts2phc.0.config:3] source ts not valid')).toMatchObject({
      kind: 'notice',
      code: 'sourceTimestampInvalid',
      configTag: 'ts2phc.0.config',
    });
  });
});

describeCorpus('lines linuxptp-daemon writes itself (real samples)', () => {
  it('DPLL state with pps_status, Unix seconds', () => {
    const { record, clock } = parseLogLine(corpusLine(TBC_RECOVERY, /^dpll\[.*phase_status 4 .* s1$/), 1);
    expect(record).toMatchObject({
      kind: 'syncState',
      process: 'dpll',
      configTag: 'ts2phc.1.config',
      iface: 'ens4f0',
      state: 'HOLDOVER',
      values: { phase_status: 4, pps_status: expect.any(Number) },
    });
    expect(clock.unix).toBeGreaterThan(1_757_000_000);
  });

  it('DPLL state without pps_status (2023 daemon)', () => {
    expect(parseCorpus(TGM_2023, 'dpll[1694551531]')).toMatchObject({
      kind: 'syncState',
      state: 'LOCKED',
      offset: -1,
      values: { frequency_status: 3, phase_status: 3 },
    });
  });

  it('GNSS state', () => {
    expect(parseCorpus(TGM_2023, 'gnss_status 3')).toMatchObject({
      kind: 'syncState',
      process: 'gnss',
      iface: 'ens6f0',
      state: 'LOCKED',
      values: { gnss_status: 3, offset: 5 },
    });
  });

  it('ts2phc NMEA state', () => {
    expect(parseCorpus(SOCKET_FIXTURES, 'nmea_status 0 offset 999999 s0')).toMatchObject({
      kind: 'syncState',
      process: 'ts2phc',
      state: 'FREERUN',
      values: { nmea_status: 0 },
    });
  });

  it('T-GM-STATUS and T-BC-STATUS (s1 is HOLDOVER here, not a clock step)', () => {
    expect(parseCorpus(SOCKET_FIXTURES, 'T-GM-STATUS s2')).toMatchObject({
      kind: 'syncState',
      process: 'GM',
      state: 'LOCKED',
      iface: 'ens2f0',
    });
    expect(parseCorpus(TBC_RECOVERY, 'T-BC-STATUS s1')).toMatchObject({
      kind: 'syncState',
      process: 'T-BC',
      state: 'HOLDOVER',
      iface: 'ens4f0',
    });
    expect(parseCorpus(TBC_FREERUN, 'offset 99999999999 T-BC-STATUS s0')).toMatchObject({
      kind: 'syncState',
      state: 'FREERUN',
      offset: 99_999_999_999,
    });
  });

  it('CLOCK_CLASS_CHANGE as integer and as the older float', () => {
    expect(parseCorpus(TBC_RECOVERY, 'CLOCK_CLASS_CHANGE 135')).toMatchObject({
      kind: 'clockClass',
      process: 'ptp4l',
      configTag: 'ts2phc.1.config',
      clockClass: 135,
    });
    expect(parseCorpus(SOCKET_FIXTURES, 'CLOCK_CLASS_CHANGE 248.000000')).toMatchObject({
      kind: 'clockClass',
      clockClass: 248,
    });
  });

  it('PTP_PROCESS_STATUS inside a klog line', () => {
    const { record, clock } = parseLogLine(corpusLine(TBC_RECOVERY, 'PTP_PROCESS_STATUS:1'), 1);
    expect(record).toMatchObject({
      kind: 'processStatus',
      up: true,
      process: 'ptp4l',
      configTag: 'ptp4l.0.config',
    });
    expect(clock.yearless).toEqual({ month: 9, day: 11, msOfDay: expect.any(Number) });
    expect(parseCorpus(SOCKET_FIXTURES, 'PTP_PROCESS_STATUS:0')).toMatchObject({
      kind: 'processStatus',
      up: false,
    });
  });

  it('synce4l EEC lines', () => {
    expect(parseCorpus(DAEMON_FIXTURES, 'EEC_HOLDOVER on synce1')).toMatchObject({
      kind: 'eecState',
      state: 'EEC_HOLDOVER',
      device: 'synce1',
    });
    expect(parseCorpus(DAEMON_FIXTURES, 'act on EEC_LOCKED')).toMatchObject({
      kind: 'eecState',
      iface: 'ens7f0',
    });
  });
});

describeCorpus('klog lines of linuxptp-daemon (real samples)', () => {
  it('BC FSM transition, dated without a year', () => {
    const { record, clock } = parseLogLine(corpusLine(TBC_RECOVERY, 'BC FSM: LOCKED to HOLDOVER'), 1);
    expect(record).toMatchObject({
      kind: 'fsmTransition',
      machine: 'T-BC',
      from: 'LOCKED',
      to: 'HOLDOVER',
      process: 'daemon',
    });
    expect(clock.yearless).toEqual({
      month: 9,
      day: 11,
      msOfDay: (14 * 3600 + 41 * 60 + 53) * 1000 + 794.135,
    });
  });

  it('DPLL decision, both daemon formats', () => {
    expect(parseCorpus(TGM_2023, 'dpll decision: Status 3')).toMatchObject({
      kind: 'dpllDecision',
      status: 3,
      offset: 0,
      inSpec: true,
      sourceLost: false,
      onHoldover: false,
    });
    expect(parseCorpus(TBC_RECOVERY, 'dpll event sent for (ens4f0): state s0')).toMatchObject({
      kind: 'dpllDecision',
      iface: 'ens4f0',
      state: 'FREERUN',
      offset: 99_999_999_999,
      sourceLost: true,
    });
    expect(parseCorpus(SEED_CLUSTER, 'ens7f0-dpll decision')).toMatchObject({
      kind: 'dpllDecision',
      iface: 'ens7f0',
      offset: -2,
    });
  });

  it('the external grandmaster the daemon sets a T-BC’s controlled ptp4l, as that ptp4l’s', () => {
    expect(
      parseCorpus(TBC_RECOVERY, 'EXTERNAL_GRANDMASTER_PROPERTIES_NP gmIdentity 507c6f.fffe.1fb1b8'),
    ).toMatchObject({
      kind: 'externalGrandmaster',
      process: 'ptp4l',
      configTag: 'ptp4l.0.config',
      gmIdentity: '507c6f.fffe.1fb1b8',
      stepsRemoved: 0,
    });
    // The daemon also sent one without a config file or identity: it tells nothing.
    expect(parseCorpus(TBC_FREERUN, '-f /var/run/ SET EXTERNAL_GRANDMASTER_PROPERTIES_NP')).toMatchObject({
      kind: 'message',
      process: 'daemon',
    });
  });

  it('holdover progress and generic klog lines with their severity', () => {
    expect(parseCorpus(TBC_RECOVERY, 'time since holdover start')).toMatchObject({
      kind: 'notice',
      code: 'holdoverProgress',
      iface: 'ens4f0',
    });
    expect(parseCorpus(TBC_RECOVERY, /^E\d{4} .*Failed to extract metrics/)).toMatchObject({
      kind: 'message',
      process: 'daemon',
      severity: 'E',
    });
  });
});

describe('formats the corpus has no sample of (written from linuxptp print.c)', () => {
  it('ptp4l -m without a message tag', () => {
    expect(parse('ptp4l[5196819.100]: master offset -5 s2 freq +500 path delay 89')).toMatchObject({
      kind: 'offset',
      configTag: null,
      offset: -5,
      freq: 500,
      delay: 89,
    });
  });

  it('syslog: the program and PID in the header, the monotonic time in the body', () => {
    const { record, clock } = parseLogLine(
      'Nov 24 10:12:04 worker-3 ptp4l[1234]: [1306975.704] [ptp4l.0.config] master offset 12 s2 freq -3 path delay 567',
      1,
    );
    expect(record).toMatchObject({
      kind: 'offset',
      process: 'ptp4l',
      configTag: 'ptp4l.0.config',
      offset: 12,
    });
    expect(clock).toEqual({ yearless: { month: 11, day: 24, msOfDay: 36_724_000 }, mono: 1306975.704 });
  });

  it('journald short-iso: a full date, a host and the syslog body', () => {
    const { record, clock } = parseLogLine(
      '2026-11-24T10:12:04+0000 worker-3 ptp4l[1234]: [1306975.704] port 1 (ens1f0): UNCALIBRATED to SLAVE on MASTER_CLOCK_SELECTED',
      1,
    );
    expect(record).toMatchObject({ kind: 'portState', to: 'SLAVE' });
    expect(clock.wall).toBe(Date.UTC(2026, 10, 24, 10, 12, 4));
  });

  it('logReduce enhanced summary of the daemon', () => {
    expect(
      parse(
        'ptp4l[1306975.704]: [ptp4l.0.config:6] master offset summary: cnt=16, min=-7, max=9, avg=0.81, SD=4.52',
      ),
    ).toMatchObject({ kind: 'offsetSummary', count: 16, min: -7, max: 9, mean: 0.81, stddev: 4.52 });
  });

  it('clockcheck messages as linuxptp writes them', () => {
    expect(
      parse(
        'ptp4l[10.000]: [ptp4l.0.config:4] clockcheck: clock jumped forward or running faster than expected!',
      ),
    ).toMatchObject({ kind: 'clockJump', direction: 'forward' });
    expect(
      parse('ptp4l[10.000]: [ptp4l.0.config:4] clockcheck: clock frequency changed unexpectedly!'),
    ).toMatchObject({ kind: 'clockJump', direction: 'frequency' });
  });
});

describe('lines that are not PTP', () => {
  it('binary garbage is unparsed, not an error', () => {
    const garbage = String.fromCharCode(0, 255, 12, 7, 91, 93, 0, 58);
    expect(parse(garbage)).toMatchObject({ kind: 'unparsed', text: garbage });
  });

  it('an unknown text line is unparsed and kept', () => {
    expect(parse('Git commit: deadbeef')).toMatchObject({ kind: 'unparsed', text: 'Git commit: deadbeef' });
  });

  it('a malformed offset of a known process is a plain message', () => {
    expect(
      parse(
        'ptp4l[6059354.708]: [ptp4l.0.config:6] master offset          notanint s2 freq  -12447 path delay      1513',
      ),
    ).toMatchObject({ kind: 'message', process: 'ptp4l' });
  });
});
