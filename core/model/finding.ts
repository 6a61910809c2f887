import { z } from 'zod';

export const SEVERITIES = ['critical', 'moderate', 'minor', 'info'] as const;
export const Severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof Severity>;

/**
 * Best first. UNKNOWN is a node (or cluster) whose daemon log could not be read: it ranks
 * above HEALTHY (never healthy without data) and below any finding of minor or worse, which is a fault
 * known for certain; the nodes without data are counted apart (Diagnosis health.unknown).
 */
export const HEALTH_STATES = ['HEALTHY', 'UNKNOWN', 'MINOR', 'MODERATE', 'CRITICAL'] as const;
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

const HEALTH_OF_SEVERITY: Record<Severity, Health> = {
  info: 'HEALTHY',
  minor: 'MINOR',
  moderate: 'MODERATE',
  critical: 'CRITICAL',
};

export function healthRank(health: Health): number {
  return HEALTH_STATES.indexOf(health);
}

/**
 * Health is the worst severity among the findings (info findings do not degrade it); without data
 * (`unknown`) it is at least UNKNOWN, never HEALTHY.
 */
export function healthOf(findings: readonly Pick<Finding, 'severity'>[], unknown = false): Health {
  let worst: Health = unknown ? 'UNKNOWN' : 'HEALTHY';
  for (const finding of findings) {
    const health = HEALTH_OF_SEVERITY[finding.severity];
    if (healthRank(health) > healthRank(worst)) worst = health;
  }
  return worst;
}
