import { type DependencyContainer, container as rootContainer } from 'tsyringe';
import { kubernetesPlugin } from '../plugins/kubernetes/index.js';
import { DEFAULT_KUBE_SETTINGS, type KubeSettings } from '../plugins/kubernetes/kube-settings.js';
import { DEFAULT_HOST_SETTINGS, type HostSettings } from '../plugins/linuxptp-host/host-settings.js';
import { linuxptpHostPlugin } from '../plugins/linuxptp-host/index.js';
import { builtInScenarioPlugin, snapshotFolderPlugin } from '../plugins/snapshot/index.js';
import { PtpService } from './service.js';
import type { CloudEventHistory, SourcePlugin } from './sources/raw-cluster.js';
import { TOKENS } from './tokens.js';

export interface ContainerOptions {
  /** How to reach a live cluster (kubeconfig, namespace, time-outs); defaults otherwise. */
  kube?: Partial<KubeSettings>;
  /** What `--source host` reads on this machine (configs, logs, the node's name). */
  host?: Partial<HostSettings>;
  /** Events an O-RAN consumer receives: a live cluster's snapshot includes them. */
  cloudEvents?: CloudEventHistory;
  /** Snapshot folders without a valid, complete snapshot.yaml are read (marked partial), not refused. */
  partialSnapshots?: boolean;
  /** More source plugins (tests add the edges they fake). */
  extraSources?: readonly SourcePlugin[];
}

/**
 * The composition root: one child container per CLI run or server, with the data-source plugins
 * registered in the order a `--source` spec is tried.
 */
export function createContainer(options: ContainerOptions = {}): DependencyContainer {
  const child = rootContainer.createChildContainer();
  const kube = { ...DEFAULT_KUBE_SETTINGS, ...options.kube };
  const plugins = [
    builtInScenarioPlugin,
    snapshotFolderPlugin({ partial: options.partialSnapshots }),
    kubernetesPlugin(kube, options.cloudEvents),
    linuxptpHostPlugin({ ...DEFAULT_HOST_SETTINGS, ...options.host }),
    ...(options.extraSources ?? []),
  ];
  for (const plugin of plugins) child.register(TOKENS.SourcePlugin, { useValue: plugin });
  child.registerSingleton(PtpService);
  return child;
}

export function createService(options: ContainerOptions = {}): PtpService {
  return createContainer(options).resolve(PtpService);
}
