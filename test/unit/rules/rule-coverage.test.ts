import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type LintResult, lintConfigs } from '../../../core/lint/lint-run.js';
import type { Diagnosis } from '../../../core/model/diagnosis.js';
import type { Finding } from '../../../core/model/finding.js';
import { packageRoot } from '../../../core/package-root.js';
import { createService } from '../../../transports/composition-root.js';
import { CRAFTED_CASES, type CraftedCase, craftedSnapshot, removeSnapshot } from './clock-class-cases.js';

/**
 * Every rule of every built-in pack fires end to end (issue 9): through `lint` of the configs under
 * fixtures/lint with the DEFAULT pack selection (no --pack, so a rule that pack selection never reaches
 * fails here), or through `diagnose` of a scenario under fixtures/clusters or of a lab recording of real
 * ptp4l under fixtures/lab. `rules test` cases do not
 * count: they name their pack. The rule ids are read from rules/*.yaml, so a rule added later is covered
 * as soon as it exists. The natural-language intents pack (kind IntentPack) holds no rules: left out.
 *
 * Each fixtures/lint/bad file declares in its leading comment the findings it must give, checked
 * exactly: `# expect: <rule> <severity> line <n>`; `# linuxptp-version: 3.1.1` lints it for that release
 * (lint --linuxptp-version), for the rules of older releases; `# phcs: ens1f0=1 ens1f1=2` gives the PHC
 * index of each interface (ethtool -T), the hardware knowledge boundary_clock_jbod needs. Each
 * fixtures/lint/good file gives nothing above info.
 */
const root = packageRoot();
const LINT = join(root, 'fixtures/lint');
const CLUSTERS = join(root, 'fixtures/clusters');

interface PackRules {
  pack: string;
  rules: string[];
}

function builtInRules(): PackRules[] {
  const dir = join(root, 'rules');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map(
      (name) =>
        parse(readFileSync(join(dir, name), 'utf8')) as {
          kind: string;
          metadata: { name: string };
          spec: { rules?: { id: string }[] };
        },
    )
    .filter((pack) => pack.kind === 'RulePack')
    .map((pack) => ({ pack: pack.metadata.name, rules: (pack.spec.rules ?? []).map((rule) => rule.id) }));
}

function filesOf(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => /\.(ya?ml|conf|cfg)$/.test(name))
    .sort()
    .map((name) => join(dir, name));
}

/** `rule severity line n`, the form of a fixture's `# expect:` lines. */
const shown = (f: Finding) => `${f.rule} ${f.severity} line ${f.location?.line ?? 'none'}`;

/** The `# expect:`, `# linuxptp-version:` and `# phcs:` lines of a file's leading comment block. */
function header(file: string): {
  expected: string[];
  linuxptpVersion?: string;
  phcs?: Record<string, number>;
} {
  const expected: string[] = [];
  let linuxptpVersion: string | undefined;
  let phcs: Record<string, number> | undefined;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.startsWith('#')) break;
    const match = /^#\s*expect:\s*(\S+)\s+(critical|moderate|minor|info)\s+line\s+(\d+)\s*$/.exec(line);
    if (match) expected.push(`${match[1]} ${match[2]} line ${match[3]}`);
    else if (/^#\s*expect:/.test(line)) expected.push(`unreadable: ${line}`);
    linuxptpVersion = /^#\s*linuxptp-version:\s*(\S+)\s*$/.exec(line)?.[1] ?? linuxptpVersion;
    // `# phcs: ens1f0=1 ens1f1=2`: the PHC index ethtool -T reports per interface (lint's hardware knowledge).
    const phcList = /^#\s*phcs:\s*(.+)$/.exec(line)?.[1];
    if (phcList)
      phcs = Object.fromEntries(
        phcList
          .trim()
          .split(/\s+/)
          .map((pair) => pair.split('='))
          .map(([iface, index]) => [iface, Number(index)]),
      );
  }
  return { expected: expected.sort(), linuxptpVersion, phcs };
}

/** Each fixture is linted once, on its own, for the release its header names; tests share the result. */
const linted = new Map<string, Promise<LintResult>>();
const lintFixture = (file: string): Promise<LintResult> => {
  if (!linted.has(file)) {
    const { linuxptpVersion, phcs } = header(file);
    linted.set(file, lintConfigs({ paths: [file], linuxptpVersion, phcs }));
  }
  return linted.get(file)!;
};

const service = createService();
const partialService = createService({ partialSnapshots: true });
const diagnosed = new Map<string, Promise<Diagnosis>>();
const diagnoseScenario = (scenario: string): Promise<Diagnosis> => {
  if (!diagnosed.has(scenario)) diagnosed.set(scenario, service.diagnose({ source: `scenario:${scenario}` }));
  return diagnosed.get(scenario)!;
};

