/**
 * Text options config.c takes as any string but ptp4l's clock_create() (clock.c) then refuses, so that
 * ptp4l prints "invalid productDescription '…'" (or "failed to set clock identity") and "failed to create
 * a clock", and exits. The same at linuxptp v3.1.1 … v4.4 and f98cb5d:
 * - productDescription, revisionData: exactly two ';' (count_char) and at most 64 / 32 UTF-8 characters
 *   (static_ptp_text_set, max_symbols), userDescription at most 128, each at most 255 bytes (MAX_PTP_OCTETS);
 * - manufacturerIdentity: sscanf("%hhx:%hhx:%hhx") must read three numbers;
 * - clockIdentity: util.c str2cid(), sscanf(" %02hhx%02hhx%02hhx.%02hhx%02hhx.%02hhx%02hhx%02hhx") must
 *   read eight bytes.
 * phc2sys and ts2phc create no PTP clock and ignore these options.
 */
export interface TextValueCheck {
  valueProblem: 'bad format';
  allowedText: string;
}

const DESCRIPTIONS: Record<string, { symbols: number; fields: boolean }> = {
  productDescription: { symbols: 64, fields: true },
  revisionData: { symbols: 32, fields: true },
  userDescription: { symbols: 128, fields: false },
};
const MAX_PTP_OCTETS = 255;

/** The problem ptp4l has with a text option's value; null when it takes it (or the option is not one of these). */
export function ptp4lTextProblem(name: string, value: string): TextValueCheck | null {
  const description = DESCRIPTIONS[name];
  if (description) {
    const allowedText = `${description.fields ? "three fields separated by ';', " : ''}at most ${description.symbols} characters`;
    const fieldsOk = !description.fields || value.split(';').length === 3;
    const fits = [...value].length <= description.symbols && Buffer.byteLength(value) <= MAX_PTP_OCTETS;
    return fieldsOk && fits ? null : { valueProblem: 'bad format', allowedText };
  }
  if (name === 'manufacturerIdentity') {
    const byte = '[ \\t\\n\\v\\f\\r]*[+-]?(?:0[xX])?[0-9a-fA-F]+';
    return new RegExp(`^${byte}:${byte}:${byte}`).test(value)
      ? null
      : { valueProblem: 'bad format', allowedText: 'an OUI such as 00:00:00' };
  }
  if (name === 'clockIdentity') {
    return readsClockIdentity(value)
      ? null
      : { valueProblem: 'bad format', allowedText: 'a clock identity such as 001122.fffe.334455' };
  }
  return null;
}

/** str2cid()'s sscanf: each %02hhx skips white space and reads one or two hex digits; '.' must follow bytes 3 and 5. */
function readsClockIdentity(text: string): boolean {
  let at = 0;
  for (let byte = 0; byte < 8; byte++) {
    if (byte === 3 || byte === 5) {
      if (text[at] !== '.') return false;
      at++;
    }
    while (at < text.length && /[ \t\n\v\f\r]/.test(text[at] ?? '')) at++;
    let digits = 0;
    while (digits < 2 && /[0-9a-fA-F]/.test(text[at] ?? '')) {
      at++;
      digits++;
    }
    if (digits === 0) return false;
  }
  return true;
}
