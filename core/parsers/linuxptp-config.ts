import type {
  ConfigDiagnostic,
  ConfigDiagnosticCode,
  ConfigSection,
  DiagnosticSeverity,
  LinuxptpConfig,
} from '../model/linuxptp-config.js';

/**
 * Parser for linuxptp configuration files (ptp4l, phc2sys, ts2phc, synce4l), following linuxptp's own
 * `config_read()` in config.c so that what we report is what the programs will do:
 * - leading and trailing C whitespace (space, \t, \n, \v, \f, \r) is ignored, so CRLF line ends are fine;
 * - a line whose first non-blank character is `#` is a comment; there are no inline comments
 *   (`domainNumber 24 # x` has the value `24 # x`, which linuxptp then rejects);
 * - `[global]` and `[unicast_master_table]` match case-insensitively; any other `[...]` line opens a port
 *   section named by its first word once the brackets are blanked out (`[nmea]` is such a port);
 * - an option is the first word, its value the rest of the line; a line before any section, or an option
 *   with no value, makes linuxptp refuse the whole file.
 */

/** Where the text sits when it is embedded in another file, e.g. a YAML block scalar `ptp4lConf: |`. */
export interface EmbeddedPosition {
  /** Line of the enclosing file that holds the text's first line (default 1). */
  firstLine?: number;
  /** Columns of indentation the enclosing file stripped from every line (default 0). */
  indent?: number;
}

/** linuxptp reads lines with fgets() into a 1024-byte buffer: longer lines are read as several lines. */
const LINUXPTP_MAX_LINE_BYTES = 1022;
/** Past this many, problems are no longer listed: a binary file must not produce millions of objects. */
const MAX_DIAGNOSTICS = 1000;
const BYTE_ORDER_MARK = 0xfeff;
const REPLACEMENT_CHARACTER = '\uFFFD';
const GLOBAL = 'global';
const UNICAST_MASTER_TABLE = 'unicast_master_table';
const LONGEST_RESERVED_HEADER = `[${UNICAST_MASTER_TABLE}]`.length;

const SEVERITY: Record<ConfigDiagnosticCode, DiagnosticSeverity> = {
  'byte-order-mark': 'error',
  'nul-byte': 'warning',
  'invalid-utf8': 'warning',
  'line-too-long': 'error',
  'not-in-section': 'error',
  'missing-value': 'error',
  'empty-section-name': 'error',
  'misread-section-header': 'error',
  'inline-comment': 'warning',
  'too-many-diagnostics': 'warning',
};

export function parseLinuxptpConfig(text: string, position: EmbeddedPosition = {}): LinuxptpConfig {
  const reader = new ConfigReader(position.firstLine ?? 1, position.indent ?? 0);
  let start = 0;
  if (text.charCodeAt(0) === BYTE_ORDER_MARK) {
    reader.report(
      'byte-order-mark',
      0,
      0,
      'UTF-8 byte order mark: linuxptp does not skip it and rejects line 1',
    );
    start = 1;
  }
  // One pass with indexOf keeps a 50 MB file or a 10 MB line linear; a trailing newline ends the last line.
  for (let index = 0; start < text.length; index++) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    reader.readLine(text.slice(start, end), index);
    start = end + 1;
  }
  return { sections: reader.sections, diagnostics: reader.diagnostics };
}

class ConfigReader {
  readonly sections: ConfigSection[] = [];
  readonly diagnostics: ConfigDiagnostic[] = [];
  private current: ConfigSection | undefined;

  constructor(
    private readonly firstLine: number,
    private readonly indent: number,
  ) {}

  /** `index` is the 0-based line number in the text, `offset` a 0-based position in that line. */
  report(code: ConfigDiagnosticCode, index: number, offset: number, message: string): void {
    if (this.diagnostics.length > MAX_DIAGNOSTICS) return;
    const diagnostic = { line: this.firstLine + index, column: this.indent + offset + 1 };
    if (this.diagnostics.length === MAX_DIAGNOSTICS) {
      this.diagnostics.push({
        ...diagnostic,
        code: 'too-many-diagnostics',
        severity: SEVERITY['too-many-diagnostics'],
        message: `more than ${MAX_DIAGNOSTICS} problems; the rest are not listed`,
      });
      return;
    }
    this.diagnostics.push({ ...diagnostic, code, severity: SEVERITY[code], message });
  }

