import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PtpService } from '../../../core/service.js';
import type { KubeSettings } from '../../../plugins/kubernetes/kube-settings.js';
import { scenariosDir } from '../../../plugins/snapshot/index.js';
import { SnapshotFolderSource } from '../../../plugins/snapshot/snapshot-folder.js';
import type { FaultPlan } from '../../../simulate/faults.js';
import { type Simulator, startSimulator } from '../../../simulate/simulator.js';
import { createService } from '../../../transports/composition-root.js';

export interface LiveCluster {
  simulator: Simulator;
  kubeconfig: string;
  /** A service whose `cluster` source is the simulated cluster, with these client settings. */
  service(settings?: Partial<KubeSettings>): PtpService;
  close(): Promise<void>;
}

/** A scenario served by `simulate` over real HTTP on loopback, and the kubeconfig for it. */
export async function liveCluster(
  scenario: string,
  options: { faults?: Partial<FaultPlan>; nodes?: number; stopAfterRequests?: number } = {},
): Promise<LiveCluster> {
  const simulator = await startSimulator({
    source: new SnapshotFolderSource(join(scenariosDir(), scenario), `scenario:${scenario}`),
    faults: options.faults ? { faults: [], withoutDaemonPod: [], ...options.faults } : undefined,
    nodes: options.nodes,
    stopAfterRequests: options.stopAfterRequests,
  });
  const kubeconfig = join(mkdtempSync(join(tmpdir(), 'ptp-mcp-kube-')), 'kubeconfig');
  writeFileSync(kubeconfig, simulator.kubeconfig);
  return {
    simulator,
    kubeconfig,
    service: (settings = {}) => createService({ kube: { kubeconfig, ...settings } }),
    close: () => simulator.close(),
  };
}
