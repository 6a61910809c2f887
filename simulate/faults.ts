import { z } from 'zod';

/**
 * Faults the simulated API server injects, to test how clients live with a real cluster's bad days:
 * errors (500, 429 with Retry-After, 403), slow answers, bodies cut short. Matched on the request path.
 */
export const FaultRule = z.strictObject({
  /** A regular expression tested against the path and query, e.g. `/log\\?` or `pods/[^/]+/exec`. */
  path: z.string().min(1),
  status: z.number().int().min(400).max(599).optional(),
  retryAfterSeconds: z.number().int().min(0).optional(),
  /** How many matching requests fail before they succeed; every one when absent. */
  times: z.number().int().positive().optional(),
  /** Answer this much later (after the fault's status, or before a normal answer). */
  delayMs: z.number().int().min(0).optional(),
  /** Send half of the body, then close the connection. */
  truncate: z.boolean().optional(),
  message: z.string().optional(),
});
export type FaultRule = z.infer<typeof FaultRule>;

export const FaultPlan = z.strictObject({
  faults: z.array(FaultRule).default([]),
  /** Nodes whose daemon pod is missing (not scheduled, or deleted). */
  withoutDaemonPod: z.array(z.string()).default([]),
});
export type FaultPlan = z.infer<typeof FaultPlan>;

/** The faults of a plan with their remaining counts: each request takes the first rule that matches. */
export class FaultInjector {
  private readonly rules: { rule: FaultRule; pattern: RegExp; left: number }[];

  constructor(faults: readonly FaultRule[]) {
    this.rules = faults.map((rule) => ({
      rule,
      pattern: new RegExp(rule.path),
      left: rule.times ?? Infinity,
    }));
  }

  take(pathAndQuery: string): FaultRule | undefined {
    const entry = this.rules.find((r) => r.left > 0 && r.pattern.test(pathAndQuery));
    if (!entry) return undefined;
    entry.left--;
    return entry.rule;
  }
}
