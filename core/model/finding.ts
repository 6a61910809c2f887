import { z } from 'zod';

export const SEVERITIES = ['critical', 'moderate', 'minor', 'info'] as const;
export const Severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof Severity>;

export const HEALTH_STATES = ['HEALTHY', 'MINOR', 'MODERATE', 'CRITICAL'] as const;
export const Health = z.enum(HEALTH_STATES);
export type Health = z.infer<typeof Health>;

/** What a finding is about; every field is optional because a finding may concern a whole cluster. */
export const FindingSubject = z.object({
  cluster: z.string().optional(),
  node: z.string().optional(),
  process: z.string().optional(),
  profile: z.string().optional(),
  iface: z.string().optional(),
  port: z.string().optional(),
});
export type FindingSubject = z.infer<typeof FindingSubject>;

/** Where in a file a finding points (lint): the line of the offending key. */
export const FindingLocation = z.object({
  file: z.string(),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
  key: z.string().optional(),
});
export type FindingLocation = z.infer<typeof FindingLocation>;

export const Evidence = z.object({
  description: z.string(),
  time: z.string().optional(),
  value: z.union([z.string(), z.number(), z.boolean()]).optional(),
});
export type Evidence = z.infer<typeof Evidence>;

/** The only output of judgment (DESIGN.md "Findings and health"). */
export const Finding = z.object({
  id: z.string(),
  pack: z.string(),
  rule: z.string(),
  severity: Severity,
  title: z.string(),
  subject: FindingSubject,
  message: z.string(),
  evidence: z.array(Evidence),
  location: FindingLocation.optional(),
  remediation: z.string().optional(),
  references: z.array(z.string()).optional(),
});
export type Finding = z.infer<typeof Finding>;

const SEVERITY_RANK: Record<Severity, number> = { info: 0, minor: 1, moderate: 2, critical: 3 };

export function severityRank(severity: Severity): number {
  return SEVERITY_RANK[severity];
}

/** Health is the worst severity among the findings; info findings do not degrade it. */
export function healthOf(findings: readonly Pick<Finding, 'severity'>[]): Health {
  let worst = 0;
  for (const finding of findings) worst = Math.max(worst, SEVERITY_RANK[finding.severity]);
  return HEALTH_STATES[worst] ?? 'HEALTHY';
}
