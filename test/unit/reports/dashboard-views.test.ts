import { beforeAll, describe, expect, it } from 'vitest';
import type { Diagnosis } from '../../../core/model/diagnosis.js';
import type { Snapshot } from '../../../core/model/snapshot.js';
import { clusterView } from '../../../core/reports/dashboard/cluster-view.js';
import { nodeView } from '../../../core/reports/dashboard/node-view.js';
import { diagnosisReportData } from '../../../core/reports/dashboard/report-data.js';
import { ClusterView, NodeView, ReportData } from '../../../core/reports/dashboard/view-schema.js';
import { htmlPage } from '../../../core/reports/html-page.js';
import { createService } from '../../../transports/composition-root.js';

describe('the dashboard views of the demo cluster', () => {
  let diagnosis: Diagnosis;
  let snapshot: Snapshot;
  beforeAll(async () => {
    const service = createService();
    diagnosis = await service.diagnose({ source: 'demo' });
    snapshot = await service.snapshot({ source: 'demo' });
  });

  it('shows every node with the health, state and class of the diagnosis, and the judged |offset|', () => {
    const view = ClusterView.parse(clusterView(diagnosis));
    expect(view.nodes.map((n) => [n.node, n.health, n.state, n.clockClass])).toEqual(
      diagnosis.nodes.map((n) => [n.node, diagnosis.health.nodes[n.node], n.syncState, n.clockClass.current]),
    );
    const worker2 = view.nodes.find((n) => n.node === 'worker-2')!;
    // The |offset| the rule fault/offset-beyond-threshold judged, and its finding.
    expect(worker2).toMatchObject({ offsetAbsNs: 947, offsetProcess: 'ptp4l', health: 'MODERATE' });
    expect(view.nodes.find((n) => n.node === 'bc-2')!.holdover).toMatchObject({ outcome: 'ongoing' });
    expect(view.hierarchy.find((l) => l.node === 'worker-3')).toMatchObject({
      parentNode: 'bc-2',
      stepsRemoved: 1,
      gmClockClass: 135,
    });
    expect(view.dataTime.last).toBe(diagnosis.meta.dataRange.last?.wall);
  });

  it("reduces a node's offsets to a min and max per pixel column, within the node's data", () => {
    const view = NodeView.parse(nodeView(diagnosis, snapshot, 'bc-2', 300));
    const { range, offsets, lanes } = view.timeline;
    expect(range).toEqual({
      from: diagnosis.nodes.find((n) => n.node === 'bc-2')!.timeRange.first!.wall,
      to: diagnosis.nodes.find((n) => n.node === 'bc-2')!.timeRange.last!.wall,
    });
    expect(offsets.map((o) => o.label)).toContain('ptp4l ptp4l.1.config');
    for (const series of offsets) {
      expect(series.time.length).toBeLessThanOrEqual(300);
      expect(series.samples).toBeGreaterThan(series.time.length);
      for (let i = 0; i < series.time.length; i++) expect(series.min[i]).toBeLessThanOrEqual(series.max[i]!);
    }
    expect(view.thresholdNs).toBe(100);
    expect(lanes.map((l) => l.label)).toEqual(expect.arrayContaining(['sync loss', 'holdover', 'faults']));
    // Its UDS management port carries pmc, not time: no lane.
    expect(lanes.some((l) => l.label.includes('/var/run'))).toBe(false);
    expect(view.timeline.clockClass.value.at(-1)).toBe(135);
    expect(view.findings.map((f) => f.rule)).toContain('fault/holdover-active');
  });

  it('embeds a report that cannot close its script element, whatever the data says', () => {
    const data = ReportData.parse(diagnosisReportData(diagnosis, snapshot, 200));
    expect(Object.keys(data.kind === 'diagnosis' ? data.nodes : {})).toEqual(
      diagnosis.nodes.map((n) => n.node),
    );
    const page = htmlPage({
      title: 'x',
      script: { inline: 'const s = "</script><b>";' },
      data: {
        ...data,
        cluster: { ...(data as { cluster: ClusterView }).cluster, origin: '</script><b>' },
      } as ReportData,
    });
    expect(page.match(/<\/script>/g)).toHaveLength(2);
    expect(page).toContain('\\u003c/script>\\u003cb>');
    expect(page).toContain("script-src 'unsafe-inline'");
  });
});
