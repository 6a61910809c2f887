import { z } from 'zod';
import { Severity } from '../model/finding.js';

/**
 * What one evaluation sees (DESIGN.md "Rule packs"): a profile, one of its ports, one of its options or
 * one program's command line (configuration lint); a node, a process or the cluster (a snapshot).
 */
export const PackScope = z.enum([
  'ptp4lProfile',
  'port',
  'option',
  'commandLine',
  'node',
  'process',
  'cluster',
]);
export type PackScope = z.infer<typeof PackScope>;

/** A json-rules-engine condition: a leaf on a fact, a boolean combination, or a reference to a named one. */
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { condition: string }
  | { fact: string; operator: string; value?: unknown; path?: string; params?: Record<string, unknown> };

const LeafCondition = z.strictObject({
  fact: z.string().min(1),
  operator: z.string().min(1),
  value: z.unknown().optional(),
  path: z
    .string()
    .regex(/^\$(\.[\w.[\]'"-]+)?$/, 'a JSONPath such as $.global.domainNumber')
    .optional(),
  params: z.record(z.string(), z.unknown()).optional(),
});

export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(Condition).min(1) }),
    z.strictObject({ any: z.array(Condition).min(1) }),
    z.strictObject({ not: Condition }),
    z.strictObject({ condition: z.string().min(1) }),
    LeafCondition,
  ]),
);

/** The top of a rule's `when`: json-rules-engine requires all, any, not or a condition reference there. */
const TopCondition = z.union([
  z.strictObject({ all: z.array(Condition).min(1) }),
  z.strictObject({ any: z.array(Condition).min(1) }),
  z.strictObject({ not: Condition }),
  z.strictObject({ condition: z.string().min(1) }),
]);

export const RULE_ID = /^[a-z0-9][a-z0-9._/-]*$/;

export const Rule = z.strictObject({
  id: z.string().regex(RULE_ID, 'lower-case letters, digits and . _ / - (e.g. g8275.1/domain-range)'),
  severity: Severity,
  /** The pack's scope unless the rule names another (an option-level check in a profile pack). */
  scope: PackScope.optional(),
  title: z.string().min(1),
  description: z.string().optional(),
  when: TopCondition,
  /** `{{fact.path}}` placeholders are filled from the facts; `{{param.name}}` from the pack's parameters. */
  message: z.string().min(1),
  remediation: z.string().optional(),
  references: z.array(z.string()).optional(),
  tags: z.array(z.string()).optional(),
  /** false switches off a rule inherited through `extends`. */
  enabled: z.boolean().default(true),
  /** Where a finding points when it is not the first matching condition's path. */
  locate: z.strictObject({ fact: z.string(), path: z.string() }).optional(),
});
export type Rule = z.infer<typeof Rule>;

/** A finding switched off on purpose: always with a reason, never silently. */
export const Suppression = z.strictObject({
  rule: z.string().min(1),
  reason: z.string().trim().min(1, 'a suppression needs a reason'),
  match: z
    .strictObject({
      node: z.string().optional(),
      profile: z.string().optional(),
      process: z.string().optional(),
      iface: z.string().optional(),
      file: z.string().optional(),
    })
    .optional(),
});
export type Suppression = z.infer<typeof Suppression>;

export const RulePack = z.strictObject({
  apiVersion: z.literal('ptp-mcp/v1'),
  kind: z.literal('RulePack'),
  metadata: z.strictObject({
    name: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'lower-case letters, digits, . and -'),
    version: z.string().default('0.0.0'),
    description: z.string().optional(),
    references: z.array(z.string()).optional(),
  }),
  spec: z.strictObject({
    /** The scope of the pack's rules, unless a rule names its own. */
    scope: PackScope,
    /** Packs (built-in names or paths relative to this file) whose rules this one inherits. */
    extends: z.array(z.string()).default([]),
    /** Values rules read as `{ fact: param, path: $.name }` and `{{param.name}}`; a pack extending this may override them. */
    parameters: z.record(z.string(), z.unknown()).default({}),
    /** Named conditions rules reference with `{ condition: name }`. */
    conditions: z.record(z.string(), Condition).default({}),
    rules: z.array(Rule).default([]),
    suppressions: z.array(Suppression).default([]),
  }),
});
export type RulePack = z.infer<typeof RulePack>;
