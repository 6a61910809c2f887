import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runnablePacks } from '../../../core/config/pack-policy.js';
import { PackCache } from '../../../core/rules/pack-cache.js';

const dir = mkdtempSync(join(tmpdir(), 'ptp-mcp-policy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A team pack on fault-severity: it overrides one rule and adds one of its own.
const TEAM = join(dir, 'team.yaml');
writeFileSync(
  TEAM,
  `apiVersion: ptp-mcp/v1
kind: RulePack
metadata: { name: team }
spec:
  scope: node
  extends: [fault-severity]
  rules:
    - id: fault/freerun
      severity: minor
      title: free-running, as our lab expects
      when: { all: [{ fact: node, path: $.name, operator: equal, value: lab-1 }] }
      message: "{{node.name}}"
    - id: team/own
      severity: info
      title: our own rule
      when: { all: [{ fact: node, path: $.name, operator: equal, value: lab-2 }] }
      message: "{{node.name}}"
`,
);

const ruleIds = (packs: ReturnType<typeof runnablePacks>) =>
  packs.flatMap(({ loaded }) => loaded.pack.spec.rules.map((rule) => rule.id));

describe('packs.disable reaches the rules a pack inherits through extends', () => {
  const cache = new PackCache();
  const inherited = cache.get('fault-severity').loaded.pack.spec.rules.length;

  it('without the policy the team pack runs every inherited rule', () => {
    const ids = ruleIds(runnablePacks(cache, ['fault-severity', TEAM], undefined));
    expect(ids).toHaveLength(inherited + 1);
  });

  it('disabling fault-severity drops its unchanged rules; the overridden one and the team rule stay', () => {
    const policy = { disable: ['fault-severity'] };
    const packs = runnablePacks(cache, [TEAM], policy);
    expect(ruleIds(packs).sort()).toEqual(['fault/freerun', 'team/own']);
    // The evaluator runs the same rules (a cached pruned copy, the cache's own entry untouched).
    expect(runnablePacks(cache, [TEAM], policy)[0]).toBe(packs[0]);
    expect(cache.get(TEAM).loaded.pack.spec.rules).toHaveLength(inherited + 1);
  });

  it('disabling a pack the team pack does not extend changes nothing', () => {
    const ids = ruleIds(runnablePacks(cache, [TEAM], { disable: ['clock-class-fallback'] }));
    expect(ids).toHaveLength(inherited + 1);
  });
});
