import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../core/model/finding.js';
import type { Suppression } from '../../../core/rules/pack-schema.js';
import { SuppressionIndex } from '../../../core/rules/suppression-index.js';

const finding = (rule: string, iface: string): Finding => ({
  id: `${rule}@${iface}`,
  pack: 'linuxptp-config',
  rule,
  severity: 'minor',
  title: rule,
  subject: { profile: 'p', iface },
  message: 'm',
  evidence: [],
});

/** Which suppression suppresses a finding: the first of the list that matches, as when scanned in order. */
describe('SuppressionIndex', () => {
  const list: Suppression[] = [
    { rule: 'linuxptp/unknown-option', reason: 'exact, ens1f0 only', match: { iface: 'ens1f0' } },
    { rule: 'linuxptp/*', reason: 'prefix, ens2f0 only', match: { iface: 'ens2f0' } },
    { rule: 'linuxptp/unknown-option', reason: 'exact, any port' },
    { rule: '*', reason: 'everything' },
    { rule: 'linuxptp/deprecated-option', reason: 'after everything', match: { iface: 'ens1f0' } },
  ];
  const index = new SuppressionIndex(list);
  const reason = (rule: string, iface: string, file?: string) =>
    index.find(finding(rule, iface), file)?.reason;

  it('takes the first matching suppression, exact or pattern, in the order written', () => {
    expect(reason('linuxptp/unknown-option', 'ens1f0')).toBe('exact, ens1f0 only');
    expect(reason('linuxptp/unknown-option', 'ens2f0')).toBe('prefix, ens2f0 only');
    expect(reason('linuxptp/unknown-option', 'ens3f0')).toBe('exact, any port');
    expect(reason('linuxptp/deprecated-option', 'ens1f0')).toBe('everything');
    expect(reason('g8275.1/domain-range', 'ens3f0')).toBe('everything');
  });

  it('matches a file by its name or a path ending in it, and nothing without a match', () => {
    const files = new SuppressionIndex([{ rule: 'a/b', reason: 'in x.conf', match: { file: 'x.conf' } }]);
    expect(files.find(finding('a/b', 'e'), '/etc/x.conf')?.reason).toBe('in x.conf');
    expect(files.find(finding('a/b', 'e'), '/etc/xx.conf')).toBeUndefined();
    expect(files.find(finding('a/b', 'e'), undefined)).toBeUndefined();
    expect(files.find(finding('a/c', 'e'), 'x.conf')).toBeUndefined();
  });
});
