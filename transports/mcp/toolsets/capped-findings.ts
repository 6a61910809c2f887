import { z } from 'zod';
import { type Finding, Finding as FindingSchema, SEVERITIES } from '../../../core/model/finding.js';

/**
 * How many findings an answer holds: the first of each rule and no more than a model can read. A 4 MB
 * configuration had thousands of findings of a few rules, 83 MB of JSON; the counts say what was left out.
 */
export const FINDINGS_PER_RULE = 10;
export const MAX_FINDINGS = 100;

/** The output properties of a tool that answers findings. */
export const cappedFindingsOutput = {
  findings: z
    .array(FindingSchema)
    .describe(
      `Worst first; the first ${FINDINGS_PER_RULE} of each rule, ${MAX_FINDINGS} at most (see truncated and findingCounts)`,
    ),
  truncated: z.boolean().describe('Whether findings holds only part of them: findingCounts counts all'),
  findingCounts: z.object({
    total: z.number().int(),
    shown: z.number().int(),
    bySeverity: z.record(z.string(), z.number().int()).describe('All findings by severity'),
    omittedByRule: z
      .record(z.string(), z.number().int())
      .describe('Findings of each rule left out of findings (only rules with some left out)'),
  }),
};

export interface CappedFindings {
  findings: Finding[];
  truncated: boolean;
  findingCounts: {
    total: number;
    shown: number;
    bySeverity: Record<string, number>;
    omittedByRule: Record<string, number>;
  };
}

/** The findings (already worst first) an answer shows, in their order, with the counts of all of them. */
export function cappedFindings(
  all: readonly Finding[],
  limits: { perRule: number; max: number } = { perRule: FINDINGS_PER_RULE, max: MAX_FINDINGS },
): CappedFindings {
  const shownOfRule = new Map<string, number>();
  const omittedByRule: Record<string, number> = {};
  const bySeverity: Record<string, number> = Object.fromEntries(SEVERITIES.map((s) => [s, 0]));
  const findings: Finding[] = [];
  for (const finding of all) {
    bySeverity[finding.severity]!++;
    const ofRule = shownOfRule.get(finding.rule) ?? 0;
    if (ofRule < limits.perRule && findings.length < limits.max) {
      findings.push(finding);
      shownOfRule.set(finding.rule, ofRule + 1);
    } else {
      omittedByRule[finding.rule] = (omittedByRule[finding.rule] ?? 0) + 1;
    }
  }
  return {
    findings,
    truncated: findings.length < all.length,
    findingCounts: { total: all.length, shown: findings.length, bySeverity, omittedByRule },
  };
}

/** The summary line of a truncated answer: how many are shown, and which rules have more. */
export function truncationLine(capped: CappedFindings): string[] {
  if (!capped.truncated) return [];
  const rules = Object.entries(capped.findingCounts.omittedByRule)
    .sort(([, a], [, b]) => b - a)
    .slice(0, 5)
    .map(([rule, n]) => `${rule} +${n}`);
  return [
    `truncated: ${capped.findingCounts.shown} of ${capped.findingCounts.total} finding(s) shown (first ${FINDINGS_PER_RULE} per rule); more of ${rules.join(', ')}${Object.keys(capped.findingCounts.omittedByRule).length > 5 ? ', …' : ''}`,
  ];
}
