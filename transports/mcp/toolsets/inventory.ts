import { z } from 'zod';
import { DaemonPod } from '../../../core/model/snapshot.js';
import { defineTool, nodeArg, sourceArgs, sourceOf, ToolInputError } from '../tool.js';

/** What runs where: the daemon pods, the PtpConfigs and which node they apply to, devices, rendered configs. */
export const inventoryTools = [
  defineTool({
    name: 'list_ptp_pods',
    title: 'List the linuxptp-daemon pods',
    description:
      'The linuxptp-daemon pod of every node (or one): phase, readiness, container restarts, and the PTP profiles the operator applies to the node.',
    input: { ...sourceArgs, node: nodeArg },
    output: {
      pods: z.array(
        z.object({
          node: z.string(),
          pod: DaemonPod.nullable(),
          profiles: z.array(z.string()),
          labels: z.record(z.string(), z.string()),
        }),
      ),
    },
    async run(args, context) {
      const snapshot = await context.cache.snapshot({ source: sourceOf(args, context), node: args.node });
      const pods = snapshot.nodes.map((node) => ({
        node: node.name,
        pod: node.daemonPod,
        profiles: node.recommendation.applied.map((p) => p.qualifiedName),
        labels: node.labels,
      }));
      const missing = pods.filter((p) => !p.pod).map((p) => p.node);
      const restarts = pods
        .filter((p) => Object.values(p.pod?.restarts ?? {}).some((n) => n > 0))
        .map((p) => p.node);
      return {
        result: { pods },
        summary: `${pods.length} node(s); ${missing.length ? `no daemon pod on ${missing.join(', ')}; ` : ''}${restarts.length ? `containers restarted on ${restarts.join(', ')}` : 'no container restarts'}`,
      };
    },
  }),

  defineTool({
    name: 'get_ptp_configs',
    title: 'Get the PtpConfigs and where they apply',
    description:
      'The PtpConfig objects (profiles with their ptp4lOpts, phc2sysOpts, ptp4lConf, thresholds, plugins; recommend rules) and, per node, which profile the operator applies, as its recommend rules decide.',
    input: { ...sourceArgs, name: z.string().optional().describe('One PtpConfig by name') },
    output: {
      ptpConfigs: z.array(z.record(z.string(), z.unknown())),
      applied: z.array(
        z.object({ node: z.string(), profiles: z.array(z.string()), missing: z.array(z.string()) }),
      ),
    },
    async run(args, context) {
      const snapshot = await context.cache.snapshot({ source: sourceOf(args, context) });
      const configs = snapshot.cluster.ptpConfigs.filter(
        (c) => args.name === undefined || c.metadata.name === args.name,
      );
      if (configs.length === 0 && args.name !== undefined)
        throw new ToolInputError(
          `no PtpConfig "${args.name}"; there are: ${snapshot.cluster.ptpConfigs.map((c) => c.metadata.name).join(', ') || 'none'}`,
        );
      const applied = snapshot.nodes.map((node) => ({
        node: node.name,
        profiles: node.recommendation.applied.map((p) => p.qualifiedName),
        missing: node.recommendation.missing,
      }));
      const profiles = configs.flatMap((c) => c.spec.profile.map((p) => `${c.metadata.name}/${p.name}`));
      return {
        result: { ptpConfigs: configs as Record<string, unknown>[], applied },
        summary: `${configs.length} PtpConfig(s), ${profiles.length} profile(s): ${profiles.join(', ') || 'none'}`,
      };
    },
  }),

  defineTool({
    name: 'get_node_ptp_devices',
    title: 'Get the NodePtpDevices',
    description:
      'The NodePtpDevice of each node: the PTP-capable interfaces the operator found (and hardware config where reported).',
    input: { ...sourceArgs, node: nodeArg },
    output: { devices: z.array(z.record(z.string(), z.unknown())) },
    async run(args, context) {
      const snapshot = await context.cache.snapshot({ source: sourceOf(args, context), node: args.node });
      const devices = snapshot.cluster.nodePtpDevices.filter(
        (d) => args.node === undefined || d.metadata.name === args.node,
      );
      const names = devices.map(
        (d) => `${d.metadata.name}: ${(d.status?.devices ?? []).map((dev) => dev.name).join(' ') || 'none'}`,
      );
      return {
        result: { devices: devices as Record<string, unknown>[] },
        summary: names.join('; ') || 'no NodePtpDevice',
      };
    },
  }),

  defineTool({
    name: 'get_runtime_configs',
    title: 'Get the configs the daemon rendered',
    description:
      'The /var/run/ptp4l.N.config, phc2sys.N.config, ts2phc.N.config files linuxptp-daemon rendered on a node (what the processes actually run with), with the profile each belongs to.',
    input: {
      ...sourceArgs,
      node: z.string().describe('The node'),
      file: z.string().optional().describe('One file, e.g. ptp4l.0.config'),
    },
    output: {
      node: z.string(),
      configs: z.array(
        z.object({
          file: z.string(),
          program: z.string().nullable(),
          profile: z.string().nullable(),
          text: z.string(),
        }),
      ),
    },
    openWorld: true,
    async run(args, context) {
      const snapshot = await context.cache.snapshot({ source: sourceOf(args, context), node: args.node });
      const node = snapshot.nodes[0]!;
      if (args.file !== undefined && !node.configs.some((c) => c.file === args.file))
        throw new ToolInputError(
          `no rendered config "${args.file}" on ${node.name}; there are: ${node.configs.map((c) => c.file).join(', ') || 'none'}`,
        );
      const configs = node.configs
        .filter((c) => args.file === undefined || c.file === args.file)
        .map((c) => ({
          file: c.file,
          program: c.program,
          profile: /^#profile:\s*(\S+)/.exec(c.text)?.[1] ?? null,
          text: c.text,
        }));
      return {
        result: { node: node.name, configs },
        summary: `${configs.length} rendered config(s) on ${node.name}: ${configs.map((c) => `${c.file}${c.profile ? ` (${c.profile})` : ''}`).join(', ') || 'none'}`,
      };
    },
  }),

  defineTool({
    name: 'list_contexts',
    title: 'List the kubeconfig contexts',
    description:
      'The contexts of the kubeconfig this server was started with (names, clusters, namespaces; never credentials). Pass one as `context` to any tool to read that cluster.',
    input: {},
    output: {
      contexts: z.array(
        z.object({
          name: z.string(),
          cluster: z.string(),
          namespace: z.string().nullable(),
          current: z.boolean(),
        }),
      ),
    },
    async run(_args, context) {
      const contexts = await context.kubeContexts();
      return {
        result: { contexts },
        summary: contexts.length
          ? contexts.map((c) => `${c.name}${c.current ? ' (current)' : ''}`).join(', ')
          : 'no contexts',
      };
    },
  }),
];
