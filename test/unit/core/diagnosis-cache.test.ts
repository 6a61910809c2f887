import { describe, expect, it } from 'vitest';
import { DiagnosisCache } from '../../../core/diagnosis-cache.js';
import type { Diagnosis } from '../../../core/model/diagnosis.js';
import type { PtpService } from '../../../core/service.js';

/** A service whose diagnoses are numbered and resolved when the test says so. */
function countingService() {
  const pending: (() => void)[] = [];
  let made = 0;
  const service = {
    diagnose: async () => {
      const number = ++made;
      await new Promise<void>((resolve) => pending.push(resolve));
      return { number } as unknown as Diagnosis;
    },
  } as unknown as PtpService;
  return {
    service: async () => service,
    made: () => made,
    finish: async () => {
      // The load starts after the service promise resolves: let it reach its wait first.
      await new Promise((r) => setTimeout(r, 0));
      for (const resolve of pending.splice(0)) resolve();
    },
  };
}

const numberOf = async (diagnosis: Promise<Diagnosis>) =>
  ((await diagnosis) as unknown as { number: number }).number;

describe('DiagnosisCache', () => {
  it('computes once for concurrent requests of the same key, apart for another key', async () => {
    const source = countingService();
    const cache = new DiagnosisCache(source.service);
    const same = Array.from({ length: 10 }, () => cache.diagnose({ source: 'demo' }));
    const other = cache.diagnose({ source: 'demo', node: 'bc-1' });
    await source.finish();
    expect(await Promise.all(same.map(numberOf))).toEqual(Array(10).fill(1));
    expect(await numberOf(other)).toBe(2);
    expect(cache.counts).toEqual({ computed: 2, reused: 9 });
  });

  it('answers an expired reading while one refresh runs, never one older than twice the TTL', async () => {
    let now = 0;
    const source = countingService();
    const cache = new DiagnosisCache(source.service, { ttlMs: 1000, now: () => now });
    const first = cache.diagnose({ source: 'demo' });
    await source.finish();
    expect(await numberOf(first)).toBe(1);
    now = 1500;
    expect(await numberOf(cache.diagnose({ source: 'demo' }))).toBe(1);
    expect(await numberOf(cache.diagnose({ source: 'demo' }))).toBe(1);
    expect(source.made()).toBe(2);
    await source.finish();
    await new Promise((r) => setTimeout(r, 0));
    expect(await numberOf(cache.diagnose({ source: 'demo' }))).toBe(2);
    now = 5000;
    const late = cache.diagnose({ source: 'demo' });
    await source.finish();
    expect(await numberOf(late)).toBe(3);
  });

  it('keeps at most maxEntries readings, the oldest leaving first', async () => {
    const source = countingService();
    const cache = new DiagnosisCache(source.service, { maxEntries: 2 });
    for (const node of ['a', 'b', 'c']) void cache.diagnose({ source: 'demo', node });
    await source.finish();
    expect(cache.size).toBe(2);
    void cache.diagnose({ source: 'demo', node: 'a' });
    await new Promise((r) => setTimeout(r, 0));
    expect(source.made()).toBe(4);
    await source.finish();
  });

  it('forgets everything on invalidate and tells the watchers; the watch loop does so on its own', async () => {
    const source = countingService();
    const cache = new DiagnosisCache(source.service, { refreshMs: 20 });
    void cache.diagnose({ source: 'demo' });
    await source.finish();
    let told = 0;
    const unwatch = cache.watch(() => told++);
    cache.invalidate();
    expect(cache.size).toBe(0);
    expect(told).toBe(1);
    await new Promise((r) => setTimeout(r, 100));
    expect(told).toBeGreaterThan(1);
    unwatch();
    const after = told;
    await new Promise((r) => setTimeout(r, 60));
    expect(told).toBe(after);
  });
});
