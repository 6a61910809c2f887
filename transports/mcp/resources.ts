import { type McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { severityRank } from '../../core/model/finding.js';
import { NodeStatus } from '../../core/model/node-status.js';
import { present } from '../../core/reports/presented-schema.js';
import { CLOCK_CLASSES } from '../../core/rules/data/clock-classes.js';
import type { ToolContext } from './tool.js';

/** The pack loader comes with the first read of a pack (it brings the YAML parser). */
const packs = () => import('../../core/rules/pack-loader.js');
const packFiles = () => import('../../core/rules/yaml-file.js');

const json = (uri: string, value: unknown) => ({
  contents: [{ uri, mimeType: 'application/json', text: JSON.stringify(value, null, 2) }],
});

/**
 * The resources: the rule packs, the clock class table, each node's status and the alerts. Node status
 * and alerts are read from the server's default source; they are what subscriptions watch.
 */
export function registerResources(server: McpServer, context: () => ToolContext): void {
  server.registerResource(
    'rule-pack',
    new ResourceTemplate('ptp://rules/{pack}', {
      list: async () => ({
        resources: (await packs()).builtInPackNames().map((name) => ({
          uri: `ptp://rules/${name}`,
          name,
          mimeType: 'application/yaml',
        })),
      }),
    }),
    { title: 'Rule pack', description: 'A built-in rule pack, as YAML', mimeType: 'application/yaml' },
    async (uri, { pack }) => {
      const { builtInPackNames, resolvePackReference } = await packs();
      const name = String(pack);
      if (!builtInPackNames().includes(name)) throw new Error(`no built-in rule pack "${name}"`);
      // Capped and checked as every pack is, though it comes with the package: a link could stand there.
      const text = (await packFiles()).readUserText(resolvePackReference(name), 'rule pack');
      return {
        contents: [
          {
            uri: uri.href,
            mimeType: 'application/yaml',
            text,
          },
        ],
      };
    },
  );

  server.registerResource(
    'clock-classes',
    'ptp://clock-classes',
    {
      title: 'Clock classes',
      description: 'What each ITU-T G.8275.1 clock class means, and for which role',
      mimeType: 'application/json',
    },
    async (uri) => json(uri.href, CLOCK_CLASSES),
  );

  server.registerResource(
    'node-status',
    new ResourceTemplate('ptp://nodes/{node}/status', {
      list: async () => {
        const { nodes } = await context().cache.diagnose({ source: context().defaultSource });
        return {
          resources: nodes.map((n) => ({
            uri: `ptp://nodes/${n.node}/status`,
            name: `${n.node} status`,
            mimeType: 'application/json',
          })),
        };
      },
    }),
    {
      title: 'Node PTP status',
      description: 'A node’s role, sync state, processes, ports, grandmaster, clock class and episodes',
      mimeType: 'application/json',
    },
    async (uri, { node }) => json(uri.href, await nodeStatus(context(), String(node))),
  );

  server.registerResource(
    'alerts',
    'ptp://alerts',
    {
      title: 'PTP alerts',
      description:
        'The findings at or above moderate of the default source, worst first, and the cluster health',
      mimeType: 'application/json',
    },
    async (uri) => json(uri.href, await alerts(context())),
  );
}

export async function nodeStatus(context: ToolContext, node: string) {
  const diagnosis = await context.cache.diagnose({ source: context.defaultSource });
  const status = diagnosis.nodes.find((n) => n.node === node);
  if (!status) throw new Error(`no node "${node}" in ${context.defaultSource}`);
  return { health: diagnosis.health.nodes[node], ...present(NodeStatus, status) };
}

export async function alerts(context: ToolContext) {
  const diagnosis = await context.cache.diagnose({ source: context.defaultSource });
  return {
    cluster: diagnosis.meta.cluster,
    health: diagnosis.health.cluster,
    alerts: diagnosis.findings.filter((f) => severityRank(f.severity) >= severityRank('moderate')),
  };
}
