import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { readLintInputs } from '../../../core/lint/lint-inputs.js';
import { packageRoot } from '../../../core/package-root.js';
import { factPathProblem } from '../../../core/rules/fact-path-check.js';
import { factTables } from '../../../core/rules/fact-schema-table.js';
import { catchallOf, fieldsOf, step, unwrap } from '../../../core/rules/fact-shape.js';
import { configEvaluations } from '../../../core/rules/facts/config-evaluations.js';
import { factSchema } from '../../../core/rules/facts/scope-facts.js';
import type { PackScope } from '../../../core/rules/pack-schema.js';
import type { EvaluationsByScope } from '../../../core/rules/rule-engine.js';
import { createService } from '../../../transports/composition-root.js';

/** Keys of `value` its schema does not have (records of open names, such as option sections, take any). */
function keysOutside(schema: z.ZodType, value: unknown, path: string): string[] {
  if (value === null || typeof value !== 'object') return [];
  const inner = unwrap(schema).schema;
  const fields = new Map(fieldsOf(inner));
  const other = catchallOf(inner);
  const found: string[] = [];
  for (const [key, child] of Object.entries(value)) {
    const here = Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`;
    const below = fields.get(key) ?? (fields.size > 0 ? other : undefined) ?? stepped(inner, key);
    if (below === undefined) found.push(here);
    else found.push(...keysOutside(below, child, here));
  }
  return found;
}

/** A map's values take any key the data has (a misspelt option is data a rule reports, not a schema gap). */
function stepped(schema: z.ZodType, key: string): z.ZodType | undefined {
  const next = step(schema, key);
  if ('schema' in next) return next.schema;
  return (schema._zod.def as { valueType?: z.ZodType }).valueType;
}

/** Each fact of each evaluation has exactly the keys and types its schema declares. */
function expectFactsMatchSchemas(evaluations: EvaluationsByScope): number {
  let checked = 0;
  for (const [scope, list] of Object.entries(evaluations)) {
    for (const evaluation of list ?? []) {
      for (const [fact, value] of Object.entries(evaluation.facts)) {
        const schema = factSchema(scope as PackScope, fact);
        expect(schema, `${scope} fact ${fact}`).toBeDefined();
        expect(keysOutside(schema!, value, `${scope}:${fact} $`)).toEqual([]);
        const parsed = schema!.safeParse(value);
        expect(parsed.error?.issues.slice(0, 3), `${scope} fact ${fact}`).toBeUndefined();
        checked++;
      }
    }
  }
  return checked;
}

describe('the fact schemas are what the fact builders return', () => {
  it('runtime facts of the scenarios (node, process, cluster)', async () => {
    const service = createService();
    for (const scenario of ['demo', 'gnss-loss', 'holdover-freerun', 'node-faults']) {
      const { evaluations } = await service.runtimeFacts({ source: `scenario:${scenario}` });
      expect(expectFactsMatchSchemas(evaluations)).toBeGreaterThan(3);
    }
  }, 60_000);

  it('configuration facts of every lint fixture (profile, port, option, commandLine)', async () => {
    const inputs = await readLintInputs([join(packageRoot(), 'fixtures', 'lint')]);
    let checked = 0;
    for (const input of inputs.profiles)
      checked += expectFactsMatchSchemas(configEvaluations(input, { linuxptpVersion: '4.4' }));
    expect(checked).toBeGreaterThan(100);
  }, 60_000);
});

describe('a fact path is checked against its schema', () => {
  const node = factSchema('node', 'node')!;
  const profile = factSchema('ptp4lProfile', 'profile')!;

  it('accepts the paths the schema has, through nullable objects, lists, maps and option names', () => {
    for (const path of ['$.offset.maxAbs', '$.clockClass.transitions[0].from', '$.faults.portFaulty', '$'])
      expect(factPathProblem(node, 'node', path), path).toBeUndefined();
    for (const path of ["$.effective['G.8275.portDS.localPriority']", '$.ports.ens1f0.masterOnly'])
      expect(factPathProblem(profile, 'profile', path), path).toBeUndefined();
  });

  it('names a misspelt key with the nearest one and what the parent has', () => {
    expect(factPathProblem(node, 'node', '$.offset.maxAbsolute')).toBe(
      'fact node has no $.offset.maxAbsolute: did you mean $.offset.maxAbs? ($.offset has maxAbs, p99Abs, from, process)',
    );
    expect(factPathProblem(node, 'node', '$.holdover.budgetSecs')).toMatch(
      /did you mean \$\.holdover\.budgetSec\?/,
    );
    expect(factPathProblem(profile, 'profile', '$.effective.domainNumbr')).toBe(
      'fact profile has no $.effective.domainNumbr: did you mean $.effective.domainNumber? ($.effective takes a linuxptp option name)',
    );
  });

  it('refuses a key below a value that has none', () => {
    expect(factPathProblem(node, 'node', '$.offset.maxAbs.value')).toBe(
      'fact node: $.offset.maxAbs is number, it has no key "value"',
    );
    expect(factPathProblem(node, 'node', '$.processesDown.first')).toMatch(
      /is a list, it has no key "first"/,
    );
  });

  it('leaves paths JSONPath-plus evaluates (filters, wildcards) to run time', () => {
    expect(factPathProblem(node, 'node', '$.clockClass.transitions[?(@.to==7)]')).toBeUndefined();
  });
});

describe('rules facts: the schema in a readable form', () => {
  it('lists every path of a fact with its type and meaning, and the scopes that see it', () => {
    const tables = factTables(['process']);
    expect(tables.map((table) => [table.fact, table.scopes])).toEqual([
      ['process', ['process']],
      ['node', ['process']],
      ['param', ['process']],
    ]);
    const node = tables.find((table) => table.fact === 'node')!;
    expect(node.fields).toContainEqual({
      path: '$.offset.maxAbs',
      type: 'number|null',
      description: 'max |offset| (ns) in the last minute',
    });
    expect(node.fields).toContainEqual(expect.objectContaining({ path: '$.faults.<other>', type: 'number' }));
  });
});
