import { existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { readYamlFile } from '../rules/yaml-file.js';
import { ConfigFileSchema, type PtpMcpConfig } from './config-schema.js';

export const CONFIG_FILE_NAME = 'ptp-mcp.config.yaml';
/** A configuration, not a data file: 1 MB is far more than any team's settings. */
const MAX_CONFIG_BYTES = 1024 * 1024;

export interface LoadedConfig {
  /** The file it came from, absolute. */
  file: string;
  /** Its settings, every path made absolute against the file's folder. */
  config: PtpMcpConfig;
}

/** `ptp-mcp.config.yaml` in `start` or the nearest of its parents, as ESLint and Prettier find theirs. */
export function findConfigFile(start: string): string | undefined {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    const candidate = join(dir, CONFIG_FILE_NAME);
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * Reads and checks a config file: a problem is a PackError with file:line:column and what is wrong (the
 * CLI's exit 2). Relative paths are taken from the file's folder, so the file means the same wherever a
 * command is run from.
 */
export function loadConfigFile(file: string): LoadedConfig {
  const absolute = resolve(file);
  const { data } = readYamlFile(absolute, ConfigFileSchema, 'config file', MAX_CONFIG_BYTES);
  return { file: absolute, config: resolvePaths(data, dirname(absolute)) };
}

function resolvePaths(config: PtpMcpConfig, base: string): PtpMcpConfig {
  const path = (value: string) =>
    resolve(base, value.startsWith('~/') ? join(homedir(), value.slice(2)) : value);
  const paths = (values: string[] | undefined) => values?.map(path);
  // A plugin is a file when written as one (./x.js, /x.js), else a package name resolved by Node.
  const plugin = (value: string) => (isAbsolute(value) || value.startsWith('.') ? path(value) : value);
  // A pack is built in when named (fault-severity), a file when written as a path (as --pack takes it).
  const pack = (value: string) => (value.includes('/') || /\.ya?ml$/.test(value) ? path(value) : value);
  const { packs, sources, server } = config;
  return {
    ...config,
    packs: packs && {
      ...packs,
      add: packs.add?.map(pack),
      replace:
        packs.replace &&
        Object.fromEntries(Object.entries(packs.replace).map(([name, file]) => [name, path(file)])),
    },
    suppressions: config.suppressions && path(config.suppressions),
    plugins: config.plugins?.map(plugin),
    sources: sources && {
      ...sources,
      kubeconfig: sources.kubeconfig && path(sources.kubeconfig),
      snapshotRoots: paths(sources.snapshotRoots),
      packDirs: paths(sources.packDirs),
    },
    server: server && { ...server, tokenFile: server.tokenFile && path(server.tokenFile) },
  };
}
