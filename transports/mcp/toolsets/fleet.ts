import { z } from 'zod';
import { parseDuration } from '../../../core/duration.js';
import { FLEET_CONCURRENCY, FleetHealth, fleetHealth } from '../../../core/fleet/fleet-health.js';
import { defineTool, lastArg, ToolInputError } from '../tool.js';

/** Many clusters at once: the kubeconfig's contexts, each a cluster. */
export const fleetTools = [
  defineTool({
    name: 'fleet_health',
    title: 'Health of a fleet of clusters',
    description:
      'PTP health of several clusters at once, one per kubeconfig context of this server (all of them unless `contexts` names some): per cluster its health, node count, findings by severity, its worst nodes with their worst findings, and the grandmasters its clocks follow. Clusters are read a few at a time; a cluster that cannot be read is a warning, and the others are answered.',
    input: {
      contexts: z
        .array(z.string().min(1))
        .min(1)
        .max(1000)
        .optional()
        .describe('Kubeconfig contexts to read (list_contexts names them); all of them when absent'),
      last: lastArg,
      concurrency: z
        .number()
        .int()
        .min(1)
        .max(16)
        .default(FLEET_CONCURRENCY)
        .describe('Clusters read at the same time'),
    },
    output: FleetHealth.shape,
    async run(args, context) {
      const known = (await context.kubeContexts()).map((c) => c.name);
      const unknown = (args.contexts ?? []).filter((name) => !known.includes(name));
      if (unknown.length > 0)
        throw new ToolInputError(
          `no context ${unknown.map((n) => `"${n}"`).join(', ')} in the kubeconfig; there are: ${known.join(', ') || 'none'}`,
        );
      const contexts = args.contexts ?? known;
      if (contexts.length === 0) throw new ToolInputError('the kubeconfig of this server has no context');
      const lastMs = args.last === undefined ? undefined : parseDuration(args.last);
      const fleet = await fleetHealth({
        contexts,
        concurrency: args.concurrency,
        // Through the server's shared readings: a cluster just diagnosed by another tool is not read again.
        diagnose: (name) => context.cache.diagnose({ source: `cluster:${name}`, lastMs }),
        onProgress: (done, total) => void context.progress(done, total, 'clusters read'),
      });
      return {
        result: fleet,
        summary: [
          `fleet ${fleet.health}: ${fleet.clusters.length} cluster(s) answered, ${fleet.nodes} node(s)${fleet.warnings.length ? `, ${fleet.warnings.length} could not be read` : ''}`,
          ...fleet.clusters.map(
            (c) =>
              `${c.context} ${c.health}, ${c.nodes} node(s)${c.worstNodes[0] ? `; worst ${c.worstNodes[0].node} ${c.worstNodes[0].health}` : ''}`,
          ),
          ...fleet.warnings.map((w) => `warning: cluster ${w.context} could not be read: ${w.message}`),
        ].join('\n'),
      };
    },
  }),
];
