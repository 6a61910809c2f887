import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packageRoot } from '../../core/package-root.js';
import type { PtpPluginInput, SourceInput } from '../../core/plugins/plugin-schema.js';
import { SourceError } from '../../core/sources/source-error.js';
import { SnapshotFolderSource, type SnapshotReadOptions } from './snapshot-folder.js';

/** Recordings: the scenarios shipped in fixtures/clusters/ and snapshot folders. */
export function snapshotPlugin(options: SnapshotReadOptions = {}): PtpPluginInput {
  return { name: 'snapshot', sources: [builtInScenarioSource, snapshotFolderSource(options)] };
}

/**
 * `dir:PATH`: a recorded snapshot folder (or a must-gather laid out the same way). One without a valid,
 * complete snapshot.yaml is refused unless `partial` (the user's `--partial`) allows it.
 */
export function snapshotFolderSource(options: SnapshotReadOptions = {}): SourceInput {
  return {
    name: 'dir',
    usage: 'dir:PATH',
    capabilities: { recorded: true, workThread: true },
    matches: (spec) => spec.startsWith('dir:'),
    open: (spec) => new SnapshotFolderSource(resolve(spec.slice(4)), spec.slice(4), options),
  };
}

/** `demo` and `scenario:NAME`: the recorded clusters shipped in fixtures/clusters/. */
export const builtInScenarioSource: SourceInput = {
  name: 'scenario',
  usage: 'demo | scenario:NAME',
  capabilities: { recorded: true, workThread: true },
  matches: (spec) => spec === 'demo' || spec.startsWith('scenario:'),
  open: (spec) => {
    const name = spec === 'demo' ? 'demo' : spec.slice('scenario:'.length);
    if (!scenarioNames().includes(name)) {
      throw new SourceError(`no built-in scenario "${name}"; there are: ${scenarioNames().join(', ')}`);
    }
    return new SnapshotFolderSource(join(scenariosDir(), name), `scenario:${name}`);
  },
};

export function scenariosDir(): string {
  return join(packageRoot(), 'fixtures', 'clusters');
}

export function scenarioNames(): string[] {
  try {
    return readdirSync(scenariosDir(), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
  } catch {
    return [];
  }
}
