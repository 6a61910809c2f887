import { describe, expect, it } from 'vitest';
import { frequencyDrift, offsetTrend } from '../../../core/analysis/offset-trend.js';
import { timingTraceability } from '../../../core/analysis/timing-traceability.js';
import { SampleSeries } from '../../../core/model/sample-series.js';
import { seriesKey } from '../../../core/model/snapshot.js';
import { createService } from '../../../transports/composition-root.js';

const service = createService();

describe('timing traceability', () => {
  it('traces the demo: through bc-1 to the GNSS-locked T-GM; bc-2 and worker-3 on bc-2’s holdover', async () => {
    const { nodes, hierarchy } = await service.diagnose({ source: 'demo' });
    const byNode = Object.fromEntries(timingTraceability(nodes, hierarchy).map((t) => [t.node, t]));
    expect(byNode['worker-1']).toMatchObject({ status: 'yes', chain: ['worker-1', 'bc-1', 'gm-1'] });
    expect(byNode['gm-1']).toMatchObject({ status: 'yes', chain: ['gm-1'] });
    expect(byNode['worker-3']).toMatchObject({ status: 'holdover', chain: ['worker-3', 'bc-2'] });
    expect(byNode['worker-3']!.reason).toBe(
      'bc-2 (T-BC) has no upstream and is HOLDOVER: it keeps time on its own oscillator',
    );
  });

  it('a T-GM that lost GNSS makes every clock behind it untraceable', async () => {
    const { nodes, hierarchy } = await service.diagnose({ source: 'scenario:gnss-loss' });
    const statuses = timingTraceability(nodes, hierarchy).map((t) => `${t.node}:${t.status}`);
    expect(statuses).toEqual(['gm-1:holdover', 'worker-1:holdover']);
  });
});

describe('offset trend and frequency drift', () => {
  it('buckets a process’ samples over the window, counting every sample once', async () => {
    const snapshot = await service.snapshot({ source: 'demo', node: 'worker-2' });
    const node = snapshot.nodes[0]!;
    const series = node.series.get(seriesKey('phc2sys', 'ptp4l.0.config'))!;
    const { first, last } = node.logs!.timeRange;
    const buckets = offsetTrend(series, first!.wall!, last!.wall!, 10);
    expect(buckets).toHaveLength(10);
    const inWindow = [...series.points()].filter((p) => p.time.wall !== undefined).length;
    expect(buckets.reduce((sum, b) => sum + b.count, 0)).toBe(inWindow);
    for (const b of buckets.filter((x) => x.count > 0))
      expect(b.maxAbsNs).toBe(Math.max(Math.abs(b.minNs!), Math.abs(b.maxNs!)));
  });

  it('measures the slope of the frequency adjustment, and says nothing from fewer than two samples', () => {
    const series = new SampleSeries(100);
    const hour = 3_600_000;
    for (let i = 0; i <= 10; i++) series.pushNumbers((i * hour) / 10, undefined, 0, 2, 1000 + 50 * (i / 10));
    expect(frequencyDrift(series, 0, hour)).toEqual({ samples: 11, ppbPerHour: 50 });
    expect(frequencyDrift(series, 0, 1).ppbPerHour).toBeNull();
  });
});
