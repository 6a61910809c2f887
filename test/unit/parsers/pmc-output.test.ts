import { describe, expect, it } from 'vitest';
import {
  lastOf,
  readCurrentDataSet,
  readDefaultDataSet,
  readParentDataSet,
  readPortDataSet,
  readTimePropertiesDataSet,
  readTimeStatusNp,
} from '../../../core/parsers/pmc-datasets.js';
import { parsePmcOutput } from '../../../core/parsers/pmc-output.js';
import { corpusBlock, describeCorpus, readCorpus } from '../../corpus.js';

describeCorpus('pmc answers logged by linuxptp-daemon', () => {
  // The extractor of the corpus file put `# (from log.txt)` between the blocks; pmc never prints that.
  const text = readCorpus('linuxptp-daemon/pmc-responses_from-daemon-logs.txt')
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .join('\n');
  const output = parsePmcOutput(text);

  it('reads every request and answer', () => {
    expect(output.unparsedLines).toBe(0);
    expect(output.requests.length).toBeGreaterThan(5);
    expect(output.responses.length).toBe(output.requests.length - output.unanswered.length);
    expect(new Set(output.responses.map((r) => r.dataSet))).toEqual(
      new Set(['PARENT_DATA_SET', 'TIME_PROPERTIES_DATA_SET', 'CURRENT_DATA_SET']),
    );
  });

  it('reads PARENT_DATA_SET of a T-BC locked to a class 6 grandmaster', () => {
    const parent = readParentDataSet(output.responses.find((r) => r.dataSet === 'PARENT_DATA_SET')!);
    expect(parent).toEqual({
      parentPortIdentity: '507c6f.fffe.1fb16c-4',
      grandmasterIdentity: '507c6f.fffe.1fb16c',
      gmClockClass: 6,
      gmClockAccuracy: 0x21,
      gmOffsetScaledLogVariance: 0x4e5d,
      grandmasterPriority1: 128,
      grandmasterPriority2: 64,
    });
  });

  it('reads CURRENT_DATA_SET and TIME_PROPERTIES_DATA_SET', () => {
    expect(readCurrentDataSet(output.responses.find((r) => r.dataSet === 'CURRENT_DATA_SET')!)).toEqual({
      stepsRemoved: 1,
      offsetFromMaster: 9,
      meanPathDelay: 1586,
    });
    expect(
      readTimePropertiesDataSet(output.responses.find((r) => r.dataSet === 'TIME_PROPERTIES_DATA_SET')!),
    ).toMatchObject({
      currentUtcOffset: 37,
      ptpTimescale: true,
      timeSource: 0x20,
    });
  });
});

describeCorpus('other real pmc output', () => {
  it('PORT_DATA_SET of a grandmaster port (OCP blog)', () => {
    const output = parsePmcOutput(
      corpusBlock(
        'meiyanblog/ocp-ptp-gm-troubleshooting_command-outputs.txt',
        'sending: GET PORT_DATA_SET',
        /^# ---/,
      ),
    );
    expect(readPortDataSet(lastOf(output, 'PORT_DATA_SET')!)).toEqual({
      portIdentity: '507c6f.fffe.1fb33c-1',
      portState: 'MASTER',
      logAnnounceInterval: -3,
      logSyncInterval: -4,
      logMinDelayReqInterval: -4,
      announceReceiptTimeout: 3,
      delayMechanism: 1,
    });
  });

  it('GRANDMASTER_SETTINGS_NP without the trailing space after the id (vse-sync fixture)', () => {
    const output = parsePmcOutput(
      corpusBlock(
        'vse-sync-collection-tools/device-command-outputs_unit-test-fixtures.txt',
        'sending: GET GRANDMASTER',
        /^$/,
      ),
    );
    expect(output.responses[0]).toMatchObject({
      dataSet: 'GRANDMASTER_SETTINGS_NP',
      portIdentity: '507c6f.fffe.30fbe8-0',
    });
    expect(output.responses[0]!.fields.clockClass).toBe('248');
  });
});

