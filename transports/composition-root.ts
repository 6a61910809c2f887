import type { DependencyContainer } from 'tsyringe';
import { createContainer } from '../core/container.js';
import { PluginRegistry } from '../core/plugins/plugin-registry.js';
import type { PtpPluginInput } from '../core/plugins/plugin-schema.js';
import { PtpService } from '../core/service.js';
import type { CloudEventHistory } from '../core/sources/raw-cluster.js';
import { kubernetesPlugin } from '../plugins/kubernetes/index.js';
import type { KubeSettings } from '../plugins/kubernetes/kube-settings.js';
import type { HostSettings } from '../plugins/linuxptp-host/host-settings.js';
import { linuxptpHostPlugin } from '../plugins/linuxptp-host/index.js';
import { nicPlugin } from '../plugins/nic/index.js';
import { snapshotPlugin } from '../plugins/snapshot/index.js';

export interface CompositionOptions {
  /** How to reach a live cluster (kubeconfig, namespace, time-outs, exec); defaults otherwise. */
  kube?: Partial<KubeSettings>;
  /** What `--source host` reads on this machine (configs, logs, the node's name). */
  host?: Partial<HostSettings>;
  /** Events an O-RAN consumer receives: a live cluster's snapshot includes them. */
  cloudEvents?: CloudEventHistory;
  /** Snapshot folders without a valid, complete snapshot.yaml are read (marked partial), not refused. */
  partialSnapshots?: boolean;
  /** The config file's plugins, loaded (core/plugins/plugin-modules.ts): registered after the built-in ones. */
  plugins?: readonly PtpPluginInput[];
}

/**
 * The options that are plain data, as a server hands them to its work threads (core/work WorkSettings
 * holds them without knowing their type): the thread adds the events and the config's plugins.
 */
export type PlainComposition = Pick<CompositionOptions, 'kube' | 'host' | 'partialSnapshots'>;

/** The plugins shipped with ptp-mcp, in the order their sources are listed. */
export function builtInPlugins(options: CompositionOptions = {}): PtpPluginInput[] {
  return [
    snapshotPlugin({ partial: options.partialSnapshots }),
    kubernetesPlugin(options.kube, options.cloudEvents),
    linuxptpHostPlugin(options.host),
    nicPlugin(),
  ];
}

/**
 * The composition root: every entry point (CLI, server, work thread) builds its container here, with
 * the built-in plugins first and the config's after them, so that a user's plugin named like a built-in
 * one replaces it. The core itself imports no plugin.
 */
export function createPtpContainer(options: CompositionOptions = {}): DependencyContainer {
  return createContainer([...builtInPlugins(options), ...(options.plugins ?? [])]);
}

export function createService(options: CompositionOptions = {}): PtpService {
  return createPtpContainer(options).resolve(PtpService);
}

/**
 * The `--source` forms of the built-in plugins and `plugins` (a config's), each on its own, as help
 * and the MCP tools' `source` argument list them: a plugin's source is listed, one it replaced is not.
 */
export function sourceForms(plugins: readonly PtpPluginInput[] = []): string[] {
  return createPtpContainer({ plugins }).resolve(PluginRegistry).sourceForms();
}
