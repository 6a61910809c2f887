import { allowCommand } from '../../core/sources/exec-allowlist.js';
import type {
  CloudEventHistory,
  CollectOptions,
  PtpDataSource,
  RawCluster,
  SourcePlugin,
} from '../../core/sources/raw-cluster.js';
import type { ExecResult } from '../../core/sources/recorded-command.js';
import type { KubeSettings } from './kube-settings.js';

/**
 * `cluster` (the kubeconfig's current context, or the settings' one) and `cluster:CONTEXT`: a live
 * cluster through its API server. The kubeconfig and namespace come from the settings, never from the
 * spec. @kubernetes/client-node is loaded when a cluster is first read: it takes about a second to
 * import, which every other command (and an MCP server's start) must not pay.
 */
export function kubernetesPlugin(settings: KubeSettings, cloudEvents?: CloudEventHistory): SourcePlugin {
  return {
    name: 'kubernetes',
    usage: 'cluster | cluster:CONTEXT',
    matches: (spec) => spec === 'cluster' || spec.startsWith('cluster:'),
    open: (spec) =>
      new LazyKubernetesSource(
        settings,
        cloudEvents,
        spec.startsWith('cluster:') ? spec.slice('cluster:'.length) : settings.context,
      ),
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

  async run(node: string, argv: string[]): Promise<ExecResult> {
    allowCommand(argv);
    return (await this.source()).run(node, argv);
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
