import { z } from 'zod';
import type { PtpDataSource } from '../sources/raw-cluster.js';

/** A function of a plugin: zod checks only that it is one (its arguments are the contract below). */
function fn<F>(what: string) {
  return z.custom<F>((value) => typeof value === 'function', `${what} must be a function`);
}

/** What a source can do, for the core and the transports to ask instead of testing its name. */
export const SourceCapabilities = z.strictObject({
  live: z
    .boolean()
    .default(false)
    .describe("a running deployment: `last` is counted back from the deployment's now, when reading"),
  recorded: z.boolean().default(false).describe('a recording read from files alone'),
  exec: z.boolean().default(false).describe('runs commands on the nodes (pods/exec, a local pmc)'),
  workThread: z
    .boolean()
    .default(false)
    .describe(
      "opened again on a work thread from its plugin's module and the server's plain settings, it reads what it reads here: a server reads it there, its event loop free",
    ),
  events: z
    .boolean()
    .default(false)
    .describe(
      "the deployment whose O-RAN events a server follows (serve --events-listen): its publishers' state",
    ),
});
export type SourceCapabilities = z.infer<typeof SourceCapabilities>;

export const PluginSource = z.strictObject({
  name: z.string().min(1).describe('unique among sources: a later plugin with the same name replaces it'),
  usage: z.string().min(1).describe('the --source forms it takes, as help lists them: `dir:PATH`'),
  capabilities: SourceCapabilities.default({
    live: false,
    recorded: false,
    exec: false,
    events: false,
    workThread: false,
  }),
  matches: fn<(spec: string) => boolean>('matches'),
  open: fn<(spec: string) => PtpDataSource>('open'),
});
export type SourceInput = z.input<typeof PluginSource>;
export type SourcePlugin = z.infer<typeof PluginSource>;

/** Anything with zod's safeParse: a plugin may bring its own copy of zod. */
const ValueSchema = z.custom<{ safeParse(value: unknown): { success: boolean } }>(
  (value) => typeof (value as { safeParse?: unknown } | null)?.safeParse === 'function',
  'value must be a zod schema (what the operator takes)',
);

/** A json-rules-engine operator a pack may use once its plugin is named in the config. */
export const PluginOperator = z.strictObject({
  name: z
    .string()
    .regex(/^[a-z][A-Za-z0-9]*$/, 'an operator name is camelCase: withinPercent')
    .describe('as packs name it in `operator:`'),
  takes: z.string().min(1).describe('what `value` must be, for the load error: "[target, percent]"'),
  value: ValueSchema,
  evaluate: fn<(fact: unknown, value: unknown) => boolean>('evaluate'),
});
export type PluginOperator = z.infer<typeof PluginOperator>;

/** An MCP tool as a plugin brings it (transports/mcp/tool.ts PtpTool: zod shapes and run). */
export const PluginTool = z.looseObject({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/, 'a tool name is snake_case'),
  title: z.string().min(1),
  description: z.string().min(1),
  input: z.record(z.string(), z.unknown()),
  output: z.record(z.string(), z.unknown()),
  run: fn<(args: never, context: never) => Promise<{ result: unknown; summary: string }>>('run'),
});

export const PluginToolset = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9-]*$/, 'a toolset name is lowercase: site-checks'),
  description: z.string().min(1),
  tools: z.array(PluginTool).min(1),
  exec: z.boolean().default(false).describe('its tools run commands on nodes: served only with --allow-exec'),
});
export type PluginToolset = z.infer<typeof PluginToolset>;

/**
 * A plugin: what one module brings. Files (packs, NIC profiles) are absolute paths (a plugin names its
 * own with `new URL('./x.yaml', import.meta.url)`).
 */
export const PtpPluginSchema = z.strictObject({
  name: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'a plugin name is lowercase: acme-sites')
    .describe('a plugin named like an earlier one (a built-in) replaces it'),
  sources: z.array(PluginSource).default([]),
  toolsets: z.array(PluginToolset).default([]),
  operators: z.array(PluginOperator).default([]),
  packs: z.array(z.string().min(1)).default([]).describe('rule pack files run beside the built-in ones'),
  nicProfiles: z.array(z.string().min(1)).default([]).describe('`kind: NicProfiles` files'),
});
export type PtpPluginInput = z.input<typeof PtpPluginSchema>;
export type PtpPlugin = z.infer<typeof PtpPluginSchema>;
