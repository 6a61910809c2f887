import { describe, expect, it } from 'vitest';
import { optionValueFacts } from '../../../core/rules/facts/option-value.js';
import { ptp4lTextProblem } from '../../../core/rules/facts/ptp4l-text-values.js';

describe('ptp4lTextProblem: text values clock.c clock_create() refuses', () => {
  it('productDescription and revisionData need exactly two semicolons and fit 64 / 32 characters', () => {
    expect(ptp4lTextProblem('productDescription', ';;')).toBeNull();
    expect(ptp4lTextProblem('productDescription', 'Intel;E810;1.0')).toBeNull();
    expect(ptp4lTextProblem('productDescription', 'Intel E810')).toMatchObject({
      valueProblem: 'bad format',
    });
    expect(ptp4lTextProblem('revisionData', ';;;')?.allowedText).toBe(
      "three fields separated by ';', at most 32 characters",
    );
    expect(ptp4lTextProblem('revisionData', `${'x'.repeat(31)};;`)).not.toBeNull();
    expect(ptp4lTextProblem('revisionData', `${'x'.repeat(30)};;`)).toBeNull();
    // UTF-8 characters count against max_symbols, bytes against MAX_PTP_OCTETS (255).
    expect(ptp4lTextProblem('userDescription', 'é'.repeat(120))).toBeNull();
    expect(ptp4lTextProblem('userDescription', 'é'.repeat(128))).not.toBeNull();
    expect(ptp4lTextProblem('userDescription', 'x'.repeat(129))).not.toBeNull();
  });

  it('manufacturerIdentity is read with sscanf("%hhx:%hhx:%hhx")', () => {
    expect(ptp4lTextProblem('manufacturerIdentity', '00:1B:19')).toBeNull();
    expect(ptp4lTextProblem('manufacturerIdentity', '0:1b:19:ff')).toBeNull(); // sscanf ignores the rest
    expect(ptp4lTextProblem('manufacturerIdentity', '00-1B-19')).toMatchObject({
      valueProblem: 'bad format',
    });
  });

  it('clockIdentity is read as str2cid() does: eight bytes of one or two hex digits, dots after 3 and 5', () => {
    expect(ptp4lTextProblem('clockIdentity', '000000.0000.000000')).toBeNull();
    expect(ptp4lTextProblem('clockIdentity', '507c6f.fffe.1fb1e4')).toBeNull();
    expect(ptp4lTextProblem('clockIdentity', '12345.6789.abcdef')).toBeNull(); // "12","34","5" then '.'
    expect(ptp4lTextProblem('clockIdentity', '507c6ffffe1fb1e4')).toMatchObject({
      valueProblem: 'bad format',
    });
    expect(ptp4lTextProblem('clockIdentity', '50:7c:6f:ff:fe:1f:b1:e4')).not.toBeNull();
  });

  it('leaves other options alone', () => {
    expect(ptp4lTextProblem('uds_address', 'anything at all')).toBeNull();
  });
});

describe('optionValueFacts applies them to ptp4l only', () => {
  it('phc2sys and ts2phc create no PTP clock', () => {
    expect(optionValueFacts('productDescription', 'x', '4.4', 'ptp4l').valueProblem).toBe('bad format');
    expect(optionValueFacts('productDescription', 'x', '4.4', 'phc2sys').valueProblem).toBeNull();
  });
});
