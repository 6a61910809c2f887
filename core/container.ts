import { type DependencyContainer, container as rootContainer } from 'tsyringe';
import { PluginRegistry } from './plugins/plugin-registry.js';
import type { PtpPluginInput } from './plugins/plugin-schema.js';
import { PtpService } from './service.js';
import { TOKENS } from './tokens.js';

/**
 * One child container per CLI run or server with the plugins given, in order (the composition root at
 * the edge decides which: transports/composition-root.ts). The core imports no plugin: what it reads
 * and how comes only from what is registered here.
 */
export function createContainer(plugins: readonly PtpPluginInput[]): DependencyContainer {
  const child = rootContainer.createChildContainer();
  for (const plugin of plugins) child.register(TOKENS.Plugin, { useValue: plugin });
  child.registerSingleton(PluginRegistry);
  child.registerSingleton(PtpService);
  return child;
}