/**
 * Rules no generated scenario shows (clock-class-cases.ts says why for each): diagnosed on a copy of a
 * scenario with lines in the daemon's exact format. The end of the node's data (unix s) places the lines.
 */
const crafted = new Map<CraftedCase, Promise<Diagnosis>>();
const diagnoseCrafted = (c: CraftedCase): Promise<Diagnosis> => {
  if (!crafted.has(c))
    crafted.set(
      c,
      (async () => {
        const base = await diagnoseScenario(c.base);
        const end = base.nodes.find((n) => n.node === c.node)?.timeRange.last?.wall;
        if (end === undefined) throw new Error(`${c.base}: no data of ${c.node}`);
        const dir = craftedSnapshot(c, Math.floor(end / 1000));
        try {
          return await service.diagnose({ source: `dir:${dir}` });
        } finally {
          removeSnapshot(dir);
        }
      })(),
    );
  return crafted.get(c)!;
};
const at = (d: Diagnosis) => d.findings.map((f) => `${f.rule}@${f.subject.node ?? 'cluster'}`);

const badFiles = filesOf(join(LINT, 'bad'));
const goodFiles = filesOf(join(LINT, 'good'));
const scenarios = readdirSync(CLUSTERS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
/** The lab's recordings of real ptp4l (fixtures/lab/<scenario>/, snapshot folders of plain hosts). */
const LAB = join(root, 'fixtures/lab');
const labRecordings = readdirSync(LAB, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => join(LAB, entry.name))
  .sort();

describe('fixtures/lint, linted with the default pack selection', () => {
  it('has bad and good fixtures', () => {
    expect(badFiles.length).toBeGreaterThan(0);
    expect(goodFiles.length).toBeGreaterThan(0);
  });

  for (const file of badFiles) {
    const name = relative(LINT, file);
    it(`${name} gives exactly the findings its header declares`, async () => {
      const { expected } = header(file);
      expect(expected.length, `${name} declares no "# expect:" line`).toBeGreaterThan(0);
      const result = await lintFixture(file);
      expect(result.errors).toEqual([]);
      expect(result.findings.map(shown).sort()).toEqual(expected);
    });
  }

  for (const file of goodFiles) {
    const name = relative(LINT, file);
    it(`${name} gives no finding above info`, async () => {
      const result = await lintFixture(file);
      expect(result.errors).toEqual([]);
      expect(result.profiles.length).toBeGreaterThan(0);
      expect(result.findings.filter((f) => f.severity !== 'info').map(shown)).toEqual([]);
    });
  }
});

describe('rules no generated scenario shows: diagnose of a scenario copy in the daemon’s format', () => {
  for (const c of CRAFTED_CASES) {
    it(`${c.rule} fires on ${c.node} of a changed ${c.base}, not on ${c.base} itself (${c.why})`, async () => {
      expect(at(await diagnoseScenario(c.base))).not.toContain(`${c.rule}@${c.node}`);
      expect(at(await diagnoseCrafted(c))).toContain(`${c.rule}@${c.node}`);
    });
  }
});

describe('rule coverage: lint of fixtures/lint and diagnose of fixtures/clusters', () => {
  const packs = builtInRules();

  it('reads the rules of every built-in pack but the intents', () => {
    expect(packs.map((p) => p.pack)).toEqual(
      expect.arrayContaining(['linuxptp-config', 'itu-t-g8275.1', 'fault-severity']),
    );
    expect(packs.map((p) => p.pack)).not.toContain('nlq-intents');
    expect(packs.every((p) => p.rules.length > 0)).toBe(true);
  });

  it('fires every rule of every built-in pack at least once', async () => {
    const fired = new Set<string>();
    for (const file of [...badFiles, ...goodFiles])
      for (const finding of (await lintFixture(file)).findings) fired.add(finding.rule);
    for (const scenario of scenarios)
      for (const finding of (await diagnoseScenario(scenario)).findings) fired.add(finding.rule);
    for (const c of CRAFTED_CASES)
      for (const finding of (await diagnoseCrafted(c)).findings) fired.add(finding.rule);
    // A recording whose fault stopped a node's ptp4l is incomplete (gm-dies): read as diagnose --partial does.
    for (const dir of labRecordings)
      for (const finding of (await partialService.diagnose({ source: `dir:${dir}` })).findings)
        fired.add(finding.rule);
    const neverFired = packs.flatMap(({ pack, rules }) =>
      rules.filter((rule) => !fired.has(rule)).map((rule) => `${pack}: ${rule}`),
    );
    if (neverFired.length > 0)
      console.warn(
        `rules that no fixture (lint) or scenario (diagnose) fires (${neverFired.length}):\n  ${neverFired.join('\n  ')}`,
      );
    expect(neverFired).toEqual([]);
  });
});
