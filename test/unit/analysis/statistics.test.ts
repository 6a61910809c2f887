import { describe, expect, it } from 'vitest';
import { AbsQuantileSketch, boundedAbsQuantile, RunningStats } from '../../../core/analysis/statistics.js';
import { createService } from '../../../transports/composition-root.js';

describe('p99 never exceeds max', () => {
  it('the sketch answers a bucket bound (201 for |200|); the bounded quantile stops at the largest |offset|', () => {
    const stats = new RunningStats();
    const sketch = new AbsQuantileSketch();
    for (const value of [-200, 150, 3]) {
      stats.push(value);
      sketch.push(value);
    }
    expect(sketch.quantile(0.99)).toBe(201);
    expect(boundedAbsQuantile(sketch, 0.99, stats.summary())).toBe(200);
    expect(boundedAbsQuantile(new AbsQuantileSketch(), 0.99, new RunningStats().summary())).toBeNull();
  });

  it('holds for every process of every scenario, whole log and window', async () => {
    const service = createService();
    for (const source of ['demo', 'scenario:port-fault', 'scenario:offset-threshold', 'scenario:gm-change']) {
      for (const lastMs of [undefined, 30_000]) {
        const d = await service.diagnose({ source, lastMs });
        for (const process of d.nodes.flatMap((n) => n.processes)) {
          const { p99Abs, min, max } = process.offset;
          if (p99Abs === null || min === null || max === null) continue;
          expect(p99Abs).toBeLessThanOrEqual(Math.max(Math.abs(min), Math.abs(max)));
        }
      }
    }
  });
});
