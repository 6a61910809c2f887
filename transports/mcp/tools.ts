import type { PluginToolset } from '../../core/plugins/plugin-schema.js';
import { closestName } from '../../core/rules/closest-name.js';
import type { PtpTool } from './tool.js';
import { clockTools } from './toolsets/clocks.js';
import { commandTools } from './toolsets/commands.js';
import { configurationTools } from './toolsets/configuration.js';
import { fleetTools } from './toolsets/fleet.js';
import { hardwareTools } from './toolsets/hardware.js';
import { healthTools } from './toolsets/health.js';
import { inventoryTools } from './toolsets/inventory.js';
import { logTools } from './toolsets/logs.js';
import { metricsEventTools } from './toolsets/metrics-events.js';
import { questionTools } from './toolsets/questions.js';
import { ruleTools } from './toolsets/rules.js';
import { syncTools } from './toolsets/sync.js';

/** A group of MCP tools a server serves or not (`serve --toolsets`, config `toolsets:`). */
export interface Toolset {
  name: string;
  description: string;
  tools: readonly PtpTool[];
  /** Its tools run commands on nodes (pods/exec): served only with --allow-exec (config allowExec). */
  exec: boolean;
}

/** The name of the toolset that answers questions in words with the other served tools. */
const QUESTIONS = 'questions';

/**
 * The built-in toolsets, in the order clients list their tools. One explicit index (like ESLint's
 * rules): a tool exists when it is here, and the golden files of the tests show each one's schemas.
 */
export const BUILT_IN_TOOLSETS: readonly Toolset[] = [
  {
    name: 'inventory',
    description: 'daemon pods, PtpConfigs, NodePtpDevices, rendered configs, kubeconfig contexts',
    tools: inventoryTools as readonly PtpTool[],
    exec: false,
  },
  {
    name: 'logs',
    description: 'the daemon and cloud-event-proxy logs: read and searched',
    tools: logTools as readonly PtpTool[],
    exec: false,
  },
  {
    name: 'health',
    description: 'diagnosis, health and faults, judged by the rule packs',
    tools: healthTools as readonly PtpTool[],
    exec: false,
  },
  {
    name: 'sync',
    description: 'sync state, sync loss, holdover, ports, servo, frequency drift, offset trends',
    tools: syncTools as readonly PtpTool[],
    exec: false,
  },
  {
    name: 'clocks',
    description: 'grandmaster, clock hierarchy, GNSS, timing traceability',
    tools: clockTools as readonly PtpTool[],
    exec: false,
  },
  {
    name: 'configuration',
    description: 'validate_ptp_config: the engine of lint',
    tools: configurationTools as readonly PtpTool[],
    exec: false,
  },
  {
    name: 'metrics',
    description: 'the daemon metrics (and Prometheus over time), O-RAN cloud events',
    tools: metricsEventTools as readonly PtpTool[],
    exec: false,
  },
  {
    name: 'hardware',
    description: 'NICs, PHCs and time stamping, with the NIC profiles',
    tools: hardwareTools as readonly PtpTool[],
    exec: false,
  },
  {
    name: 'exec',
    description: 'pmc GET and the exec allowlist on nodes (needs --allow-exec, and pods/exec on a cluster)',
    tools: commandTools as readonly PtpTool[],
    exec: true,
  },
  {
    name: 'rules',
    description: 'the rule packs: list, explain, evaluate one given inline',
    tools: ruleTools as readonly PtpTool[],
    exec: false,
  },
  {
    name: 'fleet',
    description: 'fleet_health: many clusters at once, one per kubeconfig context',
    tools: fleetTools as readonly PtpTool[],
    exec: false,
  },
  {
    name: QUESTIONS,
    description: 'query_ptp: a question in words, answered by the other served tools',
    // Questions run the other tools of the server: selectToolsets gives them the served ones.
    tools: questionTools(() => TOOLS) as readonly PtpTool[],
    exec: false,
  },
];

/** Every built-in tool (intent packs name them; `ptp-mcp ask` may run any, exec ones on recorded data). */
export const TOOLS: readonly PtpTool[] = BUILT_IN_TOOLSETS.flatMap((toolset) => toolset.tools);

/** The toolsets a server can serve: the built-in ones, then the plugins' (one named like a built-in replaces it). */
export function availableToolsets(plugins: readonly PluginToolset[] = []): Toolset[] {
  const byName = new Map<string, Toolset>(BUILT_IN_TOOLSETS.map((toolset) => [toolset.name, toolset]));
  for (const toolset of plugins) byName.set(toolset.name, toolset as unknown as Toolset);
  return [...byName.values()];
}

/** A toolset name that names none, or exec without the switch: a usage error of `serve`. */
export class ToolsetError extends Error {}

/**
 * The tools a server serves: the toolsets named (all of them when none is), never an exec toolset
 * without `allowExec`. query_ptp answers with the served tools only.
 */
export function selectTools(options: {
  names?: readonly string[];
  allowExec?: boolean;
  plugins?: readonly PluginToolset[];
}): PtpTool[] {
  const available = availableToolsets(options.plugins);
  const names = options.names ?? available.filter((t) => options.allowExec || !t.exec).map((t) => t.name);
  const chosen = names.map((name) => {
    const toolset = available.find((t) => t.name === name);
    if (!toolset) {
      const near = closestName(
        name,
        available.map((t) => t.name),
      );
      throw new ToolsetError(
        `no toolset "${name}"${near ? ` (did you mean "${near}"?)` : ''}; toolsets: ${available.map((t) => t.name).join(', ')}`,
      );
    }
    if (toolset.exec && !options.allowExec)
      throw new ToolsetError(
        `toolset "${name}" runs commands on nodes: it needs --allow-exec (config allowExec: true)`,
      );
    return toolset;
  });
  const served: PtpTool[] = chosen.filter((t) => t.name !== QUESTIONS).flatMap((t) => t.tools);
  if (chosen.some((t) => t.name === QUESTIONS))
    served.push(...(questionTools(() => served) as readonly PtpTool[]));
  return served;
}

/** The toolsets as `serve --help` lists them: name and description, then its tools, wrapped. */
export function toolsetHelp(plugins: readonly PluginToolset[] = []): string {
  const toolsets = availableToolsets(plugins);
  const indent = ' '.repeat(Math.max(...toolsets.map((t) => t.name.length)) + 4);
  return toolsets
    .map((t) => {
      const lines = [`  ${t.name.padEnd(indent.length - 4)}  ${t.description}`];
      let line = indent;
      for (const [i, tool] of t.tools.entries()) {
        const word = `${tool.name}${i < t.tools.length - 1 ? ',' : ''}`;
        if (line.length + word.length + 1 > HELP_WIDTH && line.trim() !== '') {
          lines.push(line.trimEnd());
          line = indent;
        }
        line += `${word} `;
      }
      lines.push(line.trimEnd());
      return lines.join('\n');
    })
    .join('\n');
}

const HELP_WIDTH = 110;
