import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isMap, isScalar, parseAllDocuments, visit } from 'yaml';
import { parseLinuxptpConfig } from '../../../core/parsers/linuxptp-config.js';
import {
  findOption,
  portSections,
  sectionNames,
  serverOnlyClock,
} from '../../../core/parsers/linuxptp-config-lookup.js';
import { corpusAvailable, corpusPath, describeCorpus, readCorpus } from '../../corpus.js';

/** Corpus files of a folder, or none where the corpus is absent (the suites using them are then skipped). */
function corpusFiles(folder: string, keep: (name: string) => boolean): string[] {
  if (!corpusAvailable) return [];
  return readdirSync(corpusPath(folder))
    .filter(keep)
    .map((name) => `${folder}/${name}`);
}

/** Every PtpConfig-like YAML of the corpus: PtpConfigs, single PtpProfiles and PtpConfigLists. */
const PTP_YAML_FILES = [
  ...corpusFiles('cnf-features-deploy', (name) => name.startsWith('PtpConfig')),
  ...corpusFiles('openshift-docs/ptpconfig', (name) => name.endsWith('.yaml')),
  ...corpusFiles('linuxptp-daemon', (name) => /^(ptpprofile|hardwareconfig).*\.yaml$/.test(name)),
  ...corpusFiles('seed-repos/ptp-mcp-server', (name) => name.startsWith('ptpconfiglist')),
];

interface EmbeddedConfig {
  file: string;
  profile: string;
  key: string;
  text: string;
  /** Line of the YAML file holding the block's first line, and the block's indentation. */
  firstLine: number;
  indent: number;
}

/** The `xxxConf: |` block scalars of a YAML file, with where their content starts in the file. */
function embeddedConfigs(file: string): EmbeddedConfig[] {
  const source = readCorpus(file);
  const found: EmbeddedConfig[] = [];
  for (const document of parseAllDocuments(source)) {
    visit(document, {
      Pair(_, pair, path) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        if (!/^(ptp4l|phc2sys|ts2phc|synce4l)Conf$/.test(key) || !isScalar(pair.value)) return;
        if (pair.value.type !== 'BLOCK_LITERAL') throw new Error(`${file}: ${key} is not a | block`);
        const header = pair.value.range?.[0] ?? 0;
        const firstLine = lineAt(source, header) + 1;
        const owner = path[path.length - 1];
        const profile = isMap(owner) ? String(owner.get('name')) : '?';
        found.push({
          file,
          profile,
          key,
          text: String(pair.value.value),
          firstLine,
          indent: blockIndent(source, firstLine),
        });
      },
    });
  }
  return found;
}

/** 1-based line of a character offset. */
function lineAt(source: string, offset: number): number {
  return source.slice(0, offset).split('\n').length;
}

/** Indentation of the first non-blank line from `line` on: the block scalar's own indentation. */
function blockIndent(source: string, line: number): number {
  const content = source
    .split('\n')
    .slice(line - 1)
    .find((text) => text.trim() !== '');
  return content === undefined ? 0 : content.length - content.trimStart().length;
}

const EMBEDDED = PTP_YAML_FILES.flatMap(embeddedConfigs);

