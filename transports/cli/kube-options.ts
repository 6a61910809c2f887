import { NUMBER_OPTIONS, numberOption } from './args.js';
import { CliError } from './cli-error.js';

/** How to reach a cluster, as every command accepts it. */
export interface KubeOptions {
  kubeconfig?: string;
  namespace?: string;
  /** The context a single-cluster command reads: the first `--context` given. */
  context?: string;
  /** Every `--context` given, in order: several make `diagnose` read a fleet. */
  contexts?: string[];
  /** `--all-contexts`: `diagnose` reads the cluster of every context of the kubeconfig. */
  allContexts?: boolean;
  /** `--source-timeout`: the deadline of a whole read of a cluster (KubeSettings.readTimeoutMs). */
  readTimeoutMs?: number;
}

/**
 * `--kubeconfig`, `--context` (repeatable), `--all-contexts`, `--namespace` and `--source-timeout` are
 * taken out wherever they stand: they set how to reach a cluster, or a fleet of them.
 */
export function kubeOptions(argv: string[]): { rest: string[]; kube: KubeOptions } {
  const kube: KubeOptions = {};
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--all-contexts') {
      kube.allContexts = true;
      continue;
    }
    const match = /^--(kubeconfig|namespace|context|source-timeout)(?:=(.*))?$/.exec(argv[i]!);
    if (!match) {
      rest.push(argv[i]!);
      continue;
    }
    const value = match[2] ?? argv[++i];
    if (value === undefined || value.startsWith('--')) throw new CliError(`--${match[1]} needs a value`);
    if (match[1] === 'source-timeout')
      kube.readTimeoutMs = numberOption(value, 'source-timeout', NUMBER_OPTIONS.sourceTimeout);
    else if (match[1] === 'context') {
      kube.contexts = [...(kube.contexts ?? []), value];
      kube.context ??= value;
    } else kube[match[1] as 'kubeconfig' | 'namespace'] = value;
  }
  if (kube.allContexts && kube.contexts)
    throw new CliError('give --context (one or more) or --all-contexts, not both');
  return { rest, kube };
}
