import { CliError } from './cli-error.js';

/** How to reach a cluster, as every command accepts it. */
export interface KubeOptions {
  kubeconfig?: string;
  namespace?: string;
  context?: string;
}

/** `--kubeconfig`, `--context` and `--namespace` are taken out wherever they stand: they set how to reach a cluster. */
export function kubeOptions(argv: string[]): { rest: string[]; kube: KubeOptions } {
  const kube: KubeOptions = {};
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const match = /^--(kubeconfig|namespace|context)(?:=(.*))?$/.exec(argv[i]!);
    if (!match) {
      rest.push(argv[i]!);
      continue;
    }
    const value = match[2] ?? argv[++i];
    if (value === undefined || value.startsWith('--')) throw new CliError(`--${match[1]} needs a value`);
    kube[match[1] as keyof KubeOptions] = value;
  }
  return { rest, kube };
}
