import { DiagnosisCache } from '../../core/diagnosis-cache.js';
import type { CloudEvent } from '../../core/model/cloud-event.js';
import type { IntentSet } from '../../core/nlq/intent-pack.js';
import type { PtpService } from '../../core/service.js';
import type { PtpResource } from '../../plugins/cloud-events/o-ran-api.js';
import type { PrometheusClient } from '../../plugins/metrics/prometheus-client.js';
import type { ToolContext } from './tool.js';
import { TOOLS } from './tools.js';

export interface ToolContextOptions {
  /** The service, or how to make it when a call first needs it. */
  service: PtpService | (() => Promise<PtpService>);
  defaultSource: string;
  kubeconfig?: string;
  cacheTtlMs?: number;
  /** The readings every session of a server shares; one of this context's own otherwise. */
  cache?: DiagnosisCache;
  intentPacks?: string[];
  /** Folders a call's `dir:` source may lie in (serve --snapshot-root); none by default. */
  snapshotRoots?: readonly string[];
  /** Folders whose rule packs a call may name besides the built-in ones (serve --packs-dir). */
  packsDirs?: readonly string[];
  prometheus?: PrometheusClient;
  /** The live cluster's O-RAN events, when the server follows them. */
  events?: { currentState(node: string, resource: PtpResource): Promise<CloudEvent> };
}

/** The context every tool call of one server (or one `ptp-mcp ask`) shares. */
export function toolContext(options: ToolContextOptions): ToolContext {
  let intents: IntentSet | undefined;
  const given = options.service;
  let made: Promise<PtpService> | undefined;
  const service = typeof given === 'function' ? () => (made ??= given()) : async () => given;
  return {
    service,
    cache: options.cache ?? new DiagnosisCache(service, { ttlMs: options.cacheTtlMs }),
    defaultSource: options.defaultSource,
    snapshotRoots: options.snapshotRoots ?? [],
    packsDirs: options.packsDirs ?? [],
    kubeContexts: async () =>
      (await import('../../plugins/kubernetes/kube-config.js')).kubeContexts(options.kubeconfig),
    progress: async () => undefined,
    prometheus: options.prometheus,
    currentState: options.events && ((node, resource) => options.events!.currentState(node, resource)),
    intents: async () => {
      const { loadIntents } = await import('../../core/nlq/intent-loader.js');
      intents ??= loadIntents(options.intentPacks ?? [], { tools: TOOLS.map((t) => t.name) });
      return intents;
    },
  };
}
