import { z } from 'zod';

export const MetricSample = z.object({
  name: z.string(),
  labels: z.record(z.string(), z.string()),
  value: z.number(),
  /** The optional timestamp of the exposition line, ms since the epoch. */
  timestampMs: z.number().optional(),
  line: z.number().int(),
});
export type MetricSample = z.infer<typeof MetricSample>;

export const MetricFamily = z.object({
  name: z.string(),
  help: z.string().optional(),
  type: z.enum(['counter', 'gauge', 'histogram', 'summary', 'untyped']).optional(),
});
export type MetricFamily = z.infer<typeof MetricFamily>;

export const MetricsDiagnostic = z.object({ line: z.number().int(), message: z.string() });

export const MetricsText = z.object({
  families: z.array(MetricFamily),
  samples: z.array(MetricSample),
  unparsedLines: z.number().int(),
  diagnostics: z.array(MetricsDiagnostic),
});
export type MetricsText = z.infer<typeof MetricsText>;

/** An `openshift_ptp_*` sample with its meaning decoded (facts: ptp-formats.md §2). */
export const PtpMetric = z.object({
  /** The name without `openshift_ptp_`: offset_ns, clock_state, interface_role … */
  metric: z.string(),
  node: z.string().nullable(),
  process: z.string().nullable(),
  iface: z.string().nullable(),
  labels: z.record(z.string(), z.string()),
  value: z.number(),
  /** What an enumerated value means: LOCKED, SLAVE, DOWN, 3D_FIX … */
  decoded: z.string().nullable(),
  /** A value the daemon writes as a marker rather than a measurement (999999 for a faulty port …). */
  sentinel: z.string().nullable(),
});
export type PtpMetric = z.infer<typeof PtpMetric>;
