import { z } from 'zod';
import type { DiagnosisCache } from '../../core/diagnosis-cache.js';
import type { CloudEvent } from '../../core/model/cloud-event.js';
import type { IntentSet } from '../../core/nlq/intent-pack.js';
import type { PtpService } from '../../core/service.js';
import type { PtpResource } from '../../plugins/cloud-events/o-ran-api.js';
import type { PrometheusClient } from '../../plugins/metrics/prometheus-client.js';
import type { NameArgs } from './toolsets/known-names.js';
import { allowedSnapshotSource } from './toolsets/snapshot-roots.js';

/** What a tool gets besides its arguments: the service and the server's defaults. */
export interface ToolContext {
  /** The service, created on the first call that needs it (a server answers `initialize` without it). */
  service(): Promise<PtpService>;
  /** Diagnoses and snapshots of the last seconds, shared by the tools of one server. */
  cache: DiagnosisCache;
  /** The source a call reads when it names none (the server's --source). */
  defaultSource: string;
  /** Folders a call's `dir:` source may lie in (serve --snapshot-root); none: a call names no folder. */
  snapshotRoots: readonly string[];
  /** Folders whose rule packs a call may name besides the built-in ones (serve --packs-dir). */
  packsDirs: readonly string[];
  /** Contexts of the kubeconfig the server was started with (names only, never credentials). */
  kubeContexts(): Promise<{ name: string; cluster: string; namespace: string | null; current: boolean }[]>;
  /** Prometheus or Thanos, when the server was given one (--prometheus): metrics over time. */
  prometheus?: PrometheusClient;
  /**
   * Asks a node's O-RAN publisher for a resource's latest event, when the server follows the live cluster's
   * events (serve --events-listen).
   */
  currentState?(node: string, resource: PtpResource): Promise<CloudEvent>;
  /** The intents questions are matched against (built-in and the server's own packs), loaded once. */
  intents(): Promise<IntentSet>;
  /** Progress of a long call, when the client asked for it. */
  progress(done: number, total: number, message?: string): Promise<void>;
}

/**
 * One MCP tool: its zod input and output schemas (the only description of its types), and what it
 * does. `run` returns the structured result and a short text summary for the model to read first.
 */
export interface PtpTool<I extends z.ZodRawShape = z.ZodRawShape, O extends z.ZodRawShape = z.ZodRawShape> {
  name: string;
  title: string;
  description: string;
  input: I;
  output: O;
  /** The tool reaches a live cluster (a command on a node, a log stream) when the source is one. */
  openWorld?: boolean;
  run(
    args: z.infer<z.ZodObject<I>>,
    context: ToolContext,
  ): Promise<{ result: z.infer<z.ZodObject<O>>; summary: string }>;
}

/**
 * A tool whose node, profile, process and interface arguments are checked against the data before it
 * runs (toolsets/known-names.ts), however it is called: by a client, by query_ptp, by `ptp-mcp ask`.
 */
export function defineTool<I extends z.ZodRawShape, O extends z.ZodRawShape>(
  tool: PtpTool<I, O>,
): PtpTool<I, O> {
  return {
    ...tool,
    async run(args, context) {
      const named = args as NameArgs;
      if (NAME_ARGS.some((name) => named[name] !== undefined))
        await (await import('./toolsets/known-names.js')).checkNames(named, context);
      return tool.run(args, context);
    },
  };
}

/** The arguments that name something of the data. */
const NAME_ARGS = ['node', 'profile', 'process', 'interface'] as const;

/** Where the data comes from: every tool that reads a deployment takes these. */
export const sourceArgs = {
  source: z
    .string()
    .optional()
    .describe(
      'demo, scenario:NAME, dir:PATH (a recorded snapshot) or cluster; the server’s default when absent',
    ),
  context: z
    .string()
    .optional()
    .describe('A kubeconfig context to read (a live cluster); the current one when absent'),
};

export const nodeArg = z.string().optional().describe('One node; every node when absent');
export const profileArg = z
  .string()
  .optional()
  .describe('One PTP profile (as the daemon names it, e.g. t-bc_tbc-tr)');
export const lastArg = z
  .string()
  .regex(/^(\d+(\.\d+)?(ms|s|m|h|d))+$/, 'a duration such as 30m or 2h')
  .optional()
  .describe('Only the last part of the data, e.g. 30m or 2h, counted back from the end of the data');

export const pageArgs = {
  limit: z.number().int().min(1).max(500).default(50).describe('At most this many items'),
  cursor: z.string().optional().describe('The nextCursor of a previous answer, for the next page'),
};
export const pageOutput = {
  total: z.number().int().describe('Items there are in all'),
  nextCursor: z.string().nullable().describe('Pass as cursor for the next page; null on the last one'),
};

/**
 * The source a call reads: its own, a context's cluster, or the server's default. A folder (`dir:`)
 * other than the server's default must lie under its snapshot roots.
 */
export function sourceOf(args: { source?: string; context?: string }, context: ToolContext): string {
  if (args.source?.startsWith('dir:') && args.source !== context.defaultSource)
    return allowedSnapshotSource(args.source, context.snapshotRoots);
  if (args.source !== undefined) return args.source;
  if (args.context !== undefined) return `cluster:${args.context}`;
  return context.defaultSource;
}

/** One page of a list; the cursor is the index of the next item. */
export function paginate<T>(
  items: readonly T[],
  limit: number,
  cursor: string | undefined,
): { items: T[]; total: number; nextCursor: string | null } {
  const start = cursor === undefined ? 0 : Number(cursor);
  if (!Number.isInteger(start) || start < 0 || start > items.length)
    throw new ToolInputError(`cursor "${cursor}" is not one this tool gave`);
  const end = Math.min(items.length, start + limit);
  return {
    items: items.slice(start, end),
    total: items.length,
    nextCursor: end < items.length ? String(end) : null,
  };
}

/** A mistake in a tool's arguments: the client gets the message as an error result. */
export class ToolInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ToolInputError';
  }
}
