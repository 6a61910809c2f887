import type { Finding } from '../model/finding.js';
import type { Suppression } from './pack-schema.js';

interface Numbered {
  order: number;
  suppression: Suppression;
}

/**
 * Suppressions grouped by the rule they name, so that a finding is held only to those that can match it:
 * a file with a `# ptp-mcp-ignore` comment per port and a finding per port stays linear. `find` returns
 * what a scan of the list in order would: the first suppression that matches.
 */
export class SuppressionIndex {
  private readonly byRule = new Map<string, Numbered[]>();
  /** `*` and `prefix*`, which match many rules. */
  private readonly patterns: Numbered[] = [];

  constructor(suppressions: readonly Suppression[]) {
    suppressions.forEach((suppression, order) => {
      const numbered = { order, suppression };
      if (suppression.rule.endsWith('*')) this.patterns.push(numbered);
      else {
        const same = this.byRule.get(suppression.rule);
        if (same) same.push(numbered);
        else this.byRule.set(suppression.rule, [numbered]);
      }
    });
  }

  find(finding: Finding, file: string | undefined): Suppression | undefined {
    const exact = this.byRule
      .get(finding.rule)
      ?.find(({ suppression }) => matches(suppression, finding, file));
    const pattern = this.patterns.find(
      ({ order, suppression }) =>
        (exact === undefined || order < exact.order) && matches(suppression, finding, file),
    );
    return (pattern ?? exact)?.suppression;
  }
}

function matches(suppression: Suppression, finding: Finding, file: string | undefined): boolean {
  const ruleMatches =
    suppression.rule === finding.rule ||
    suppression.rule === '*' ||
    (suppression.rule.endsWith('*') && finding.rule.startsWith(suppression.rule.slice(0, -1)));
  if (!ruleMatches) return false;
  const match = suppression.match ?? {};
  const subject = finding.subject;
  return (
    (match.node === undefined || match.node === subject.node) &&
    (match.profile === undefined || match.profile === subject.profile) &&
    (match.process === undefined || match.process === subject.process) &&
    (match.iface === undefined || match.iface === subject.iface) &&
    (match.file === undefined ||
      (file !== undefined && (file === match.file || file.endsWith(`/${match.file}`))))
  );
}
