import { findConfigFile, type LoadedConfig, loadConfigFile } from '../../core/config/config-file.js';
import { checkPackPolicy } from '../../core/config/pack-policy.js';
import { parseDuration } from '../../core/duration.js';
import type { PtpPlugin } from '../../core/plugins/plugin-schema.js';
import { CliError } from './cli-error.js';
import type { KubeOptions } from './kube-options.js';

/** `--config FILE` / `--no-config` as given: which config file a run reads. */
export type ConfigChoice = { file: string } | 'none' | 'find';

/**
 * `--config FILE` and `--no-config` are taken out wherever they stand (before the command too): they say
 * which config file every command reads.
 */
export function configOptions(argv: readonly string[]): { rest: string[]; choice: ConfigChoice } {
  const rest: string[] = [];
  let choice: ConfigChoice = 'find';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--no-config') {
      choice = 'none';
      continue;
    }
    const match = /^--config(?:=(.*))?$/.exec(arg);
    if (!match) {
      rest.push(arg);
      continue;
    }
    const file = match[1] ?? argv[++i];
    if (file === undefined || file === '' || file.startsWith('--'))
      throw new CliError('--config needs a file');
    choice = { file };
  }
  return { rest, choice };
}

/**
 * The config file a run uses: the one given, else `ptp-mcp.config.yaml` in `cwd` or its nearest parent,
 * none with `--no-config`. A problem in it is a PackError with file:line (exit 2).
 */
export function loadChosenConfig(choice: ConfigChoice, cwd: string): LoadedConfig | undefined {
  if (choice === 'none') return undefined;
  const file = choice === 'find' ? findConfigFile(cwd) : choice.file;
  if (file === undefined) return undefined;
  const loaded = loadConfigFile(file);
  if (loaded.config.packs) checkPackPolicy(loaded.config.packs, loaded.file);
  return loaded;
}

/** How to reach a cluster: each flag given wins over the config's `sources` key. */
export function kubeWithConfig(kube: KubeOptions, config: LoadedConfig | undefined): KubeOptions {
  const sources = config?.config.sources;
  if (!sources) return kube;
  return {
    kubeconfig: kube.kubeconfig ?? sources.kubeconfig,
    namespace: kube.namespace ?? sources.namespace,
    // A fleet's first context is the one a single-cluster command reads.
    context: kube.context ?? sources.contexts?.[0],
    contexts: kube.contexts ?? sources.contexts,
    allContexts: kube.allContexts,
    readTimeoutMs: kube.readTimeoutMs ?? (sources.timeout ? parseDuration(sources.timeout) : undefined),
  };
}

/**
 * The config's `plugins`, imported and checked (a PackError naming the config file and the entry when
 * one cannot be): the composition root registers them after the built-in ones.
 */
export async function configPlugins(config: LoadedConfig | undefined): Promise<PtpPlugin[]> {
  const specifiers = config?.config.plugins ?? [];
  if (specifiers.length === 0) return [];
  const { loadPluginModules } = await import('../../core/plugins/plugin-modules.js');
  return loadPluginModules(specifiers, config!.file);
}
