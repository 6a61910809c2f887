/**
 * A line written by a linuxptp program or synthesized by linuxptp-daemon, after its envelope:
 *   `ptp4l[1306975.704]: [ptp4l.1.config:6] master offset 3 s2 …`   (linuxptp `-m`, monotonic seconds)
 *   `dpll[1757601712]:[ts2phc.1.config] ens4f0 frequency_status 1 …` (daemon, integer Unix seconds)
 *   `[1306975.704] [ptp4l.0.config] master offset …`                  (syslog body, program from the header)
 */
export interface ProcessLine {
  process: string;
  configTag: string | null;
  /** syslog level digit of the message tag (`:6`), when the daemon asked linuxptp for it. */
  level?: number;
  /** Seconds in the brackets: monotonic when written with a decimal point, Unix seconds when integer. */
  seconds?: number;
  secondsAreMonotonic: boolean;
  message: string;
}

/** Names that recur on every line are returned as these constants instead of fresh substrings. */
const KNOWN_NAMES = ['ptp4l', 'phc2sys', 'ts2phc', 'dpll', 'gnss', 'GM', 'T-BC', 'synce4l', 'chronyd'];
/** The config tags seen last, reused the same way (a log has a handful). */
const recentTags: string[] = [];
const RECENT_TAGS = 16;

function isNameChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 95 ||
    code === 45
  );
}

/** Parses `name[seconds]` + optional `:` + optional `[tag]`; undefined when the body is not such a line. */
export function parseProcessLine(body: string, syslogIdent?: string): ProcessLine | undefined {
  let process: string;
  let pos: number;
  if (syslogIdent !== undefined && body.charCodeAt(0) === 91 /* [ */) {
    process = syslogIdent;
    pos = 0;
  } else {
    let end = 0;
    while (end < body.length && isNameChar(body.charCodeAt(end))) end++;
    if (end === 0 || body.charCodeAt(end) !== 91) return undefined;
    process = internName(body, end);
    pos = end;
  }

  // The seconds: digits with at most one decimal point. N/10^k of two exact integers is correctly
  // rounded, the same double Number() would give, without slicing a string.
  let whole = 0;
  let decimals = 0;
  let digits = 0;
  let point = false;
  for (pos++; ; pos++) {
    const code = body.charCodeAt(pos);
    if (code >= 48 && code <= 57) {
      digits++;
      whole = whole * 10 + (code - 48);
      if (point) decimals++;
    } else if (code === 46 && !point) {
      point = true;
    } else break;
  }
  if (digits === 0 || body.charCodeAt(pos) !== 93 /* ] */) return undefined;
  const value = point ? whole / 10 ** decimals : whole;
  pos++;
  if (body.charCodeAt(pos) === 58 /* : */) pos++;
  while (body.charCodeAt(pos) === 32) pos++;

  let configTag: string | null = null;
  let level: number | undefined;
  if (body.charCodeAt(pos) === 91) {
    const tagEnd = body.indexOf(']', pos + 1);
    if (tagEnd > pos) {
      let nameEnd = tagEnd;
      const colon = body.lastIndexOf(':', tagEnd);
      if (colon > pos + 1) {
        const levelDigit = body.charCodeAt(colon + 1) - 48;
        if (colon + 2 === tagEnd && levelDigit >= 0 && levelDigit <= 9) {
          level = levelDigit;
          nameEnd = colon;
        } else if (body.startsWith(':{level}]', colon)) {
          nameEnd = colon;
        }
      }
      configTag = internTag(body, pos + 1, nameEnd);
      pos = tagEnd + 1;
      if (body.charCodeAt(pos) === 58) pos++;
      while (body.charCodeAt(pos) === 32) pos++;
    }
  }
  let end = body.length;
  while (end > pos && body.charCodeAt(end - 1) === 32) end--;
  return {
    process,
    configTag,
    level,
    seconds: value,
    secondsAreMonotonic: point || syslogIdent !== undefined,
    message: body.slice(pos, end),
  };
}

function internName(body: string, end: number): string {
  for (const name of KNOWN_NAMES) {
    if (name.length === end && body.startsWith(name)) return name;
  }
  return body.slice(0, end);
}

function internTag(body: string, start: number, end: number): string {
  for (const tag of recentTags) {
    if (tag.length === end - start && body.startsWith(tag, start)) return tag;
  }
  const tag = body.slice(start, end);
  if (recentTags.length >= RECENT_TAGS) recentTags.shift();
  recentTags.push(tag);
  return tag;
}
