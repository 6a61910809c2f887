import {
  LINUXPTP_OPTION_TABLES,
  LINUXPTP_RENAMED_OPTIONS,
  type LinuxptpConfigItem,
  type LinuxptpTableRelease,
} from '../data/linuxptp-option-table.js';
import { ptp4lTextProblem } from './ptp4l-text-values.js';

/**
 * Whether linuxptp accepts a value for an option, decided as config.c parse_item() does (the same for
 * ptp4l, phc2sys and ts2phc, in a file and as a `--key value` long option):
 * - int items: util.c get_ranged_int(), strtol(value, &end, 0) on a 64-bit long: the whole value must be
 *   read (else MALFORMED, "is a malformed value"), then min <= value <= max (else OUT_OF_RANGE, "is an out
 *   of range value"); base 0 reads 0x… as hex and a leading 0 as octal, so "08" is malformed;
 * - uint items: get_ranged_uint(), strtoul(): "-1" wraps to ULONG_MAX, out of range;
 * - double items: get_ranged_double(), strtod(): also "inf" (out of range) and "nan" (accepted: every
 *   comparison with NaN is false);
 * - enum items: one of the table's names, compared with strcasecmp() (else BAD_VALUE, "is a bad value");
 * - fault_reset_interval and fault_badpeernet_interval also take ASAP (parse_fault_interval()).
 * Read at linuxptp v3.1.1 … v4.4 (config.c parse_item, util.c get_ranged_*); unchanged across them.
 */
export type ValueProblem = 'out of range' | 'not a number' | 'unknown value' | 'bad format';

export interface OptionValueCheck {
  valueProblem: ValueProblem | null;
  /** What the option takes: "0..255", "one of E2E, P2P, Auto", "any text". */
  allowedText: string;
}

/**
 * The value facts of option `key` at release `table` for `program`: nulls for an option the table does not
 * have. ptp4l also refuses some text values when it creates its clock (ptp4l-text-values.ts).
 */
export function optionValueFacts(
  key: string,
  value: string,
  table: LinuxptpTableRelease,
  program = 'ptp4l',
): { valueProblem: ValueProblem | null; allowedText: string | null; checkedAgainst: string } {
  // check_deprecated_options() renames first (slaveOnly is read as clientOnly from 4.0 on).
  const name = LINUXPTP_RENAMED_OPTIONS[table][key] ?? key;
  const item = LINUXPTP_OPTION_TABLES[table][name];
  if (!item) return { valueProblem: null, allowedText: null, checkedAgainst: table };
  const text = item.type === 'string' && program === 'ptp4l' ? ptp4lTextProblem(name, value) : null;
  return { ...(text ?? checkOptionValue(name, item, value)), checkedAgainst: table };
}

const FAULT_INTERVALS = new Set(['fault_reset_interval', 'fault_badpeernet_interval']);
const DBL_MIN = 2.2250738585072014e-308;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;
const ULONG_MAX = 2n ** 64n - 1n;

export function checkOptionValue(name: string, item: LinuxptpConfigItem, value: string): OptionValueCheck {
  const allowedText = allowed(item, name);
  if (FAULT_INTERVALS.has(name) && value.toLowerCase() === 'asap') return { valueProblem: null, allowedText };
  return { valueProblem: problem(item, value), allowedText };
}

function problem(item: LinuxptpConfigItem, value: string): ValueProblem | null {
  const min = item.min ?? 0;
  const max = item.max ?? 0;
  switch (item.type) {
    case 'string':
      return null;
    case 'enum':
      return (item.values ?? []).some((name) => name.toLowerCase() === value.toLowerCase())
        ? null
        : 'unknown value';
    case 'double': {
      const parsed = strtod(value);
      if (parsed === undefined) return 'not a number';
      return parsed.erange || parsed.value < min || parsed.value > max ? 'out of range' : null;
    }
    default: {
      const parsed = strtol(value, item.type === 'uint');
      if (parsed === undefined) return 'not a number';
      return parsed.erange || parsed.value < BigInt(min) || parsed.value > BigInt(max)
        ? 'out of range'
        : null;
    }
  }
}

/** C isspace() in the C locale. */
const SPACE = /^[ \t\n\v\f\r]*/;

/** strtol/strtoul with base 0; undefined when the whole text is not one number (MALFORMED). */
function strtol(text: string, unsigned: boolean): { value: bigint; erange: boolean } | undefined {
  const match = /^([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.exec(text.replace(SPACE, ''));
  if (!match) return undefined;
  const digits = match[2] ?? '';
  const magnitude = BigInt(/^0[0-7]+$/.test(digits) ? `0o${digits.slice(1)}` : digits);
  const negative = match[1] === '-';
  if (unsigned) {
    if (magnitude > ULONG_MAX) return { value: ULONG_MAX, erange: true };
    // strtoul negates in unsigned long: "-1" is ULONG_MAX.
    return { value: negative && magnitude > 0n ? ULONG_MAX + 1n - magnitude : magnitude, erange: false };
  }
  const value = negative ? -magnitude : magnitude;
  return { value, erange: value < LONG_MIN || value > LONG_MAX };
}

/** strtod; undefined when the whole text is not one number (MALFORMED). */
function strtod(text: string): { value: number; erange: boolean } | undefined {
  const body = text.replace(SPACE, '');
  const special = /^([+-]?)(inf|infinity|nan(\([0-9A-Za-z_]*\))?)$/i.exec(body);
  if (special) {
    const sign = special[1] === '-' ? -1 : 1;
    return {
      value: special[2]?.toLowerCase().startsWith('nan') ? Number.NaN : sign * Infinity,
      erange: false,
    };
  }
  const hex = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([+-]?\d+))?$/.exec(body);
  if (hex && `${hex[2]}${hex[3] ?? ''}` !== '') {
    const fraction = hex[3] ?? '';
    const mantissa = Number.parseInt(`${hex[2]}${fraction}` || '0', 16) / 16 ** fraction.length;
    const value = (hex[1] === '-' ? -1 : 1) * mantissa * 2 ** Number(hex[4] ?? 0);
    return { value, erange: outOfDouble(value, mantissa !== 0) };
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(body)) return undefined;
  const value = Number(body);
  return { value, erange: outOfDouble(value, /[1-9]/.test(body.replace(/[eE].*$/, ''))) };
}

/** strtod sets ERANGE on overflow, and (glibc) when a non-zero number underflows below DBL_MIN. */
function outOfDouble(value: number, nonZero: boolean): boolean {
  return !Number.isFinite(value) || (nonZero && Math.abs(value) < DBL_MIN);
}

function allowed(item: LinuxptpConfigItem, name: string): string {
  if (item.type === 'string') return 'any text';
  if (item.type === 'enum') return `one of ${(item.values ?? []).join(', ')}`;
  const range = `${bound(item.min ?? 0)}..${bound(item.max ?? 0)}`;
  return FAULT_INTERVALS.has(name) ? `${range} or ASAP` : range;
}

/** linuxptp's own names for the double limits; integers as they are. */
function bound(value: number): string {
  if (value === Number.MAX_VALUE) return 'DBL_MAX';
  if (value === -Number.MAX_VALUE) return '-DBL_MAX';
  if (value === DBL_MIN) return 'DBL_MIN';
  return String(value);
}
