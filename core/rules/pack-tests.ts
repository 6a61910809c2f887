import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseDuration } from '../duration.js';
import { walkFolder } from '../io/folder-walk.js';
import { profilesOfText, readLintInputs } from '../lint/lint-inputs.js';
import { commentSuppressions } from '../lint/suppressions.js';
import type { Finding } from '../model/finding.js';
import { configEvaluations } from './facts/config-evaluations.js';
import type { ProfileInput } from './facts/profile-facts.js';
import type { CachedPack, PackCache } from './pack-cache.js';
import { PackError } from './pack-error.js';
import { type ExpectedFinding, type PackTestCase, RulePackTest } from './pack-test-schema.js';
import type { Evaluation, EvaluationsByScope } from './rule-engine.js';
import { type Locate, readYamlFile } from './yaml-file.js';

/** Builds the runtime evaluations of a snapshot source (the service's diagnosis facts). */
export type RuntimeFacts = (request: {
  source: string;
  node?: string;
  lastMs?: number;
}) => Promise<EvaluationsByScope>;

export interface PackTestCaseResult {
  name: string;
  passed: boolean;
  /** Why it failed, one line each. */
  problems: string[];
  findings: Finding[];
}

export interface PackTestFileResult {
  file: string;
  pack: { name: string; file: string; rules: string[] };
  cases: PackTestCaseResult[];
}

const DEFAULT_LINUXPTP_VERSION = '4.4';

/**
 * Runs the cases of a RulePackTest file against its pack. A test file that cannot be used (bad YAML, a
 * rule id the pack does not have, an input that cannot be read) is a PackError with file:line.
 */
export async function runPackTestFile(
  file: string,
  packs: PackCache,
  runtimeFacts: RuntimeFacts,
): Promise<PackTestFileResult> {
  const { data: test, position } = readYamlFile(file, RulePackTest, 'rule pack test');
  const packReference =
    test.pack.includes('/') || /\.ya?ml$/.test(test.pack) ? resolve(dirname(file), test.pack) : test.pack;
  let pack: CachedPack;
  try {
    pack = packs.get(packReference);
  } catch (error) {
    if (!(error instanceof PackError) || !error.unreadable) throw error;
    const [line, column] = position(['pack']);
    throw new PackError(file, line, column, `pack "${test.pack}": ${error.detail} (${error.file})`);
  }
  const rules = pack.loaded.pack.spec.rules.map((rule) => rule.id);
  checkRuleIds(test.cases, rules, file, position);

  const cases: PackTestCaseResult[] = [];
  for (const [index, testCase] of test.cases.entries()) {
    const fail = (message: string): never => {
      const [line, column] = position(['cases', index, 'input']);
      throw new PackError(file, line, column, `case "${testCase.name}": ${message}`);
    };
    const findings = await caseFindings(testCase, index, file, pack, runtimeFacts, fail);
    const problems = judge(testCase, findings, rules);
    cases.push({ name: testCase.name, passed: problems.length === 0, problems, findings });
  }
  return { file, pack: { name: pack.loaded.pack.metadata.name, file: pack.loaded.file, rules }, cases };
}

function checkRuleIds(
  cases: readonly PackTestCase[],
  rules: readonly string[],
  file: string,
  position: Locate,
): void {
  // A misspelt id would make `silent` pass whatever the pack does: a test that cannot fail.
  for (const [index, testCase] of cases.entries()) {
    const named: [string, (string | number)[]][] = testCase.expect.fires.map((f, i) => [
      f.rule,
      ['cases', index, 'expect', 'fires', i, 'rule'],
    ]);
    if (Array.isArray(testCase.expect.silent)) {
      named.push(
        ...testCase.expect.silent.map((rule, i): [string, (string | number)[]] => [
          rule,
          ['cases', index, 'expect', 'silent', i],
        ]),
      );
    }
    for (const [rule, path] of named) {
      if (!rules.includes(rule)) {
        const [line, column] = position(path);
        throw new PackError(file, line, column, `the pack has no rule "${rule}"`);
      }
    }
  }
}

async function caseFindings(
  testCase: PackTestCase,
  index: number,
  file: string,
  pack: CachedPack,
  runtimeFacts: RuntimeFacts,
  fail: (message: string) => never,
): Promise<Finding[]> {
  const { input } = testCase;
  if (input.source !== undefined) {
    const lastMs = input.last === undefined ? undefined : parseDuration(input.last);
    if (input.last !== undefined && lastMs === undefined)
      fail(`last "${input.last}" is not a duration such as 10m`);
    const source = input.source.startsWith('dir:')
      ? `dir:${resolve(dirname(file), input.source.slice(4))}`
      : input.source;
    let evaluations: EvaluationsByScope;
    try {
      evaluations = await runtimeFacts({ source, node: input.node, lastMs });
    } catch (error) {
      return fail((error as Error).message);
    }
    const result = await pack.evaluator.evaluate(patched(evaluations, input.patch ?? {}));
    return result.findings;
  }

  let inputs: { profiles: ProfileInput[]; text: string }[];
  if (input.file !== undefined) {
    const path = resolve(dirname(file), input.file);
    const read = await readLintInputs([path]);
    if (read.errors.length > 0)
      fail(read.errors.map((e) => `${e.source}${e.line ? `:${e.line}` : ''}: ${e.message}`).join('; '));
    inputs = read.files.map((f) => ({
      text: f.text,
      profiles: read.profiles.filter((p) => p.file === f.path),
    }));
  } else {
    const text = (input.ptpConfig ?? input.ptp4lConf)!;
    const label = `${file}#case-${index + 1}`;
    const parsed = profilesOfText(text, label, input.ptpConfig !== undefined ? 'ptpconfig' : 'linuxptp');
    if (parsed.errors.length > 0)
      fail(parsed.errors.map((e) => `line ${e.line ?? '?'} of the inline config: ${e.message}`).join('; '));
    if (parsed.profiles.length === 0) fail(`the inline config holds ${parsed.holds}`);
    inputs = [{ text, profiles: parsed.profiles }];
  }
  const findings: Finding[] = [];
  for (const { text, profiles } of inputs) {
    for (const profile of profiles) {
      const suppressions = commentSuppressions(text, profile.file).suppressions;
      const evaluations = configEvaluations(input.phcs ? { ...profile, phcs: input.phcs } : profile, {
        linuxptpVersion: input.linuxptpVersion ?? DEFAULT_LINUXPTP_VERSION,
      });
      findings.push(...(await pack.evaluator.evaluate(evaluations, suppressions)).findings);
    }
  }
  return findings;
}