  readLine(raw: string, index: number): void {
    if (exceedsLineBuffer(raw)) {
      this.report(
        'line-too-long',
        index,
        0,
        `line is longer than ${LINUXPTP_MAX_LINE_BYTES} bytes: linuxptp would read it as several lines`,
      );
    }
    const line = this.withoutNul(raw, index);
    const replaced = line.indexOf(REPLACEMENT_CHARACTER);
    if (replaced >= 0) this.report('invalid-utf8', index, replaced, 'invalid UTF-8 (binary data?)');

    const first = skipSpace(line, 0);
    if (first === line.length || line[first] === '#') return;
    const content = line.slice(first, trimmedEnd(line));
    if (content[0] === '[') {
      this.current = this.openSection(content, index, first);
    } else if (this.current === undefined) {
      this.report('not-in-section', index, first, `"${clip(content)}" is not in a section`);
    } else {
      this.readSetting(this.current, content, index, first);
    }
  }

  /** C strings end at a NUL byte, so linuxptp never sees what follows it on the line. */
  private withoutNul(raw: string, index: number): string {
    const nul = raw.indexOf('\0');
    if (nul < 0) return raw;
    this.report('nul-byte', index, nul, 'NUL byte: linuxptp ignores the rest of the line');
    return raw.slice(0, nul);
  }

  private openSection(content: string, index: number, offset: number): ConfigSection | undefined {
    const lower = content.length <= LONGEST_RESERVED_HEADER ? content.toLowerCase() : '';
    if (lower === `[${GLOBAL}]` || lower === `[${UNICAST_MASTER_TABLE}]`) {
      return this.addSection(lower.slice(1, -1), index);
    }
    const name = portName(content);
    if (name === undefined) {
      this.report('empty-section-name', index, offset, `"${clip(content)}" names no section`);
      return undefined;
    }
    const reserved = name.toLowerCase();
    if (reserved === GLOBAL || reserved === UNICAST_MASTER_TABLE) {
      // Only the exact header is special: linuxptp would create a port (an interface) with this name.
      this.report(
        'misread-section-header',
        index,
        offset,
        `linuxptp reads "${content}" as a port; write [${reserved}]`,
      );
      return this.addSection(reserved, index);
    }
    return this.addSection(name, index);
  }

  private addSection(name: string, index: number): ConfigSection {
    const section = { name, line: this.firstLine + index, entries: [] };
    this.sections.push(section);
    return section;
  }

  private readSetting(section: ConfigSection, content: string, index: number, offset: number): void {
    const keyEnd = nextSpace(content, 0);
    if (keyEnd === content.length) {
      this.report('missing-value', index, offset, `option "${clip(content)}" has no value`);
      return;
    }
    const key = content.slice(0, keyEnd);
    const value = content.slice(skipSpace(content, keyEnd));
    if (/[\t\v\f\r ]#/.test(value)) {
      this.report(
        'inline-comment',
        index,
        offset,
        `linuxptp has no inline comments: ${key}'s value is "${clip(value)}"`,
      );
    }
    section.entries.push({ key, value, line: this.firstLine + index, column: this.indent + offset + 1 });
  }
}

/** C isspace() in the C locale, which linuxptp uses to split and trim lines. */
function isCSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d);
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && isCSpace(text.charCodeAt(i))) i++;
  return i;
}

function nextSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && !isCSpace(text.charCodeAt(i))) i++;
  return i;
}

function trimmedEnd(text: string): number {
  let end = text.length;
  while (end > 0 && isCSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

/** linuxptp blanks out every `[` and `]` and takes the first word: `[ens1f0]` names the port ens1f0. */
function portName(header: string): string | undefined {
  const isSeparator = (i: number) => isCSpace(header.charCodeAt(i)) || header[i] === '[' || header[i] === ']';
  let start = 0;
  while (start < header.length && isSeparator(start)) start++;
  let end = start;
  while (end < header.length && !isSeparator(end)) end++;
  return end > start ? header.slice(start, end) : undefined;
}

/** Counts UTF-8 bytes only as far as needed, so a 10 MB line costs nothing extra. */
function exceedsLineBuffer(line: string): boolean {
  if (line.length > LINUXPTP_MAX_LINE_BYTES) return true;
  if (line.length * 4 <= LINUXPTP_MAX_LINE_BYTES) return false;
  let bytes = 0;
  for (const char of line) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes > LINUXPTP_MAX_LINE_BYTES;
}

/** Keeps messages short when the offending text is a huge line. */
function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
