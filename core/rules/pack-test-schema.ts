import { z } from 'zod';
import { Severity } from '../model/finding.js';

/**
 * What a case gives the pack: a configuration (a file, an inline PtpConfig or an inline ptp4l.conf)
 * for configuration packs; a snapshot (`source`) for runtime packs, optionally narrowed to a node or
 * to the last part of the data, and optionally patched: a deep merge into the facts of a scope, to
 * reach a state no recorded scenario shows.
 */
export const PackTestInput = z
  .strictObject({
    file: z.string().optional(),
    ptpConfig: z.string().optional(),
    ptp4lConf: z.string().optional(),
    linuxptpVersion: z.string().optional(),
    /** The PHC index of each interface (ethtool -T "PTP Hardware Clock"), for a configuration case. */
    phcs: z.record(z.string(), z.number().int().nullable()).optional(),
    source: z.string().optional(),
    node: z.string().optional(),
    last: z.string().optional(),
    patch: z
      .strictObject({
        node: z.record(z.string(), z.unknown()).optional(),
        process: z.record(z.string(), z.unknown()).optional(),
        cluster: z.record(z.string(), z.unknown()).optional(),
      })
      .optional(),
  })
  .refine(
    (input) => [input.file, input.ptpConfig, input.ptp4lConf, input.source].filter(Boolean).length === 1,
    {
      message: 'give exactly one of file, ptpConfig, ptp4lConf or source',
    },
  );
export type PackTestInput = z.infer<typeof PackTestInput>;

/** A finding the case expects; every field but `rule` narrows the match. `count` is exact. */
export const ExpectedFinding = z.strictObject({
  rule: z.string().min(1),
  severity: Severity.optional(),
  line: z.number().int().positive().optional(),
  node: z.string().optional(),
  process: z.string().optional(),
  profile: z.string().optional(),
  iface: z.string().optional(),
  count: z.number().int().positive().optional(),
  /** A piece of the rendered message. */
  message: z.string().optional(),
});
export type ExpectedFinding = z.infer<typeof ExpectedFinding>;

export const PackTestCase = z.strictObject({
  name: z.string().min(1),
  input: PackTestInput,
  expect: z.strictObject({
    fires: z.array(ExpectedFinding).default([]),
    /** Rules that must find nothing; `all`: every rule of the pack not listed in `fires`. */
    silent: z.union([z.literal('all'), z.array(z.string().min(1))]).default([]),
  }),
});
export type PackTestCase = z.infer<typeof PackTestCase>;

export const RulePackTest = z.strictObject({
  apiVersion: z.literal('ptp-mcp/v1'),
  kind: z.literal('RulePackTest'),
  /** The pack under test: a built-in name or a path relative to this file. */
  pack: z.string().min(1),
  cases: z.array(PackTestCase).min(1),
});
export type RulePackTest = z.infer<typeof RulePackTest>;
