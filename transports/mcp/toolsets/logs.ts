import { z } from 'zod';
import { parseDuration } from '../../../core/duration.js';
import { LogExcerpt, LogLevel } from '../../../core/model/log-excerpt.js';
import { regexProblem } from '../../../core/rules/user-regex.js';
import { defineTool, lastArg, profileArg, sourceArgs, sourceOf, ToolInputError } from '../tool.js';

const logArgs = {
  ...sourceArgs,
  node: z.string().describe('The node'),
  profile: profileArg,
  last: lastArg,
  limit: z.number().int().min(1).max(500).default(100).describe('At most this many lines (the last ones)'),
};

const output = { node: z.string(), container: z.string(), ...LogExcerpt.shape };
const CONTAINERS = { daemon: 'linuxptp-daemon-container', proxy: 'cloud-event-proxy' } as const;

function durationOf(last: string | undefined): number | undefined {
  return last === undefined ? undefined : parseDuration(last);
}

function excerptSummary(node: string, container: string, excerpt: LogExcerpt): string {
  const shown = excerpt.lines.length;
  return `${shown} line(s) of ${container} on ${node}${excerpt.omitted ? ` (${excerpt.omitted} more matched; raise limit or narrow the query)` : ''}, ${excerpt.scanned} scanned`;
}

/** Log excerpts: bounded, with times from the data, a count of what was left out. */
export const logTools = [
  defineTool({
    name: 'get_daemon_logs',
    title: 'Get the linuxptp-daemon log',
    description:
      'The last lines of the linuxptp-daemon-container log of a node (ptp4l, phc2sys, ts2phc and the daemon’s own lines), optionally of one profile or process only.',
    input: {
      ...logArgs,
      process: z.string().optional().describe('ptp4l, phc2sys, ts2phc, daemon, GM, dpll, gnss …'),
    },
    output,
    openWorld: true,
    async run(args, context) {
      const excerpt = await context.cache.searchLogs({
        source: sourceOf(args, context),
        node: args.node,
        container: 'daemon',
        profile: args.profile,
        lastMs: durationOf(args.last),
        query: { process: args.process, limit: args.limit, keep: 'last' },
      });
      return {
        result: { node: args.node, container: CONTAINERS.daemon, ...excerpt },
        summary: excerptSummary(args.node, 'the daemon log', excerpt),
      };
    },
  }),

  defineTool({
    name: 'get_proxy_logs',
    title: 'Get the cloud-event-proxy log',
    description:
      'The last lines of the cloud-event-proxy sidecar log of a node (O-RAN events published, subscriptions).',
    input: logArgs,
    output,
    openWorld: true,
    async run(args, context) {
      const excerpt = await context.cache.searchLogs({
        source: sourceOf(args, context),
        node: args.node,
        container: 'proxy',
        lastMs: durationOf(args.last),
        query: { limit: args.limit, keep: 'last' },
      });
      return {
        result: { node: args.node, container: CONTAINERS.proxy, ...excerpt },
        summary: excerptSummary(args.node, 'the cloud-event-proxy log', excerpt),
      };
    },
  }),

  defineTool({
    name: 'search_logs',
    title: 'Search a node’s PTP log',
    description:
      'The lines of a node’s daemon log (or its cloud-event-proxy log) matching a regular expression, a process, a minimum level (error, warning, notice, info) and a time range (last, or from/to in ISO 8601).',
    input: {
      ...logArgs,
      container: z
        .enum(['daemon', 'proxy'])
        .default('daemon')
        .describe('linuxptp-daemon-container (daemon) or the cloud-event-proxy sidecar (proxy)'),
      pattern: z
        .string()
        .optional()
        .describe(
          'A regular expression (RE2 syntax, case-insensitive; no lookaround or backreferences; at most 1000 characters), e.g. "FAULTY|timed out"',
        ),
      process: z.string().optional(),
      level: LogLevel.optional().describe('At least this severe'),
      from: z.string().datetime({ offset: true }).optional().describe('ISO 8601 start'),
      to: z.string().datetime({ offset: true }).optional().describe('ISO 8601 end'),
      keep: z
        .enum(['first', 'last'])
        .default('first')
        .describe('The first or the last matches when more than limit match'),
    },
    output,
    openWorld: true,
    async run(args, context) {
      const problem = args.pattern === undefined ? undefined : regexProblem(args.pattern);
      if (problem !== undefined) throw new ToolInputError(`pattern: ${problem}`);
      const excerpt = await context.cache.searchLogs({
        source: sourceOf(args, context),
        node: args.node,
        container: args.container,
        profile: args.container === 'daemon' ? args.profile : undefined,
        lastMs: durationOf(args.last),
        query: {
          // Compiled where the search runs (a work thread for a recorded source).
          pattern: args.pattern === undefined ? undefined : { source: args.pattern, flags: 'i' },
          process: args.process,
          level: args.level,
          from: args.from ? Date.parse(args.from) : undefined,
          to: args.to ? Date.parse(args.to) : undefined,
          limit: args.limit,
          keep: args.keep,
        },
      });
      return {
        result: { node: args.node, container: CONTAINERS[args.container], ...excerpt },
        summary: `${excerpt.matched} matching line(s) in ${CONTAINERS[args.container]} on ${args.node}${excerpt.omitted ? `, ${excerpt.lines.length} shown` : ''}, ${excerpt.scanned} scanned`,
      };
    },
  }),
];
