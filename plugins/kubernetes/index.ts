import type { PtpPluginInput } from '../../core/plugins/plugin-schema.js';
import type { AllowedCommand } from '../../core/sources/exec-allowlist.js';
import type {
  CloudEventHistory,
  CollectOptions,
  PtpDataSource,
  RawCluster,
} from '../../core/sources/raw-cluster.js';
import type { ExecResult } from '../../core/sources/recorded-command.js';
import { DEFAULT_KUBE_SETTINGS, type KubeSettings } from './kube-settings.js';

/**
 * `cluster` (the kubeconfig's current context, or the settings' one) and `cluster:CONTEXT`: a live
 * cluster through its API server. The kubeconfig and namespace come from the settings, never from the
 * spec. @kubernetes/client-node is loaded when a cluster is first read: it takes about a second to
 * import, which every other command (and an MCP server's start) must not pay.
 */
export function kubernetesPlugin(
  given: Partial<KubeSettings> = {},
  cloudEvents?: CloudEventHistory,
): PtpPluginInput {
  const settings = { ...DEFAULT_KUBE_SETTINGS, ...given };
  return {
    name: 'kubernetes',
    sources: [
      {
        name: 'cluster',
        usage: 'cluster | cluster:CONTEXT',
        // A thread opens it again from KubeSettings, the events crossing with each job.
        capabilities: { live: true, exec: true, workThread: true },
        matches: (spec) => spec === 'cluster' || spec.startsWith('cluster:'),
        open: (spec) =>
          new LazyKubernetesSource(
            settings,
            cloudEvents,
            spec.startsWith('cluster:') ? spec.slice('cluster:'.length) : settings.context,
          ),
      },
    ],
  };
}

class LazyKubernetesSource implements PtpDataSource {
  readonly description: string;

  constructor(
    private readonly settings: KubeSettings,
    private readonly cloudEvents: CloudEventHistory | undefined,
    private readonly context: string | undefined,
  ) {
    this.description = `cluster ${context ?? '(current context)'}`;
  }

  async collect(options?: CollectOptions): Promise<RawCluster> {
    return (await this.source()).collect(options);
  }

  async run(node: string, argv: string[], command: AllowedCommand): Promise<ExecResult> {
    return (await this.source()).run(node, argv, command);
  }

  private async source(): Promise<PtpDataSource> {
    const [{ KubernetesSource }, { loadKubeConfig }] = await Promise.all([
      import('./cluster-source.js'),
      import('./kube-config.js'),
    ]);
    const config = loadKubeConfig(this.settings.kubeconfig, this.context);
    return new KubernetesSource(config, this.settings, config.getCurrentContext(), this.cloudEvents);
  }
}
