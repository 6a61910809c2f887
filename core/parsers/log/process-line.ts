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
    process = body.slice(0, end);
    pos = end;
  }
  const close = body.indexOf(']', pos + 1);
  if (close < 0) return undefined;
  const secondsText = body.slice(pos + 1, close);
  const seconds = Number(secondsText);
  if (secondsText === '' || Number.isNaN(seconds)) return undefined;
  pos = close + 1;
  if (body.charCodeAt(pos) === 58 /* : */) pos++;
  while (body.charCodeAt(pos) === 32) pos++;

  let configTag: string | null = null;
  let level: number | undefined;
  if (body.charCodeAt(pos) === 91) {
    const tagEnd = body.indexOf(']', pos + 1);
    if (tagEnd > pos) {
      const tag = body.slice(pos + 1, tagEnd);
      const colon = tag.lastIndexOf(':');
      const suffix = colon < 0 ? '' : tag.slice(colon + 1);
      if (colon > 0 && (suffix === '{level}' || /^\d$/.test(suffix))) {
        configTag = tag.slice(0, colon);
        if (suffix !== '{level}') level = Number(suffix);
      } else {
        configTag = tag;
      }
      pos = tagEnd + 1;
      if (body.charCodeAt(pos) === 58) pos++;
      while (body.charCodeAt(pos) === 32) pos++;
    }
  }
  const message = body.slice(pos).trimEnd();
  return {
    process,
    configTag,
    level,
    seconds,
    secondsAreMonotonic: secondsText.includes('.') || syslogIdent !== undefined,
    message,
  };
}
