import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packageRoot } from '../../core/package-root.js';
import type { SourcePlugin } from '../../core/sources/raw-cluster.js';
import { SourceError } from '../../core/sources/source-error.js';
import { SnapshotFolderSource, type SnapshotReadOptions } from './snapshot-folder.js';

/**
 * `dir:PATH`: a recorded snapshot folder (or a must-gather laid out the same way). One without a valid,
 * complete snapshot.yaml is refused unless `partial` (the user's `--partial`) allows it.
 */
export function snapshotFolderPlugin(options: SnapshotReadOptions = {}): SourcePlugin {
  return {
    name: 'snapshot',
    usage: 'dir:PATH',
    matches: (spec) => spec.startsWith('dir:'),
    open: (spec) => new SnapshotFolderSource(resolve(spec.slice(4)), spec.slice(4), options),
  };
}

/** `demo` and `scenario:NAME`: the recorded clusters shipped in fixtures/clusters/. */
export const builtInScenarioPlugin: SourcePlugin = {
  name: 'scenario',
  usage: 'demo | scenario:NAME',
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
