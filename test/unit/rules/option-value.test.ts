import { describe, expect, it } from 'vitest';
import { LINUXPTP_OPTION_TABLES } from '../../../core/rules/data/linuxptp-option-table.js';
import { checkOptionValue, optionValueFacts } from '../../../core/rules/facts/option-value.js';

const TABLE = LINUXPTP_OPTION_TABLES['4.4'];
const check = (name: string, value: string) => {
  const item = TABLE[name];
  if (!item) throw new Error(`no option ${name}`);
  return checkOptionValue(name, item, value).valueProblem;
};

describe('checkOptionValue: what config.c parse_item() and util.c get_ranged_*() accept', () => {
  it('reads integers as strtol(value, &end, 0) does: hex, octal, a sign; the whole value or nothing', () => {
    expect(check('domainNumber', '0x18')).toBeNull();
    expect(check('domainNumber', '030')).toBeNull(); // octal 24
    expect(check('domainNumber', '+24')).toBeNull();
    expect(check('domainNumber', '08')).toBe('not a number'); // octal: strtol stops at 8
    expect(check('domainNumber', '0x')).toBe('not a number');
    expect(check('domainNumber', '24 # comment')).toBe('not a number');
    expect(check('domainNumber', '24.0')).toBe('not a number');
    expect(check('domainNumber', '')).toBe('not a number');
    expect(check('domainNumber', '256')).toBe('out of range');
    expect(check('domainNumber', '-1')).toBe('out of range');
    expect(check('summary_interval', '-2147483648')).toBeNull();
    expect(check('summary_interval', '9223372036854775808')).toBe('out of range'); // past LONG_MAX: ERANGE
  });

  it('reads unsigned items as strtoul does: "-1" wraps around and is out of range, "-0" is 0', () => {
    expect(check('active_key_id', '4294967295')).toBeNull();
    expect(check('active_key_id', '4294967296')).toBe('out of range');
    expect(check('active_key_id', '-1')).toBe('out of range');
    expect(check('active_key_id', '-0')).toBeNull();
  });

  it('reads doubles as strtod does: exponents and hex; inf is out of range, nan passes every comparison', () => {
    expect(check('step_threshold', '1e-3')).toBeNull();
    expect(check('step_threshold', '.5')).toBeNull();
    expect(check('step_threshold', '0x1p-3')).toBeNull();
    expect(check('step_threshold', 'nan')).toBeNull();
    expect(check('step_threshold', 'inf')).toBe('out of range');
    expect(check('step_threshold', '1e309')).toBe('out of range');
    expect(check('step_threshold', '1e')).toBe('not a number');
    expect(check('step_threshold', '0.5s')).toBe('not a number');
    expect(check('pi_integral_norm_max', '0')).toBe('out of range'); // min is DBL_MIN, not 0
    expect(check('pi_integral_norm_max', '1e-400')).toBe('out of range'); // underflow: ERANGE
    expect(check('pi_integral_norm_max', '2')).toBeNull();
  });

  it('matches enum names without regard to case (strcasecmp), and nothing else', () => {
    expect(check('delay_mechanism', 'e2e')).toBeNull();
    expect(check('network_transport', 'udpv4')).toBeNull();
    expect(check('network_transport', 'UDP')).toBe('unknown value');
    expect(check('time_stamping', 'hardware ')).toBe('unknown value');
  });

  it('takes ASAP for the fault intervals only (parse_fault_interval)', () => {
    expect(check('fault_reset_interval', 'asap')).toBeNull();
    expect(check('fault_badpeernet_interval', 'ASAP')).toBeNull();
    expect(check('fault_reset_interval', 'ASAPx')).toBe('not a number');
    expect(check('logSyncInterval', 'ASAP')).toBe('not a number');
  });

  it('says what is allowed in linuxptp terms', () => {
    const allowed = (name: string) => checkOptionValue(name, TABLE[name]!, 'x').allowedText;
    expect(allowed('domainNumber')).toBe('0..255');
    expect(allowed('delay_mechanism')).toBe('one of Auto, COMMON_P2P, E2E, P2P, NONE');
    expect(allowed('step_threshold')).toBe('0..DBL_MAX');
    expect(allowed('pi_integral_norm_max')).toBe('DBL_MIN..2');
    expect(allowed('fault_reset_interval')).toBe('-128..127 or ASAP');
    expect(allowed('productDescription')).toBe('any text');
  });
});

describe('optionValueFacts: the release table, after config.c renames deprecated names', () => {
  it('checks slaveOnly as clientOnly from 4.0 on, and as itself in 3.1.1', () => {
    expect(optionValueFacts('slaveOnly', '2', '4.4')).toEqual({
      valueProblem: 'out of range',
      allowedText: '0..1',
      checkedAgainst: '4.4',
    });
    expect(optionValueFacts('slaveOnly', '1', '3.1.1').valueProblem).toBeNull();
    expect(optionValueFacts('pi_offset_const', '-1', '4.4').valueProblem).toBe('out of range');
  });

  it('uses the release range: domainNumber 128 is refused by 3.1.1 only', () => {
    expect(optionValueFacts('domainNumber', '128', '3.1.1').valueProblem).toBe('out of range');
    expect(optionValueFacts('domainNumber', '128', '4.0').valueProblem).toBeNull();
  });

  it('has nothing to say about an option the release does not have', () => {
    expect(optionValueFacts('ts2phc.rh_external_pps', 'x', '4.4')).toEqual({
      valueProblem: null,
      allowedText: null,
      checkedAgainst: '4.4',
    });
  });
});
