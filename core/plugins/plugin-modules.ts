import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { OPERATOR_NAMES } from '../rules/operator-values.js';
import { PackError } from '../rules/pack-error.js';
import { useOperators } from '../rules/plugin-operators.js';
import { parsePlugin } from './plugin-registry.js';
import type { PtpPlugin } from './plugin-schema.js';

/** The `plugins` of a config file as it names them, and the file they are resolved from. */
export interface PluginModules {
  configFile: string;
  specifiers: string[];
}

/**
 * The plugin modules a config file names (`plugins:`), imported and checked against the contract: a
 * path (a folder with a package.json or index.js, or a file) or a package name, resolved from the config
 * file's folder as Node resolves an import there. A module exports its plugin as `default` or `plugin`.
 * What cannot be loaded is a PackError naming the config file and the entry (exit 2). Their operators
 * become known to every pack this process loads from then on (core/rules/plugin-operators.ts): only
 * plugins named in the config bring operators.
 */
export async function loadPluginModules(
  specifiers: readonly string[],
  configFile: string,
): Promise<PtpPlugin[]> {
  const require = createRequire(configFile);
  const plugins: PtpPlugin[] = [];
  for (const specifier of specifiers) {
    const where = `${configFile}: plugins: ${specifier}`;
    let module: { default?: unknown; plugin?: unknown };
    try {
      module = await import(pathToFileURL(require.resolve(specifier)).href);
    } catch (error) {
      throw new PackError(
        where,
        undefined,
        undefined,
        `cannot load the plugin: ${(error as Error).message.split('\n')[0]}`,
      );
    }
    plugins.push(parsePlugin(module.default ?? module.plugin, where));
  }
  useOperators(
    plugins.flatMap((plugin) => plugin.operators),
    OPERATOR_NAMES,
  );
  return plugins;
}
