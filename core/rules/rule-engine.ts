import { Engine, type RuleProperties, type RuleResult } from 'json-rules-engine';
import type { Evidence, Finding, FindingLocation, FindingSubject } from '../model/finding.js';
import { severityRank } from '../model/finding.js';
import { naturalCompare } from '../natural-compare.js';
import { resolveFactPath } from './fact-path.js';
import { renderTemplate } from './message-template.js';
import { DOMAIN_OPERATORS } from './operators.js';
import type { LoadedPack } from './pack-loader.js';
import type { PackScope, Rule, Suppression } from './pack-schema.js';
import { pluginOperators } from './plugin-operators.js';
import { SuppressionIndex } from './suppression-index.js';

/** One evaluation of a pack: the facts it sees, what its findings are about, and where its keys are. */
export interface Evaluation {
  facts: Record<string, unknown>;
  subject: FindingSubject;
  /** For lint: the file and line of a fact's key (e.g. profile `$.global.domainNumber`). */
  locate?: (fact: string, path: string) => FindingLocation | undefined;
  /** The file the facts come from, for suppressions that name one. */
  file?: string;
}

export interface SuppressedFinding {
  finding: Finding;
  reason: string;
}

export interface PackEvaluation {
  findings: Finding[];
  suppressed: SuppressedFinding[];
}

interface LeafResult {
  fact: string;
  path?: string;
  operator: string;
  value?: unknown;
  factResult?: unknown;
  /** The resolved right-hand side when the value compares to another fact. */
  valueResult?: unknown;
  result?: boolean;
}

/** Evaluations to run a pack over, by scope (a rule sees only the evaluations of its own scope). */
export type EvaluationsByScope = Partial<Record<PackScope, readonly Evaluation[]>>;

/** Evaluates a pack with json-rules-engine (one engine per scope) and returns its findings, ordered. */
export class PackEvaluator {
  private readonly engines = new Map<PackScope, Engine>();
  private readonly rules = new Map<string, Rule>();
  private readonly suppressions: SuppressionIndex;

  constructor(private readonly loaded: LoadedPack) {
    this.suppressions = new SuppressionIndex(loaded.pack.spec.suppressions);
    for (const rule of loaded.pack.spec.rules) {
      this.rules.set(rule.id, rule);
      const scope = rule.scope ?? loaded.pack.spec.scope;
      this.engineFor(scope).addRule({
        name: rule.id,
        conditions: rule.when,
        event: { type: rule.id },
      } as RuleProperties);
    }
  }

  get packName(): string {
    return this.loaded.pack.metadata.name;
  }

  /** The scopes this pack has rules for: the evaluations a caller needs to build. */
  get scopes(): PackScope[] {
    return [...this.engines.keys()];
  }

  /** `extraSuppressions` apply after the pack's own; a caller evaluating many profiles indexes them once. */
  async evaluate(
    evaluations: EvaluationsByScope,
    extraSuppressions: readonly Suppression[] | SuppressionIndex = [],
  ): Promise<PackEvaluation> {
    const findings: Finding[] = [];
    const suppressed: SuppressedFinding[] = [];
    const extra =
      extraSuppressions instanceof SuppressionIndex
        ? extraSuppressions
        : new SuppressionIndex(extraSuppressions);
    for (const [scope, engine] of this.engines) {
      for (const evaluation of evaluations[scope] ?? []) {
        const facts = { ...evaluation.facts, param: this.loaded.pack.spec.parameters };
        const { results } = await engine.run(facts);
        for (const result of results) {
          const finding = this.finding(result, evaluation, facts);
          const suppression =
            this.suppressions.find(finding, evaluation.file) ?? extra.find(finding, evaluation.file);
          if (suppression) suppressed.push({ finding, reason: suppression.reason });
          else findings.push(finding);
        }
      }
    }
    return { findings: sortFindings(findings), suppressed };
  }

