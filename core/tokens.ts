import type { InjectionToken } from 'tsyringe';
import type { PtpPluginInput } from './plugins/plugin-schema.js';

/** Injection tokens: interfaces have no runtime type, so every dependency is injected by an explicit token. */
export const TOKENS = {
  /**
   * A plugin, as the composition root registers it (transports/composition-root.ts): the built-in ones
   * first, then the config's. PluginRegistry resolves which of them is in effect.
   */
  Plugin: Symbol('Plugin') as InjectionToken<PtpPluginInput>,
} as const;
