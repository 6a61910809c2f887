import { z } from 'zod';
import { CloudEvent } from './cloud-event.js';
import { EthtoolDriverInfo, EthtoolTimestamping } from './ethtool.js';
import { KubeEvent, KubeNode, KubePod } from './kubernetes.js';
import { LinuxptpConfig, LinuxptpProgram } from './linuxptp-config.js';
import { LogAnalysis } from './log-analysis.js';
import { LogTime } from './log-record.js';
import { PtpMetric } from './metrics.js';
import { NodePtpDevice } from './node-ptp-device.js';
import { PmcOutput } from './pmc.js';
import { PtpConfig } from './ptp-config.js';
import { HardwareConfig, PtpOperatorConfig } from './ptp-operator-config.js';
import type { SampleSeries } from './sample-series.js';
import { SourceWarning } from './snapshot-manifest.js';

/** A rendered /var/run config file of the node (`ptp4l.0.config`), parsed. */
export const RenderedConfig = z.object({
  file: z.string(),
  program: LinuxptpProgram.nullable(),
  /** The daemon's run index N of `ptp4l.N.config`. */
  index: z.number().int().nullable(),
  config: LinuxptpConfig,
  /** The file as the daemon wrote it (comments and all), for showing. */
  text: z.string(),
});
export type RenderedConfig = z.infer<typeof RenderedConfig>;

export const AppliedProfileRef = z.object({
  name: z.string(),
  ptpConfig: z.string(),
  qualifiedName: z.string(),
});

export const DaemonPod = z.object({
  name: z.string(),
  phase: z.string().nullable(),
  ready: z.boolean().nullable(),
  restarts: z.record(z.string(), z.number()),
});
export type DaemonPod = z.infer<typeof DaemonPod>;

/** Everything known about one node, parsed; judgments are not made here. */
export const NodeSnapshot = z.object({
  name: z.string(),
  labels: z.record(z.string(), z.string()),
  daemonPod: DaemonPod.nullable(),
  recommendation: z.object({
    applied: z.array(AppliedProfileRef),
    priority: z.number().nullable(),
    missing: z.array(z.string()),
  }),
  logs: LogAnalysis.nullable(),
  proxyLogs: LogAnalysis.nullable(),
  /** What of the node the source tried and could not read, and why (a log that failed, a refused request). */
  unread: z.array(z.string()),
  configs: z.array(RenderedConfig),
  /** pmc answers per ptp4l config file (`ptp4l.0.config`). */
  pmc: z.array(z.object({ configFile: z.string(), output: PmcOutput })),
  /** When a plain host's pmc answers were read (its host.yaml clock anchor): data, as its log lines are. */
  pmcReadAt: LogTime.optional(),
  /** The decoded openshift_ptp_* samples of the daemon's /metrics (null: no scrape). */
  metrics: z.array(PtpMetric).nullable(),
  nics: z.array(
    z.object({
      iface: z.string(),
      driverInfo: EthtoolDriverInfo.nullable(),
      timestamping: EthtoolTimestamping.nullable(),
      /**
       * Without `ethtool -T` output: whether the node's NodePtpDevice lists the interface, which the daemon
       * does only when its own `ethtool -T` showed hardware-transmit, hardware-receive and hardware-raw-clock
       * (linuxptp-daemon fd6ff1e pkg/network/utils.go DiscoverPTPDevices, netParseEthtoolTimeStampFeature).
       */
      listedPtpDevice: z.boolean().optional(),
    }),
  ),
  cloudEvents: z.array(CloudEvent),
  /** Retained offset samples per process instance (`name|configTag`), for window statistics. */
  series: z.custom<Map<string, SampleSeries>>((value) => value instanceof Map),
});
export type NodeSnapshot = z.infer<typeof NodeSnapshot>;

export const ClusterObjects = z.object({
  ptpConfigs: z.array(PtpConfig),
  nodes: z.array(KubeNode),
  nodePtpDevices: z.array(NodePtpDevice),
  ptpOperatorConfigs: z.array(PtpOperatorConfig),
  hardwareConfigs: z.array(HardwareConfig),
  pods: z.array(KubePod),
  events: z.array(KubeEvent),
});
export type ClusterObjects = z.infer<typeof ClusterObjects>;

/** The one normalized picture of a deployment (DESIGN.md "The flow"). */
export const Snapshot = z.object({
  meta: z.object({
    name: z.string(),
    description: z.string().nullable(),
    cluster: z.string(),
    namespace: z.string(),
    source: z.string(),
    /** What the snapshot was read from: `scenario:demo`, `dir:/tmp/x`, `cluster lab`. */
    origin: z.string(),
    recordedAt: z.string().nullable(),
    /** The first and last times found in the data. */
    dataRange: z.object({ first: LogTime.nullable(), last: LogTime.nullable() }),
    /** Set when the data is known to be incomplete (a recording cut short, read with --partial): why. */
    partial: z.object({ reasons: z.array(z.string()) }).nullable(),
  }),
  cluster: ClusterObjects,
  nodes: z.array(NodeSnapshot),
  warnings: z.array(SourceWarning),
});
export type Snapshot = z.infer<typeof Snapshot>;

/** The key of a process' samples in NodeSnapshot.series; `rms` for the maxima of its summary lines. */
export function seriesKey(
  process: string,
  configTag: string | null,
  kind: 'offset' | 'rms' = 'offset',
): string {
  return `${process}|${configTag ?? ''}${kind === 'rms' ? '|rms' : ''}`;
}
