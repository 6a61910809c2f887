import { NUMBER_OPTIONS, numberOption } from './args.js';
import { CliError } from './cli-error.js';

/** How to reach a cluster, as every command accepts it. */
export interface KubeOptions {
  kubeconfig?: string;
  namespace?: string;
  context?: string;
  /** `--source-timeout`: the deadline of a whole read of a cluster (KubeSettings.readTimeoutMs). */
  readTimeoutMs?: number;
}

/**
 * `--kubeconfig`, `--context`, `--namespace` and `--source-timeout` are taken out wherever they stand:
 * they set how to reach a cluster.
 */
export function kubeOptions(argv: string[]): { rest: string[]; kube: KubeOptions } {
  const kube: KubeOptions = {};
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const match = /^--(kubeconfig|namespace|context|source-timeout)(?:=(.*))?$/.exec(argv[i]!);
    if (!match) {
      rest.push(argv[i]!);
      continue;
    }
    const value = match[2] ?? argv[++i];
    if (value === undefined || value.startsWith('--')) throw new CliError(`--${match[1]} needs a value`);
    if (match[1] === 'source-timeout')
      kube.readTimeoutMs = numberOption(value, 'source-timeout', NUMBER_OPTIONS.sourceTimeout);
    else kube[match[1] as 'kubeconfig' | 'namespace' | 'context'] = value;
  }
  return { rest, kube };
}
