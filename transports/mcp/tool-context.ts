import { DiagnosisCache } from '../../core/diagnosis-cache.js';
import { loadIntents } from '../../core/nlq/intent-loader.js';
import type { IntentSet } from '../../core/nlq/intent-pack.js';
import type { PtpService } from '../../core/service.js';
import type { PrometheusClient } from '../../plugins/metrics/prometheus-client.js';
import type { ToolContext } from './tool.js';
import { TOOLS } from './tools.js';

export interface ToolContextOptions {
  service: PtpService;
  defaultSource: string;
  kubeconfig?: string;
  cacheTtlMs?: number;
  intentPacks?: string[];
  prometheus?: PrometheusClient;
}

/** The context every tool call of one server (or one `ptp-mcp ask`) shares. */
export function toolContext(options: ToolContextOptions): ToolContext {
  let intents: IntentSet | undefined;
  return {
    service: options.service,
    cache: new DiagnosisCache(options.service, options.cacheTtlMs ?? 10_000),
    defaultSource: options.defaultSource,
    kubeContexts: async () =>
      (await import('../../plugins/kubernetes/kube-config.js')).kubeContexts(options.kubeconfig),
    progress: async () => undefined,
    prometheus: options.prometheus,
    intents: () => {
      intents ??= loadIntents(options.intentPacks ?? [], { tools: TOOLS.map((t) => t.name) });
      return intents;
    },
  };
}