describeCorpus('linuxptp upstream example configurations', () => {
  const cfgFiles = corpusFiles('linuxptp', (name) => name.endsWith('.cfg'));

  it.each(cfgFiles)('%s parses without diagnostics', (file) => {
    const config = parseLinuxptpConfig(readCorpus(file));
    expect(config.diagnostics).toEqual([]);
    expect(config.sections[0]?.name).toBe('global');
  });

  it('default.cfg: every option of [global], none of the commented ones', () => {
    const config = parseLinuxptpConfig(readCorpus('linuxptp/default.cfg'));
    expect(sectionNames(config)).toEqual(['global']);
    expect(config.sections[0]?.entries.length).toBeGreaterThan(100);
    expect(findOption(config, 'domainNumber')?.value).toBe('0');
    expect(findOption(config, 'clientOnly')?.value).toBe('0');
    expect(findOption(config, 'productDescription')?.value).toBe(';;');
    expect(findOption(config, 'utc_offset')).toBeUndefined(); // written as "#utc_offset 37"
  });

  it('G.8275.1.cfg: domainNumber 24 on line 19, L2 transport', () => {
    const config = parseLinuxptpConfig(readCorpus('linuxptp/G.8275.1.cfg'));
    expect(findOption(config, 'domainNumber')).toEqual({
      key: 'domainNumber',
      value: '24',
      line: 19,
      column: 1,
    });
    expect(findOption(config, 'network_transport')?.value).toBe('L2');
    expect(findOption(config, 'ptp_dst_mac')?.value).toBe('01:80:C2:00:00:0E');
    expect(config.sections[0]?.line).toBe(7);
  });

  it('G.8275.2.cfg: the commented unicast table is no section; uncommented it is one', () => {
    const text = readCorpus('linuxptp/G.8275.2.cfg');
    const config = parseLinuxptpConfig(text);
    expect(sectionNames(config)).toEqual(['global']);
    expect(findOption(config, 'domainNumber')?.value).toBe('44');

    const uncommented = text.replace(/^#(\[|table_id|logQueryInterval|UDPv4|unicast_master_table)/gm, '$1');
    const slave = parseLinuxptpConfig(uncommented);
    expect(slave.diagnostics).toEqual([]);
    expect(sectionNames(slave)).toEqual(['global', 'unicast_master_table', 'eth0']);
    expect(findOption(slave, 'UDPv4', 'unicast_master_table')?.value).toBe('192.168.1.11');
    expect(findOption(slave, 'table_id', 'unicast_master_table')?.value).toBe('1');
    expect(findOption(slave, 'unicast_master_table', 'eth0')?.value).toBe('1');
    expect(findOption(slave, 'domainNumber', 'eth0')?.value).toBe('44'); // a port falls back to [global]
  });

  it('ts2phc-TC.cfg: three ports, the first one the PPS source', () => {
    const config = parseLinuxptpConfig(readCorpus('linuxptp/ts2phc-TC.cfg'));
    expect(portSections(config).map((section) => section.name)).toEqual(['eth6', 'eth3', 'eth4']);
    expect(findOption(config, 'ts2phc.master', 'eth6')?.value).toBe('1');
    expect(findOption(config, 'ts2phc.extts_polarity', 'eth3')?.value).toBe('both');
    expect(findOption(config, 'ts2phc.pulsewidth', 'eth4')?.value).toBe('500000000');
  });
});

describeCorpus('configurations embedded in PtpConfig YAMLs', () => {
  it('finds the embedded configurations of every corpus design', () => {
    expect(EMBEDDED.length).toBeGreaterThanOrEqual(33);
    expect(new Set(EMBEDDED.map((config) => config.key))).toEqual(
      new Set(['ptp4lConf', 'ts2phcConf', 'synce4lConf']),
    );
  });

  it.each(EMBEDDED.map((config) => [`${config.file} ${config.profile} ${config.key}`, config] as const))(
    '%s: no diagnostics, and every key maps back to its YAML line',
    (_, embedded) => {
      const config = parseLinuxptpConfig(embedded.text, embedded);
      expect(config.diagnostics).toEqual([]);
      expect(config.sections.length).toBeGreaterThan(0);
      const yamlLines = readCorpus(embedded.file).split('\n');
      for (const section of config.sections) {
        expect(yamlLines[section.line - 1]?.trimStart()).toMatch(/^\[/);
      }
      for (const entry of config.sections.flatMap((section) => section.entries)) {
        expect(yamlLines[entry.line - 1]?.slice(entry.column - 1)).toMatch(
          new RegExp(`^${regexEscape(entry.key)}\\s`),
        );
      }
    },
  );

  const find = (file: string, key: string, profile?: string) => {
    const embedded = EMBEDDED.find(
      (config) =>
        config.file === file && config.key === key && (profile === undefined || config.profile === profile),
    );
    if (embedded === undefined) throw new Error(`no ${key} in ${file}`);
    return { embedded, config: parseLinuxptpConfig(embedded.text, embedded) };
  };

  it('OC slave: domainNumber 24 at the YAML line that writes it', () => {
    const file = 'cnf-features-deploy/PtpConfigSlave.yaml';
    const { config } = find(file, 'ptp4lConf');
    const yamlLines = readCorpus(file).split('\n');
    const expectedLine = yamlLines.findIndex((line) => line.trim() === 'domainNumber 24') + 1;
    const expectedColumn = (yamlLines[expectedLine - 1]?.indexOf('domainNumber') ?? 0) + 1;
    expect(findOption(config, 'domainNumber')).toEqual({
      key: 'domainNumber',
      value: '24',
      line: expectedLine,
      column: expectedColumn,
    });
    expect(findOption(config, 'clientOnly')?.value).toBe('1'); // written slaveOnly 1
    expect(findOption(config, 'clockClass')?.value).toBe('255');
  });

  it('GM ts2phcConf: [nmea] is the NMEA source, not a port', () => {
    const { config } = find('cnf-features-deploy/PtpConfigGmWpc.yaml', 'ts2phcConf');
    expect(sectionNames(config)[0]).toBe('nmea');
    expect(findOption(config, 'ts2phc.master', 'nmea')?.value).toBe('1');
    expect(portSections(config).map((section) => section.name)).not.toContain('nmea');
  });

  it('SyncE: synce4l device and external-source sections keep their <> and {} markers', () => {
    const { config } = find('linuxptp-daemon/ptpprofile_synce.yaml', 'synce4lConf');
    expect(sectionNames(config)).toEqual(['global', '<synce1>', 'ens7f0', '{GNSS}']);
    expect(findOption(config, 'network_option', '<synce1>')?.value).toBe('2');
    expect(findOption(config, 'clock_id', '<synce1>')).toBeUndefined(); // commented out
    expect(findOption(config, 'input_QL', '{GNSS}')?.value).toBe('0x1');
  });

  it('PtpConfigList with an explicit indentation indicator (|2) and a leading blank line', () => {
    const { embedded, config } = find(
      'seed-repos/ptp-mcp-server/ptpconfiglist_bc-config-1_test_ptp_server.yaml',
      'ptp4lConf',
    );
    expect(embedded.indent).toBe(8);
    expect(sectionNames(config)).toEqual(['ens1f0', 'ens1f1', 'global']);
    expect(findOption(config, 'serverOnly', 'ens1f1')?.value).toBe('1'); // written masterOnly 1
    expect(findOption(config, 'clock_type', 'ens1f1')?.value).toBe('BC');
    expect(config.sections[0]?.line).toBe(embedded.firstLine + 1);
  });

  it('ZTP templates: a regex placeholder in a header names the port by its first word, as linuxptp does', () => {
    const { config } = find('cnf-features-deploy/PtpConfigGmWpc.yaml', 'ptp4lConf');
    expect(config.sections[0]?.name).toBe('(?<iface_timeTx>');
  });
});

/** Regular-expression escape for option names such as G.8275.defaultDS.localPriority. */
function regexEscape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describeCorpus('configurations rendered in a real linuxptp-daemon log', () => {
  const LOG = 'linuxptp-daemon/tbc-e810-startup-ethtool-holdover-freerun_daemon-log_excerpt.log';
  const KLOG_PREFIX = /^[IWEF]\d{4} /;

  /** The lines after each `XxxConf: #...` klog line, up to the next klog line. */
  function renderedConfigs() {
    const lines = corpusAvailable ? readCorpus(LOG).split('\n') : [];
    const rendered: { kind: string; text: string; firstLine: number }[] = [];
    lines.forEach((line, index) => {
      const match = /\] (Ptp4l|Ts2Phc|Phc2sys|Synce4l)Conf: (.*)$/.exec(line);
      if (!match || !KLOG_PREFIX.test(line)) return;
      expect(match[2]).toMatch(/^#/); // the rest of the klog line is a comment, so it can be left out
      const end = lines.findIndex((next, at) => at > index && KLOG_PREFIX.test(next));
      rendered.push({ kind: match[1]!, text: lines.slice(index + 1, end).join('\n'), firstLine: index + 2 });
    });
    return { lines, rendered };
  }

  it('parses every rendered ptp4l and ts2phc configuration without diagnostics', () => {
    const { lines, rendered } = renderedConfigs();
    expect(rendered.filter((config) => config.kind === 'Ptp4l').length).toBe(8);
    expect(rendered.filter((config) => config.kind === 'Ts2Phc').length).toBe(6);
    for (const { text, firstLine } of rendered) {
      const config = parseLinuxptpConfig(text, { firstLine });
      expect(config.diagnostics).toEqual([]);
      const domain = findOption(config, 'domainNumber');
      expect(domain?.value).toBe('24');
      expect(lines[(domain?.line ?? 0) - 1]).toBe('domainNumber 24');
    }
  });

  it('the T-BC profile 00-tbc-tt: two server-only ports and its rendered global values', () => {
    const first = renderedConfigs().rendered[0]!;
    const config = parseLinuxptpConfig(first.text, first);
    expect(sectionNames(config)).toEqual(['ens4f0', 'ens8f0', 'global']);
    expect(findOption(config, 'serverOnly', 'ens4f0')?.value).toBe('1');
    expect(findOption(config, 'serverOnly')?.value).toBe('0');
    expect(findOption(config, 'clock_class_threshold')?.value).toBe('135');
    expect(findOption(config, 'message_tag')?.value).toBe('[ptp4l.0.config:{level}]');
    expect(findOption(config, 'uds_address')?.value).toBe('/var/run/ptp4l.0.socket');
  });
});

describe('a clock whose every port only transmits time', () => {
  const serverOnly = (text: string) => serverOnlyClock(parseLinuxptpConfig(text));
  it('is every port serverOnly or masterOnly 1, in its section or by [global]', () => {
    expect(serverOnly('[ens1f0]\nmasterOnly 1\n[ens1f1]\nserverOnly 1\n[global]\ndomainNumber 24\n')).toBe(
      true,
    );
    expect(serverOnly('[global]\nmasterOnly 1\n[ens1f0]\n[ens1f1]\n')).toBe(true);
  });
  it('is not a clock with one port that may receive time, nor one without ports', () => {
    // A T-BC's time-receiver port says masterOnly 0 under a [global] masterOnly 1 (demo bc-1's ptp4l.1).
    expect(serverOnly('[global]\nmasterOnly 1\n[ens2f1]\nmasterOnly 0\n[ens2f2]\n')).toBe(false);
    expect(serverOnly('[ens1f0]\nmasterOnly 1\n[ens1f1]\n')).toBe(false);
    expect(serverOnly('[global]\nmasterOnly 1\n')).toBe(false);
  });
});

describe('parseLinuxptpConfig on odd and hostile input', () => {
  const diagnosticCodes = (text: string) => parseLinuxptpConfig(text).diagnostics.map((d) => d.code);

  it('an empty file, or one of comments and blanks, has no sections and no diagnostics', () => {
    expect(parseLinuxptpConfig('')).toEqual({ sections: [], diagnostics: [] });
    expect(parseLinuxptpConfig('\n   # indented comment\n\t\n#[global]\n')).toEqual({
      sections: [],
      diagnostics: [],
    });
  });

  it('reads CRLF line ends without keeping the carriage return', () => {
    const config = parseLinuxptpConfig('[global]\r\ndomainNumber 24\r\n[eth0]\r\nserverOnly 1\r\n');
    expect(config.diagnostics).toEqual([]);
    expect(findOption(config, 'domainNumber')).toEqual({
      key: 'domainNumber',
      value: '24',
      line: 2,
      column: 1,
    });
    expect(findOption(config, 'serverOnly', 'eth0')?.value).toBe('1');
  });

  it('reports a byte order mark, which linuxptp rejects, and reads on', () => {
    const config = parseLinuxptpConfig('\uFEFF[global]\ndomainNumber 24\n');
    expect(config.diagnostics).toEqual([
      expect.objectContaining({ code: 'byte-order-mark', severity: 'error', line: 1, column: 1 }),
    ]);
    expect(findOption(config, 'domainNumber')?.value).toBe('24');
  });

  it('splits key and value on spaces and tabs; the value is the rest of the line', () => {
    const config = parseLinuxptpConfig(
      '  [global]  \n\tlogSyncInterval\t\t-4  \nuserDescription  two words \n',
    );
    expect(config.diagnostics).toEqual([]);
    expect(findOption(config, 'logSyncInterval')).toEqual({
      key: 'logSyncInterval',
      value: '-4',
      line: 2,
      column: 2,
    });
    expect(findOption(config, 'userDescription')?.value).toBe('two words');
  });

  it('has no inline comments: the # stays in the value, with a warning', () => {
    const config = parseLinuxptpConfig('[global]\ndomainNumber 24 # the default\n');
    expect(findOption(config, 'domainNumber')?.value).toBe('24 # the default');
    expect(config.diagnostics).toEqual([
      expect.objectContaining({ code: 'inline-comment', severity: 'warning', line: 2, column: 1 }),
    ]);
  });

  it('rejects an option before any section, as linuxptp does ("line 1 is not in a section")', () => {
    const config = parseLinuxptpConfig('domainNumber 24\n[global]\nclockClass 248\n');
    expect(config.diagnostics).toEqual([
      expect.objectContaining({ code: 'not-in-section', severity: 'error', line: 1, column: 1 }),
    ]);
    expect(findOption(config, 'domainNumber')).toBeUndefined();
    expect(findOption(config, 'clockClass')?.value).toBe('248');
  });

  it('rejects an option without a value, even with trailing blanks', () => {
    const config = parseLinuxptpConfig('[global]\ndomainNumber\n  clockClass   \n');
    expect(config.diagnostics).toEqual([
      expect.objectContaining({ code: 'missing-value', severity: 'error', line: 2, column: 1 }),
      expect.objectContaining({ code: 'missing-value', severity: 'error', line: 3, column: 3 }),
    ]);
    expect(config.sections[0]?.entries).toEqual([]);
  });

  it('keeps repeated keys and sections; a lookup returns the last value, under either option name', () => {
    const text = [
      '[global]',
      'domainNumber 24',
      'slaveOnly 1',
      '[unicast_master_table]',
      'table_id 1',
      'UDPv4 10.0.0.1',
      '[unicast_master_table]',
      'table_id 2',
      '[GLOBAL]',
      'domainNumber 25',
      'clientOnly 0',
    ].join('\n');
    const config = parseLinuxptpConfig(text);
    expect(config.diagnostics).toEqual([]);
    expect(config.sections.map((section) => section.name)).toEqual([
      'global',
      'unicast_master_table',
      'unicast_master_table',
      'global',
    ]);
    expect(sectionNames(config)).toEqual(['global', 'unicast_master_table']);
    expect(findOption(config, 'domainNumber')).toEqual({
      key: 'domainNumber',
      value: '25',
      line: 10,
      column: 1,
    });
    expect(findOption(config, 'slaveOnly')?.value).toBe('0'); // clientOnly 0 came later
    expect(findOption(config, 'table_id', 'unicast_master_table')?.value).toBe('2');
    expect(findOption(config, 'domainNumber', 'unicast_master_table')).toBeUndefined(); // no fallback there
    expect(portSections(config)).toEqual([]);
  });

  it('reads section headers as linuxptp does', () => {
    expect(parseLinuxptpConfig('[ens1f0]  \nserverOnly 1').sections[0]?.name).toBe('ens1f0');
    expect(parseLinuxptpConfig('[ens1f0 extra]\n').sections[0]?.name).toBe('ens1f0');
    expect(diagnosticCodes('[ global ]\ndomainNumber 24')).toEqual(['misread-section-header']);
    expect(diagnosticCodes('[]\ndomainNumber 24')).toEqual(['empty-section-name', 'not-in-section']);
  });

  it('maps positions into the enclosing file with firstLine and indent', () => {
    const config = parseLinuxptpConfig('[global]\n\n  domainNumber 24\nbad', { firstLine: 10, indent: 4 });
    expect(config.sections[0]?.line).toBe(10);
    expect(findOption(config, 'domainNumber')).toEqual({
      key: 'domainNumber',
      value: '24',
      line: 12,
      column: 7,
    });
    expect(config.diagnostics).toEqual([
      expect.objectContaining({ code: 'missing-value', line: 13, column: 5 }),
    ]);
  });

  it('stops a line at a NUL byte, as C strings do', () => {
    const config = parseLinuxptpConfig('[global]\ndomainNumber 24\0 garbage\n');
    expect(findOption(config, 'domainNumber')?.value).toBe('24');
    expect(config.diagnostics).toEqual([
      expect.objectContaining({ code: 'nul-byte', severity: 'warning', line: 2, column: 16 }),
    ]);
  });

  it('turns random binary into capped diagnostics, never an exception', () => {
    const bytes = new Uint8Array(300_000);
    let seed = 42;
    for (let i = 0; i < bytes.length; i++) {
      seed = (seed * 1_103_515_245 + 12_345) >>> 0; // a fixed pseudo-random sequence
      bytes[i] = seed >>> 24;
    }
    const config = parseLinuxptpConfig(new TextDecoder().decode(bytes));
    const codes = new Set(config.diagnostics.map((d) => d.code));
    expect(codes).toContain('invalid-utf8');
    expect(codes).toContain('nul-byte');
    expect(config.diagnostics).toHaveLength(1001);
    expect(config.diagnostics.at(-1)?.code).toBe('too-many-diagnostics');
  });

  it('reads a 10 MB line in linear time, and says linuxptp would split it', () => {
    const value = 'x'.repeat(10_000_000);
    const config = parseLinuxptpConfig(`[global]\nproductDescription ${value}\n`);
    expect(findOption(config, 'productDescription')?.value.length).toBe(10_000_000);
    expect(config.diagnostics).toEqual([expect.objectContaining({ code: 'line-too-long', line: 2 })]);

    const spaced = parseLinuxptpConfig(
      `[global]\nkey${' '.repeat(10_000_000)}value${' '.repeat(10_000_000)}`,
    );
    expect(findOption(spaced, 'key')?.value).toBe('value');
  });

  it('reads 50 MB of repeated lines', () => {
    const line = 'logSyncInterval -4\n';
    const count = Math.ceil(50_000_000 / line.length);
    const config = parseLinuxptpConfig(`[global]\n${line.repeat(count)}`);
    expect(config.sections[0]?.entries).toHaveLength(count);
    expect(findOption(config, 'logSyncInterval')?.line).toBe(count + 1);
    expect(config.diagnostics).toEqual([]);
  });
});