  private engineFor(scope: PackScope): Engine {
    let engine = this.engines.get(scope);
    if (!engine) {
      engine = new Engine([], {
        allowUndefinedFacts: true,
        replaceFactsInEventParams: false,
        pathResolver: resolveFactPath,
      });
      for (const [name, evaluator] of Object.entries(DOMAIN_OPERATORS)) engine.addOperator(name, evaluator);
      for (const { name, evaluate } of pluginOperators().values()) engine.addOperator(name, evaluate);
      for (const [name, condition] of Object.entries(this.loaded.pack.spec.conditions)) {
        engine.setCondition(name, condition as Parameters<Engine['setCondition']>[1]);
      }
      this.engines.set(scope, engine);
    }
    return engine;
  }

  private finding(result: RuleResult, evaluation: Evaluation, facts: Record<string, unknown>): Finding {
    const rule = this.rules.get(result.name as string)!;
    const leaves = trueLeaves((result.toJSON(false) as { conditions: unknown }).conditions);
    const locating =
      rule.locate ??
      leaves.find((leaf) => leaf.path !== undefined && evaluation.locate?.(leaf.fact, leaf.path!));
    const location = locating?.path ? evaluation.locate?.(locating.fact, locating.path) : undefined;
    const finding: Finding = {
      id: findingId(rule.id, evaluation.subject, location),
      pack: this.packName,
      rule: rule.id,
      severity: rule.severity,
      title: rule.title,
      subject: evaluation.subject,
      message: renderTemplate(rule.message, facts),
      evidence: leaves.map(evidenceOf),
    };
    if (location) finding.location = location;
    if (rule.remediation) finding.remediation = renderTemplate(rule.remediation, facts);
    if (rule.references) finding.references = rule.references;
    return finding;
  }
}

/** The leaf conditions that held, in the rule's order: the facts that decided the finding. */
function trueLeaves(condition: unknown): LeafResult[] {
  if (condition === null || typeof condition !== 'object') return [];
  const node = condition as Record<string, unknown>;
  for (const key of ['all', 'any'] as const) {
    if (Array.isArray(node[key])) return (node[key] as unknown[]).flatMap(trueLeaves);
  }
  if (node.not !== undefined) return [];
  if (node.condition !== undefined && node.all === undefined) return [];
  return node.fact !== undefined && node.result === true ? [node as unknown as LeafResult] : [];
}

/** "node.offset.maxAbs = 947 (numberAbove 100)": the observed value and the test it failed, in rule terms. */
function evidenceOf(leaf: LeafResult): Evidence {
  const value = leaf.factResult;
  const expected = leaf.valueResult !== undefined ? leaf.valueResult : leaf.value;
  const evidence: Evidence = {
    description: `${leaf.fact}${leaf.path ? leaf.path.slice(1) : ''} = ${shortJson(value)} (${leaf.operator} ${shortJson(expected)})`,
  };
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    evidence.value = value;
  else if (value !== undefined) evidence.value = JSON.stringify(value);
  return evidence;
}

function shortJson(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

function findingId(rule: string, subject: FindingSubject, location: FindingLocation | undefined): string {
  const about = [subject.cluster, subject.node, subject.profile, subject.process, subject.iface, subject.port]
    .filter(Boolean)
    .join('/');
  const where = location ? `${location.file}:${location.line ?? ''}` : '';
  return [rule, about, where].filter(Boolean).join('@');
}

/** Worst first; then by what they are about, where, and rule: the same input always gives the same order. */
export function sortFindings(findings: Finding[]): Finding[] {
  // Each key once per finding, not once per comparison.
  const keyed = findings.map((finding) => ({
    finding,
    rank: severityRank(finding.severity),
    key: [
      finding.subject.cluster,
      finding.subject.node,
      finding.subject.profile,
      finding.subject.process,
      finding.subject.iface,
      finding.location?.file,
    ]
      .map((part) => part ?? '')
      .join('\u0000'),
  }));
  keyed.sort(
    (a, b) =>
      b.rank - a.rank ||
      naturalCompare(a.key, b.key) ||
      (a.finding.location?.line ?? 0) - (b.finding.location?.line ?? 0) ||
      compare(a.finding.rule, b.finding.rule) ||
      compare(a.finding.message, b.finding.message),
  );
  return keyed.map(({ finding }) => finding);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
