import type { LogLevel } from '../../model/log-excerpt.js';

/**
 * A line of logrus' text format, as cloud-event-proxy writes its log (logrus TextFormatter without a
 * terminal: `time` in RFC3339, `level`, `msg`, then the entry's fields, values quoted with Go's %q when
 * they need it):
 *   time="2026-11-20T08:02:11Z" level=info msg="interface ens2fx is in LOCKED state, cancel any holdover states"
 */
/** The program that writes logrus lines into a PTP pod's logs: the cloud-event-proxy sidecar. */
export const PROXY_PROCESS = 'cloud-event-proxy';

export interface LogrusLine {
  wall: number;
  level: LogLevel;
  /** The message, unquoted, followed by the entry's other fields as they stand. */
  message: string;
}

const LOGRUS_HEAD = /^time="([^"]+)" level=([a-z]+) msg=/;
const LEVELS: Record<string, LogLevel> = {
  panic: 'error',
  fatal: 'error',
  error: 'error',
  warning: 'warning',
  info: 'info',
  debug: 'debug',
  trace: 'debug',
};

/** The logrus line, or undefined for any other line (or an unknown level, or a time Date cannot read). */
export function parseLogrusLine(line: string): LogrusLine | undefined {
  const head = LOGRUS_HEAD.exec(line);
  if (!head) return undefined;
  const wall = Date.parse(head[1]!);
  const level = LEVELS[head[2]!];
  if (Number.isNaN(wall) || level === undefined) return undefined;
  let rest = line.slice(head[0].length);
  let message: string;
  if (rest.startsWith('"')) {
    const quoted = readGoQuoted(rest);
    if (quoted === undefined) return undefined;
    message = quoted.text;
    rest = rest.slice(quoted.length);
  } else {
    const space = rest.indexOf(' ');
    message = space < 0 ? rest : rest.slice(0, space);
    rest = space < 0 ? '' : rest.slice(space);
  }
  return { wall, level, message: rest.trim() === '' ? message : `${message}${rest.trimEnd()}` };
}

const SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  '"': '"',
  "'": "'",
};
const HEX_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 };

/** A Go %q string at the start of `text`: its value and how many characters it took; undefined if cut. */
function readGoQuoted(text: string): { text: string; length: number } | undefined {
  let value = '';
  for (let i = 1; i < text.length; i++) {
    const char = text[i]!;
    if (char === '"') return { text: value, length: i + 1 };
    if (char !== '\\') {
      value += char;
      continue;
    }
    const escaped = text[++i];
    if (escaped === undefined) return undefined;
    const simple = SIMPLE_ESCAPES[escaped];
    if (simple !== undefined) {
      value += simple;
      continue;
    }
    const digits = HEX_DIGITS[escaped];
    const hex = digits === undefined ? '' : text.slice(i + 1, i + 1 + digits);
    if (digits === undefined || !/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) return undefined;
    const code = Number.parseInt(hex, 16);
    if (code > 0x10ffff) return undefined;
    // Go writes \xNN for a byte that is not UTF-8: kept as the character of that code.
    value += String.fromCodePoint(code);
    i += digits;
  }
  return undefined;
}
