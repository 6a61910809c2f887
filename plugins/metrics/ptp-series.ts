import { z } from 'zod';
import type { MetricSample, PtpMetric } from '../../core/model/metrics.js';
import { decodePtpMetrics } from '../../core/parsers/ptp-metric-decoding.js';
import type { PrometheusClient } from './prometheus-client.js';

/** The PTP metrics linuxptp-daemon exports (pkg/daemon/metrics.go), without the openshift_ptp_ prefix. */
export const PTP_METRICS = [
  'offset_ns',
  'max_offset_ns',
  'frequency_adjustment_ns',
  'delay_ns',
  'clock_state',
  'clock_class',
  'interface_role',
  'process_status',
  'process_restart_count',
  'threshold',
] as const;

/** A PTP metric over time for one node/process/interface, each sample decoded (LOCKED, SLAVE, …). */
export const PtpSeries = z.object({
  metric: z.string(),
  node: z.string().nullable(),
  process: z.string().nullable(),
  iface: z.string().nullable(),
  labels: z.record(z.string(), z.string()),
  /** Sample times are Prometheus' (epoch ms), values as scraped. */
  points: z.array(
    z.object({
      time: z.number(),
      value: z.number(),
      decoded: z.string().nullable(),
      sentinel: z.string().nullable(),
    }),
  ),
});
export type PtpSeries = z.infer<typeof PtpSeries>;

/**
 * The PTP metrics of one node (or all) between two times (epoch ms of the data), from Prometheus or
 * Thanos: one range query per metric, decoded as the daemon's own scrape is.
 */
export async function ptpSeries(
  client: PrometheusClient,
  request: { node?: string; metrics?: readonly string[]; from: number; to: number; stepSeconds: number },
): Promise<PtpSeries[]> {
  const series: PtpSeries[] = [];
  for (const metric of request.metrics ?? PTP_METRICS) {
    const selector = request.node ? `{node="${request.node.replace(/["\\]/g, '')}"}` : '';
    for (const result of await client.queryRange(
      `openshift_ptp_${metric}${selector}`,
      request.from,
      request.to,
      request.stepSeconds,
    )) {
      const { __name__: _name, ...labels } = result.labels;
      const decoded = decodePtpMetrics(
        result.samples.map(([, value]) => sample(`openshift_ptp_${metric}`, labels, value)),
      );
      series.push({
        metric,
        node: labels.node ?? null,
        process: labels.process ?? null,
        iface: labels.iface ?? null,
        labels,
        points: result.samples.map(([time, value], index) => ({
          time,
          value,
          decoded: decoded[index]?.decoded ?? null,
          sentinel: decoded[index]?.sentinel ?? null,
        })),
      });
    }
  }
  return series;
}

function sample(name: string, labels: Record<string, string>, value: number): MetricSample {
  return { name, labels, value, line: 0 };
}

/** The last sample of each series as a scrape would show it (PtpMetric), for the snapshot of a moment. */
export function latest(series: readonly PtpSeries[]): PtpMetric[] {
  return series.flatMap((s) => {
    const last = s.points.at(-1);
    return last ? decodePtpMetrics([sample(`openshift_ptp_${s.metric}`, s.labels, last.value)]) : [];
  });
}
