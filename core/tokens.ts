import type { InjectionToken } from 'tsyringe';
import type { SourcePlugin } from './sources/raw-cluster.js';

/** Injection tokens: interfaces have no runtime type, so every dependency is injected by an explicit token. */
export const TOKENS = {
  SourcePlugin: Symbol('SourcePlugin') as InjectionToken<SourcePlugin>,
} as const;
