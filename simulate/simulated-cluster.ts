import type { RawCluster, RawNode } from '../core/sources/raw-cluster.js';

/** A Kubernetes object as the simulator serves it. */
export type KubeObject = Record<string, unknown> & {
  apiVersion?: string;
  kind?: string;
  metadata?: Record<string, unknown> & { name?: string; namespace?: string; labels?: Record<string, string> };
};

/** The resources the simulator lists, by the path segment the API uses for them. */
export const RESOURCES = {
  nodes: { group: '', version: 'v1', kind: 'Node', namespaced: false },
  pods: { group: '', version: 'v1', kind: 'Pod', namespaced: true },
  events: { group: '', version: 'v1', kind: 'Event', namespaced: true },
  daemonsets: { group: 'apps', version: 'v1', kind: 'DaemonSet', namespaced: true },
  ptpconfigs: { group: 'ptp.openshift.io', version: 'v1', kind: 'PtpConfig', namespaced: true },
  nodeptpdevices: { group: 'ptp.openshift.io', version: 'v1', kind: 'NodePtpDevice', namespaced: true },
  ptpoperatorconfigs: {
    group: 'ptp.openshift.io',
    version: 'v1',
    kind: 'PtpOperatorConfig',
    namespaced: true,
  },
  hardwareconfigs: {
    group: 'ptp.openshift.io',
    version: 'v2alpha1',
    kind: 'HardwareConfig',
    namespaced: true,
  },
} as const;
export type ResourceName = keyof typeof RESOURCES;

/**
 * A cluster held in memory for the simulated API server: the objects of a snapshot by resource, and per
 * node its raw material (logs are streamed from where the snapshot keeps them, never held).
 */
export class SimulatedCluster {
  readonly objects = new Map<ResourceName, KubeObject[]>();
  readonly nodes = new Map<string, RawNode>();
  /** Daemon pod name → node name. */
  readonly podNodes = new Map<string, string>();

  constructor(
    readonly name: string,
    readonly namespace: string,
    raw: RawCluster,
  ) {
    for (const resource of Object.keys(RESOURCES) as ResourceName[]) this.objects.set(resource, []);
    for (const { object } of raw.objects) {
      const kube = object as KubeObject;
      const resource = resourceOfKind(kube?.kind);
      if (resource) this.objects.get(resource)!.push(kube);
    }
    for (const node of raw.nodes) this.nodes.set(node.name, node);
    for (const pod of this.objects.get('pods')!) {
      const nodeName = (pod.spec as { nodeName?: string } | undefined)?.nodeName;
      if (pod.metadata?.name && nodeName) this.podNodes.set(pod.metadata.name, nodeName);
    }
    if (this.objects.get('daemonsets')!.length === 0) this.objects.get('daemonsets')!.push(this.daemonSet());
  }

  /** The DaemonSet the daemon pods belong to, as the operator creates it (snapshots keep only the pods). */
  private daemonSet(): KubeObject {
    const pods = this.objects.get('pods')!;
    const owner = (
      pods[0]?.metadata as { ownerReferences?: { kind: string; name: string; uid?: string }[] }
    )?.ownerReferences?.find((ref) => ref.kind === 'DaemonSet');
    const count = pods.length;
    return {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: {
        name: owner?.name ?? 'linuxptp-daemon',
        namespace: this.namespace,
        uid: owner?.uid ?? 'simulated',
      },
      spec: {
        selector: { matchLabels: { app: 'linuxptp-daemon' } },
        template: { metadata: { labels: { app: 'linuxptp-daemon' } }, spec: { containers: [] } },
      },
      status: { desiredNumberScheduled: count, currentNumberScheduled: count, numberReady: count },
    };
  }
}

function resourceOfKind(kind: unknown): ResourceName | undefined {
  return (Object.keys(RESOURCES) as ResourceName[]).find((name) => RESOURCES[name].kind === kind);
}
