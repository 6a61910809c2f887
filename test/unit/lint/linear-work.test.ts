import { describe, expect, it, vi } from 'vitest';
import { lintText } from '../../../core/lint/lint-run.js';
import type { LinuxptpConfig } from '../../../core/model/linuxptp-config.js';

/**
 * Lint must do the same work per section however large the file (issue 10: 100,000 port sections took
 * 158 s, 1,000 took 0.95 s, because facts and lookups scanned every section for each port). Not a timing
 * test: every parsed config hands out counting views of its sections and entries, and the number of
 * elements read must double, not quadruple, when the file doubles.
 */
const reads = vi.hoisted(() => ({ count: 0 }));

vi.mock('../../../core/parsers/linuxptp-config.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../core/parsers/linuxptp-config.js')>();
  const counted = <T extends object>(items: T[]): T[] =>
    new Proxy(items, {
      get(target, property, receiver) {
        if (typeof property === 'string' && /^\d+$/.test(property)) reads.count++;
        return Reflect.get(target, property, receiver);
      },
    });
  return {
    ...original,
    parseLinuxptpConfig: (...args: Parameters<typeof original.parseLinuxptpConfig>): LinuxptpConfig => {
      const config = original.parseLinuxptpConfig(...args);
      const sections = config.sections.map((section) => ({ ...section, entries: counted(section.entries) }));
      return { ...config, sections: counted(sections) };
    },
  };
});

const GLOBAL = '[global]\ndomainNumber 24\nnetwork_transport L2\ndataset_comparison G.8275.x\n';

/** Config shapes that grow with n, each a way a lookup per port or per key turned quadratic. */
const SHAPES: Record<string, (n: number) => string> = {
  'port sections': (n) =>
    GLOBAL + Array.from({ length: n }, (_, i) => `[ens${i}f0]\nmasterOnly ${i === 0 ? 0 : 1}\n`).join(''),
  'one port written many times': (n) => GLOBAL + '[ens1f0]\nmasterOnly 1\n'.repeat(n),
  'keys in [global]': (n) =>
    `${GLOBAL}${Array.from({ length: n }, (_, i) => `option_${i} ${i}\n`).join('')}[ens1f0]\n`,
};

async function elementsRead(text: string): Promise<{ reads: number; findings: number }> {
  reads.count = 0;
  const result = await lintText(text, 'large.conf', 'linuxptp', {});
  return { reads: reads.count, findings: result.findings.length };
}

describe('lint reads each section and entry a bounded number of times', () => {
  for (const [shape, config] of Object.entries(SHAPES)) {
    it(`${shape}: twice the file, at most about twice the reads`, async () => {
      const small = await elementsRead(config(500));
      const large = await elementsRead(config(1000));
      // The counting views are really consulted, and every section or key is judged.
      expect(small.reads).toBeGreaterThan(500);
      expect(large.findings).toBeGreaterThan(small.findings);
      // Linear work doubles (plus fixed reads of [global]); one scan of all sections per port quadruples.
      expect(large.reads / small.reads).toBeLessThan(2.5);
    });
  }
});
