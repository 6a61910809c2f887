import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { DiagnosisCache } from '../../core/diagnosis-cache.js';
import type { CloudEvent } from '../../core/model/cloud-event.js';
import { packageVersion } from '../../core/package-root.js';
import type { PluginModules } from '../../core/plugins/plugin-modules.js';
import type { PtpService } from '../../core/service.js';
import type { CloudEventHistory } from '../../core/sources/raw-cluster.js';
import type { PtpResource } from '../../plugins/cloud-events/o-ran-api.js';
import type { KubeSettings } from '../../plugins/kubernetes/kube-settings.js';
import type { HostSettings } from '../../plugins/linuxptp-host/host-settings.js';
import type { PrometheusClient } from '../../plugins/metrics/prometheus-client.js';
import type { PlainComposition } from '../composition-root.js';
import { registerPrompts } from './prompts.js';
import { registerTools } from './register-tools.js';
import { ResourceWatch } from './resource-watch.js';
import { registerResources } from './resources.js';
import type { PtpTool } from './tool.js';
import { toolContext } from './tool-context.js';
import { selectTools } from './tools.js';

export interface PtpMcpOptions {
  /** The service, or how to make it when a call first needs it. */
  service: PtpService | (() => Promise<PtpService>);
  /** The source a call reads when it names none: `cluster` in a cluster, `demo` to try it out. */
  defaultSource: string;
  /** The kubeconfig the server reads clusters with (for list_contexts), if not the default one. */
  kubeconfig?: string;
  /** How long a diagnosis is reused across tool calls. */
  cacheTtlMs?: number;
  /** How often subscribed resources are evaluated again (0: only on events). */
  watchIntervalMs?: number;
  /** What every session of a server shares (sharedAnalysis); a server of its own otherwise. */
  shared?: SharedAnalysis;
  /**
   * Live O-RAN events: each new one re-evaluates the subscribed resources; CurrentState asks the publisher;
   * the history goes with each reading of the cluster on a work thread.
   */
  events?: CloudEventHistory & {
    onEvent(listener: () => void): () => void;
    currentState(node: string, resource: PtpResource): Promise<CloudEvent>;
  };
  /** The operator's own intent packs, over the built-in one. */
  intentPacks?: string[];
  /** Folders a call's `dir:` source may lie in (serve --snapshot-root); none by default. */
  snapshotRoots?: readonly string[];
  /** Folders whose rule packs a call may name besides the built-in ones (serve --packs-dir). */
  packsDirs?: readonly string[];
  /** serve --partial, for the work threads' own reading of snapshot folders. */
  partialSnapshots?: boolean;
  /** The config's plugins: the work threads load them as the server's service has. */
  pluginModules?: PluginModules;
  /** How the server's service reaches a cluster and reads this host: the work threads read them alike. */
  kube?: Partial<KubeSettings>;
  hostSource?: Partial<HostSettings>;
  /** Prometheus or Thanos for metrics over time. */
  prometheus?: PrometheusClient;
  /** The `--source` forms of the server's plugins, for the tools' `source` argument to list. */
  sources?: readonly string[];
  /** The tools served (selectTools: serve --toolsets, --allow-exec); every toolset but exec when absent. */
  tools?: readonly PtpTool[];
  /** Where internal errors are written (stderr for stdio: stdout carries the protocol only). */
  log?: (line: string) => void;
}

const INSTRUCTIONS = `ptp-mcp diagnoses PTP (IEEE 1588, linuxptp) time synchronization on OpenShift/Kubernetes.
Start with diagnose (or check_ptp_health) for the whole picture; every judgment comes from rule packs
(list_rule_packs, explain_rule). Times in answers come from the data. Tools never change the cluster;
commands on nodes are limited to pmc GET, ethtool and reading the rendered configs.`;

/** The service (made once) and the readings of it, shared by every session of one server. */
export interface SharedAnalysis {
  service(): Promise<PtpService>;
  cache: DiagnosisCache;
  close(): void;
}

/** One analysis for all sessions: events and the watch loop invalidate it once, for everyone. */
export function sharedAnalysis(options: PtpMcpOptions): SharedAnalysis {
  const given = options.service;
  let made: Promise<PtpService> | undefined;
  const service = typeof given === 'function' ? () => (made ??= given()) : async () => given;
  const cache = new DiagnosisCache(service, {
    ttlMs: options.cacheTtlMs,
    refreshMs: options.watchIntervalMs ?? 30_000,
    offThread: {
      composition: {
        partialSnapshots: options.partialSnapshots,
        kube: options.kube,
        host: options.hostSource,
      } satisfies PlainComposition,
      plugins: options.pluginModules,
    },
    cloudEvents: options.events,
  });
  const unsubscribe = options.events?.onEvent(() => cache.invalidate());
  return {
    service,
    cache,
    close: () => {
      unsubscribe?.();
      cache.stop();
    },
  };
}

/** One MCP server (one per stdio process or HTTP session): tools, resources, prompts, subscriptions. */
export function createPtpMcpServer(options: PtpMcpOptions): {
  server: McpServer;
  watch: ResourceWatch;
  close(): void;
} {
  const own = options.shared ? undefined : sharedAnalysis(options);
  const shared = options.shared ?? own!;
  const server = new McpServer(
    { name: 'ptp-mcp', title: 'PTP diagnostics (linuxptp)', version: packageVersion() },
    { capabilities: { logging: {} }, instructions: INSTRUCTIONS },
  );
  const base = toolContext({ ...options, service: shared.service, cache: shared.cache });
  registerTools(
    server,
    options.tools ?? selectTools({}),
    ({ sendProgress }) => ({ ...base, progress: sendProgress }),
    (tool, error) => {
      options.log?.(`ptp-mcp: internal error in ${tool}: ${error.stack ?? error.message}`);
      void server
        .sendLoggingMessage({
          level: 'error',
          logger: 'ptp-mcp',
          data: `internal error in ${tool}: ${error.message}`,
        })
        .catch(() => undefined);
    },
    options.sources,
  );
  registerResources(server, () => base);
  registerPrompts(server);
  const watch = new ResourceWatch(server, () => base);
  return {
    server,
    watch,
    close: () => {
      watch.stop();
      own?.close();
    },
  };
}