describe('pmc output written from linuxptp pmc.c formats', () => {
  it('several answers to one request, an error answer and an unanswered request', () => {
    const output = parsePmcOutput(
      [
        'sending: GET PORT_DATA_SET',
        '\t507c6f.fffe.1fb1b8-1 seq 0 RESPONSE MANAGEMENT PORT_DATA_SET ',
        '\t\tportIdentity            507c6f.fffe.1fb1b8-1',
        '\t\tportState               MASTER',
        '\t507c6f.fffe.1fb1b8-2 seq 0 RESPONSE MANAGEMENT PORT_DATA_SET ',
        '\t\tportIdentity            507c6f.fffe.1fb1b8-2',
        '\t\tportState               SLAVE',
        'sending: GET PORT_PROPERTIES_NP',
        '\t507c6f.fffe.1fb1b8-0 seq 1 RESPONSE MANAGEMENT_ERROR_STATUS ',
        'sending: GET TIME_STATUS_NP',
        '',
      ].join('\r\n'),
    );
    expect(output.responses.map((r) => [r.dataSet, r.fields.portState])).toEqual([
      ['PORT_DATA_SET', 'MASTER'],
      ['PORT_DATA_SET', 'SLAVE'],
      ['MANAGEMENT_ERROR_STATUS', undefined],
    ]);
    expect(output.unanswered).toEqual(['GET TIME_STATUS_NP']);
  });

  it('TIME_STATUS_NP and DEFAULT_DATA_SET values', () => {
    const output = parsePmcOutput(
      [
        'sending: GET TIME_STATUS_NP',
        '\t0c42a1.fffe.a1b2c3-0 seq 0 RESPONSE MANAGEMENT TIME_STATUS_NP ',
        '\t\tmaster_offset              -12',
        "\t\tlastGmPhaseChange          0x0000'0000000000000000.0000",
        '\t\tgmPresent                  true',
        '\t\tgmIdentity                 507c6f.fffe.1fb16c',
        'sending: GET DEFAULT_DATA_SET',
        '\t0c42a1.fffe.a1b2c3-0 seq 1 RESPONSE MANAGEMENT DEFAULT_DATA_SET ',
        '\t\tslaveOnly               1',
        '\t\tclockClass              255',
        '\t\tclockIdentity           0c42a1.fffe.a1b2c3',
        '\t\tdomainNumber            24',
      ].join('\n'),
    );
    expect(readTimeStatusNp(lastOf(output, 'TIME_STATUS_NP')!)).toMatchObject({
      masterOffset: -12,
      gmPresent: true,
      gmIdentity: '507c6f.fffe.1fb16c',
    });
    expect(lastOf(output, 'TIME_STATUS_NP')!.fields.lastGmPhaseChange).toBe("0x0000'0000000000000000.0000");
    expect(readDefaultDataSet(lastOf(output, 'DEFAULT_DATA_SET')!)).toMatchObject({
      slaveOnly: true,
      clockClass: 255,
      domainNumber: 24,
    });
  });

  it('gives each answer its request when pmc sent them all first (several requests on its command line)', () => {
    // As pmc 3.1.1 printed it in the lab test (test/lab), trimmed: requests first, then the answers.
    const output = parsePmcOutput(
      [
        'sending: GET DEFAULT_DATA_SET',
        'sending: GET PARENT_DATA_SET',
        'sending: GET PORT_DATA_SET',
        'sending: GET TIME_STATUS_NP',
        '\t361243.fffe.02a167-0 seq 0 RESPONSE MANAGEMENT DEFAULT_DATA_SET ',
        '\t\tslaveOnly               1',
        '\t361243.fffe.02a167-0 seq 1 RESPONSE MANAGEMENT PARENT_DATA_SET ',
        '\t\tgrandmasterIdentity                   c61a02.fffe.bcd4d4',
        '\t361243.fffe.02a167-1 seq 2 RESPONSE MANAGEMENT PORT_DATA_SET ',
        '\t\tportState               UNCALIBRATED',
        '\t361243.fffe.02a167-2 seq 2 RESPONSE MANAGEMENT PORT_DATA_SET ',
        '\t\tportState               MASTER',
      ].join('\n'),
    );
    expect(output.responses.map((r) => [r.dataSet, r.request])).toEqual([
      ['DEFAULT_DATA_SET', 'GET DEFAULT_DATA_SET'],
      ['PARENT_DATA_SET', 'GET PARENT_DATA_SET'],
      ['PORT_DATA_SET', 'GET PORT_DATA_SET'],
      ['PORT_DATA_SET', 'GET PORT_DATA_SET'],
    ]);
    expect(output.unanswered).toEqual(['GET TIME_STATUS_NP']);
  });

  it('counts garbage and never throws', () => {
    const garbage = String.fromCharCode(...Array.from({ length: 5000 }, (_, i) => (i * 31) % 256));
    const output = parsePmcOutput(garbage);
    expect(output.responses).toEqual([]);
    expect(output.unparsedLines).toBeGreaterThan(0);
    expect(parsePmcOutput('')).toEqual({ requests: [], responses: [], unanswered: [], unparsedLines: 0 });
    expect(parsePmcOutput(`sending: GET X\n${'y'.repeat(10_000_000)}\n`).unparsedLines).toBe(1);
  });
});
