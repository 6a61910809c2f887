import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { packageRoot } from '../../../core/package-root.js';
import { PackCache } from '../../../core/rules/pack-cache.js';
import { builtInPackNames } from '../../../core/rules/pack-loader.js';
import { RulePackTest } from '../../../core/rules/pack-test-schema.js';
import { runPackTestFile } from '../../../core/rules/pack-tests.js';
import { createService } from '../../../transports/composition-root.js';

const TESTS_DIR = join(packageRoot(), 'rules', 'tests');
const testFiles = readdirSync(TESTS_DIR)
  .filter((name) => name.endsWith('.test.yaml'))
  .sort();
const service = createService();
const packs = new PackCache();
const runtimeFacts = async (request: { source: string; node?: string; lastMs?: number }) =>
  (await service.runtimeFacts(request)).evaluations;

describe('the built-in packs’ own tests (rules/tests)', () => {
  for (const name of testFiles) {
    it(`${name}: every case passes`, async () => {
      const result = await runPackTestFile(join(TESTS_DIR, name), packs, runtimeFacts);
      const failed = result.cases.filter((c) => !c.passed).map((c) => `${c.name}: ${c.problems.join('; ')}`);
      expect(failed).toEqual([]);
      expect(result.cases.length).toBeGreaterThan(0);
    });
  }

  it('every rule of every built-in pack has a case that fires it and one where it must stay silent', () => {
    const tests = testFiles.map((name) =>
      RulePackTest.parse(parse(readFileSync(join(TESTS_DIR, name), 'utf8'))),
    );
    const missing: string[] = [];
    for (const pack of builtInPackNames()) {
      // The pack's own rules (inherited ones are covered by their own pack's tests).
      const own = (parse(readFileSync(join(packageRoot(), 'rules', `${pack}.yaml`), 'utf8')).spec.rules ??
        []) as {
        id: string;
      }[];
      const cases = tests.filter((t) => t.pack === pack).flatMap((t) => t.cases);
      for (const { id } of own) {
        const fires = cases.some((c) => c.expect.fires.some((f) => f.rule === id));
        const silent = cases.some((c) =>
          c.expect.silent === 'all'
            ? !c.expect.fires.some((f) => f.rule === id)
            : c.expect.silent.includes(id),
        );
        if (!fires) missing.push(`${pack}: ${id} never expected to fire`);
        if (!silent) missing.push(`${pack}: ${id} never expected to stay silent`);
      }
    }
    expect(missing).toEqual([]);
  });
});
