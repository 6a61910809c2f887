import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { FileReadError } from '../../core/io/regular-file.js';
import { readUtf8FileSync } from '../../core/io/text-encoding.js';
import { SourceError } from '../../core/sources/source-error.js';

/** Far above any kubeconfig (a few KB, tens with many contexts and inline certificates). */
const MAX_KUBECONFIG_BYTES = 4 * 1024 * 1024;

/** A kubeconfig file's text, read safely: a FIFO, a device or a huge file is refused before it is parsed. */
function kubeconfigText(file: string): string {
  return readUtf8FileSync(file, MAX_KUBECONFIG_BYTES, 'a kubeconfig');
}

/**
 * The kubeconfig as kubectl finds it: the given file, else $KUBECONFIG and ~/.kube/config, else the
 * pod's service account (in-cluster). With `context`, that context instead of the current one.
 * Errors name the file and the contexts, never a credential.
 */
export function loadKubeConfig(kubeconfig: string | undefined, context: string | undefined): KubeConfig {
  const config = new KubeConfig();
  try {
    if (kubeconfig !== undefined) {
      if (!existsSync(kubeconfig)) throw new SourceError(`no kubeconfig at ${kubeconfig}`);
      config.loadFromString(kubeconfigText(kubeconfig));
      config.makePathsAbsolute(dirname(kubeconfig));
    } else {
      // client-node reads these files itself: each is checked first, so that none can hang or flood it.
      const files = process.env.KUBECONFIG?.split(delimiter).filter(Boolean) ?? [
        join(homedir(), '.kube', 'config'),
      ];
      for (const file of files) if (existsSync(file)) kubeconfigText(file);
      config.loadFromDefault();
    }
  } catch (error) {
    if (error instanceof SourceError) throw error;
    if (error instanceof FileReadError) throw new SourceError(`cannot read the kubeconfig ${error.message}`);
    throw new SourceError(
      `cannot read the kubeconfig${kubeconfig ? ` ${kubeconfig}` : ''}: ${(error as Error).message.split('\n')[0]}`,
    );
  }
  if (context !== undefined) {
    if (!config.getContextObject(context)) {
      const names = config.getContexts().map((c) => c.name);
      throw new SourceError(
        `no context "${context}" in the kubeconfig; there are: ${names.join(', ') || 'none'}`,
      );
    }
    config.setCurrentContext(context);
  }
  if (!config.getCurrentCluster()) {
    throw new SourceError(
      'no Kubernetes cluster configured: give --kubeconfig, set KUBECONFIG, or run in a pod with a service account',
    );
  }
  return config;
}

/** The contexts of the kubeconfig: names, clusters and namespaces only. */
export function kubeContexts(
  kubeconfig: string | undefined,
): { name: string; cluster: string; namespace: string | null; current: boolean }[] {
  const config = loadKubeConfig(kubeconfig, undefined);
  return config.getContexts().map((context) => ({
    name: context.name,
    cluster: context.cluster,
    namespace: context.namespace ?? null,
    current: context.name === config.getCurrentContext(),
  }));
}
