import type { SourcePlugin } from '../../core/sources/raw-cluster.js';
import { KubernetesSource } from './cluster-source.js';
import { loadKubeConfig } from './kube-config.js';
import type { KubeSettings } from './kube-settings.js';

/**
 * `cluster` (the kubeconfig's current context) and `cluster:CONTEXT`: a live cluster through its API
 * server. The kubeconfig and namespace come from the settings, never from the spec.
 */
export function kubernetesPlugin(settings: KubeSettings): SourcePlugin {
  return {
    name: 'kubernetes',
    usage: 'cluster | cluster:CONTEXT',
    matches: (spec) => spec === 'cluster' || spec.startsWith('cluster:'),
    open: (spec) => {
      const context = spec.startsWith('cluster:') ? spec.slice('cluster:'.length) : settings.context;
      const config = loadKubeConfig(settings.kubeconfig, context);
      return new KubernetesSource(config, settings, config.getCurrentContext());
    },
  };
}
