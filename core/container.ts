import { type DependencyContainer, container as rootContainer } from 'tsyringe';
import { builtInScenarioPlugin, snapshotFolderPlugin } from '../plugins/snapshot/index.js';
import { PtpService } from './service.js';
import type { SourcePlugin } from './sources/raw-cluster.js';
import { TOKENS } from './tokens.js';

/** The built-in data-source plugins, in the order a `--source` spec is tried. */
export const BUILT_IN_SOURCES: readonly SourcePlugin[] = [builtInScenarioPlugin, snapshotFolderPlugin];

/**
 * The composition root: one child container per CLI run or server, with the plugins registered. Tests
 * build their own with `extraSources` for the edges they fake.
 */
export function createContainer(extraSources: readonly SourcePlugin[] = []): DependencyContainer {
  const child = rootContainer.createChildContainer();
  for (const plugin of [...BUILT_IN_SOURCES, ...extraSources])
    child.register(TOKENS.SourcePlugin, { useValue: plugin });
  child.registerSingleton(PtpService);
  return child;
}

export function createService(extraSources: readonly SourcePlugin[] = []): PtpService {
  return createContainer(extraSources).resolve(PtpService);
}