/** The evaluations with the patch merged into the facts of each scope (copies: the originals are cached). */
function patched(
  evaluations: EvaluationsByScope,
  patch: NonNullable<PackTestCase['input']['patch']>,
): EvaluationsByScope {
  const apply = (evaluation: Evaluation): Evaluation => {
    const facts = { ...evaluation.facts };
    for (const [fact, value] of Object.entries(patch)) {
      if (value && fact in facts) facts[fact] = deepMerge(facts[fact], value);
    }
    return { ...evaluation, facts };
  };
  return Object.fromEntries(Object.entries(evaluations).map(([scope, list]) => [scope, list?.map(apply)]));
}

function deepMerge(base: unknown, patch: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(patch)) return patch;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) merged[key] = deepMerge(base[key], value);
  return merged;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function judge(testCase: PackTestCase, findings: readonly Finding[], rules: readonly string[]): string[] {
  const problems: string[] = [];
  for (const expected of testCase.expect.fires) {
    const matching = findings.filter((finding) => matches(expected, finding));
    if (expected.count !== undefined && matching.length !== expected.count) {
      problems.push(
        `expected ${expected.count} finding(s) ${describe(expected)}, got ${matching.length}${seen(findings, expected.rule)}`,
      );
    } else if (matching.length === 0) {
      problems.push(`expected ${describe(expected)} to fire; it did not${seen(findings, expected.rule)}`);
    }
  }
  const fired = new Set(testCase.expect.fires.map((f) => f.rule));
  const silent =
    testCase.expect.silent === 'all' ? rules.filter((rule) => !fired.has(rule)) : testCase.expect.silent;
  for (const rule of silent) {
    for (const finding of findings.filter((f) => f.rule === rule)) {
      const where = finding.location?.line !== undefined ? ` (line ${finding.location.line})` : '';
      problems.push(`${rule} must stay silent but found${where}: ${finding.message}`);
    }
  }
  return problems;
}

function matches(expected: ExpectedFinding, finding: Finding): boolean {
  return (
    finding.rule === expected.rule &&
    (expected.severity === undefined || finding.severity === expected.severity) &&
    (expected.line === undefined || finding.location?.line === expected.line) &&
    (expected.node === undefined || finding.subject.node === expected.node) &&
    (expected.process === undefined || finding.subject.process === expected.process) &&
    (expected.profile === undefined || finding.subject.profile === expected.profile) &&
    (expected.iface === undefined || finding.subject.iface === expected.iface) &&
    (expected.message === undefined || finding.message.includes(expected.message))
  );
}

function describe(expected: ExpectedFinding): string {
  const { rule, count: _count, ...narrowing } = expected;
  const details = Object.entries(narrowing).map(([key, value]) => `${key} ${JSON.stringify(value)}`);
  return details.length > 0 ? `${rule} (${details.join(', ')})` : rule;
}

/** What the rule did find, to make a failed expectation quick to fix. */
function seen(findings: readonly Finding[], rule: string): string {
  const own = findings.filter((f) => f.rule === rule);
  if (own.length === 0) return '';
  const summary = own
    .slice(0, 3)
    .map(
      (f) =>
        [f.subject.node, f.subject.iface, f.location?.line !== undefined ? `line ${f.location.line}` : '']
          .filter(Boolean)
          .join(' ') || f.message,
    )
    .join('; ');
  return ` (it found: ${summary})`;
}

/**
 * The test files named, and under folders every `*.test.yaml`; entries of a folder that are not regular
 * files (FIFOs, devices, sockets, links to folders) are warnings, passed over (core/io/folder-walk.ts).
 */
export async function packTestFiles(
  paths: readonly string[],
): Promise<{ files: string[]; warnings: { source: string; message: string }[] }> {
  const found: Awaited<ReturnType<typeof packTestFiles>> = { files: [], warnings: [] };
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new PackError(path, undefined, undefined, 'no such file or folder');
    if (!info.isDirectory()) {
      found.files.push(path);
      continue;
    }
    const walk = await walkFolder(path, { wanted: (name) => /\.test\.ya?ml$/.test(name) });
    found.files.push(...walk.files);
    found.warnings.push(...walk.warnings);
  }
  return found;
}
