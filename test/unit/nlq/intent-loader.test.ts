import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { answerPlan } from '../../../core/nlq/answer-plan.js';
import { loadIntents } from '../../../core/nlq/intent-loader.js';
import { PackError } from '../../../core/rules/pack-error.js';
import { TOOLS } from '../../../transports/mcp/tools.js';

const MCP_TOOLS = TOOLS.map((tool) => tool.name);

const dir = mkdtempSync(join(tmpdir(), 'ptp-mcp-intents-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function pack(name: string, body: string): string {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, body);
  return file;
}

const HEADER = (name: string, extra = '') =>
  `apiVersion: ptp-mcp/v1\nkind: IntentPack\nmetadata: { name: ${name} }\nspec:\n${extra}  intents:\n`;

function errorOf(files: string[]): PackError {
  try {
    loadIntents(files, { tools: MCP_TOOLS });
  } catch (error) {
    if (error instanceof PackError) return error;
    throw error;
  }
  throw new Error('no error');
}

describe('the built-in intents (rules/nlq-intents.yaml)', () => {
  const builtIn = loadIntents([], { tools: MCP_TOOLS });

  it('load, and name only tools the MCP server has', () => {
    expect(builtIn.intents.length).toBeGreaterThanOrEqual(30);
    expect(builtIn.files).toEqual([expect.stringMatching(/rules\/nlq-intents\.yaml$/)]);
    expect(builtIn.scoring).toEqual({
      minScore: 3,
      patternWeight: 4,
      slotWeight: 0.25,
      exampleWeight: 12,
      exampleNeighbours: 2,
      likenessMinScore: 1.5,
    });
    expect(builtIn.exampleSets[0]!.file).toMatch(/rules\/nlq-examples\.yaml$/);
  });

  it('every intent answers its own example questions', () => {
    const wrong = builtIn.intents.flatMap((intent) =>
      intent.examples
        .map((example) => ({ example, got: answerPlan(example, builtIn).intent }))
        .filter(({ got }) => got !== intent.id)
        .map(({ example, got }) => `${intent.id}: "${example}" → ${got ?? 'no intent'}`),
    );
    expect(wrong).toEqual([]);
  });
});

describe('user intent packs', () => {
  it('add an intent', () => {
    const file = pack(
      'acme-add',
      `${HEADER('acme-add')}    - id: acme/site-summary
      description: ACME's morning summary of a cell site
      examples: [site summary for du-7]
      patterns: ['\\bsite summary\\b']
      slots: { optional: [node] }
      tool: diagnose
      arguments: { node: '{{node}}' }
`,
    );
    const set = loadIntents([file], { tools: MCP_TOOLS });
    expect(set.files).toHaveLength(2);
    expect(answerPlan('site summary for du-7', set)).toMatchObject({
      intent: 'acme/site-summary',
      call: { tool: 'diagnose', arguments: { node: 'du-7' } },
    });
    // The built-in ones are still there.
    expect(answerPlan('why is worker-2 in holdover?', set).intent).toBe('holdover');
  });

  it('override a built-in intent by its id, in its place', () => {
    const file = pack(
      'acme-override',
      `${HEADER('acme-override')}    - id: holdover
      description: Holdover, within the window asked
      examples: [why is worker-2 in holdover?]
      keywords: { holdover: 4, hold over: 4 }
      slots: { optional: [node, window] }
      tool: analyze_holdover
      arguments: { node: '{{node}}', last: '{{window}}' }
`,
    );
    const set = loadIntents([file]);
    expect(set.intents.map((i) => i.id)).toEqual(loadIntents().intents.map((i) => i.id));
    expect(answerPlan('did bc-1 go into holdover in the past 3 hours?', set).call).toEqual({
      tool: 'analyze_holdover',
      arguments: { node: 'bc-1', last: '3h' },
    });
  });

  it('switch an intent off, change the scoring, and extend each other', () => {
    const base = pack(
      'acme-base',
      `${HEADER('acme-base', '  scoring: { minScore: 6, exampleWeight: 0 }\n')}    - id: exec-command
      description: not at ACME
      examples: [x]
      keywords: { exec: 1 }
      tool: exec_ptp_command
      enabled: false
`,
    );
    const site = pack('acme-site', `${HEADER('acme-site', '  extends: [./acme-base.yaml]\n')}    []\n`);
    const set = loadIntents([site], { tools: MCP_TOOLS });
    expect(set.files.slice(1)).toEqual([base, site]);
    expect(set.intents.some((i) => i.id === 'exec-command')).toBe(false);
    expect(set.scoring).toMatchObject({ minScore: 6, exampleWeight: 0, exampleNeighbours: 2 });
    // By patterns and keywords alone (no likeness to examples), "is worker-2 locked?" scores 3.25: enough
    // for the built-in minimum, not for ACME's.
    expect(answerPlan('are the clocks locked?', set).intent).toBeUndefined();
    expect(answerPlan('why is worker-2 in holdover?', set).intent).toBe('holdover');
  });
});

describe('a bad intent pack is refused with file:line:column', () => {
  const INTENT = `    - id: acme/x
      description: x
      examples: [x]
      patterns: ['\\bx\\b']
      slots: { optional: [node] }
      tool: diagnose
      arguments: { node: '{{node}}' }
`;

  it('a regular expression that does not compile', () => {
    const file = pack('regex', `${HEADER('regex')}${INTENT.replace("'\\bx\\b'", "'(unclosed'")}`);
    const error = errorOf([file]);
    expect(error.message).toMatch(
      /regex\.yaml:9:18: spec\.intents\.0\.patterns\.0: invalid regular expression: missing closing \): \(unclosed$/,
    );
    const outOfScope = pack('scope', `${HEADER('scope', "  outOfScope: ['^(?!ptp)']\n")}${INTENT}`);
    expect(errorOf([outOfScope]).message).toMatch(
      /scope\.yaml:5:16: spec\.outOfScope\.0: invalid regular expression: negative lookahead "\(\?!" is not supported/,
    );
  });

  it('a placeholder of an unknown slot, with "did you mean"', () => {
    const file = pack('slot', `${HEADER('slot')}${INTENT.replace("'{{node}}'", "'{{nodes}}'")}`);
    expect(errorOf([file]).message).toMatch(
      /slot\.yaml:12:26: argument "node": unknown slot "nodes": did you mean node\?/,
    );
  });

  it('a placeholder of a slot the intent does not declare', () => {
    const file = pack('undeclared', `${HEADER('undeclared')}${INTENT.replace('[node]', '[process]')}`);
    expect(errorOf([file]).detail).toBe(
      'argument "node" uses slot "node", which is not in slots.required or slots.optional',
    );
  });

  it('a tool the MCP server does not have', () => {
    const file = pack('tool', `${HEADER('tool')}${INTENT.replace('tool: diagnose', 'tool: diagnoze')}`);
    const error = errorOf([file]);
    expect(error.message).toMatch(/tool\.yaml:11:13: unknown tool "diagnoze": did you mean diagnose\?/);
  });

  it('an intent without patterns or keywords, a duplicate id, a schema error', () => {
    expect(
      errorOf([pack('empty', `${HEADER('empty')}${INTENT.replace("patterns: ['\\bx\\b']", '')}`)]).message,
    ).toMatch(/empty\.yaml:6:7: spec\.intents\.0\.patterns: an intent needs patterns or keywords/);
    expect(errorOf([pack('dup', `${HEADER('dup')}${INTENT}${INTENT}`)]).message).toMatch(
      /dup\.yaml:13:11: duplicate intent id "acme\/x"/,
    );
    expect(
      errorOf([pack('slotname', `${HEADER('slotname')}${INTENT.replace('[node]', '[host]')}`)]).message,
    ).toMatch(/slotname\.yaml:10:27: spec\.intents\.0\.slots\.optional\.0: /);
  });

  it('a rule pack given as an intent pack, a YAML error, a missing parent', () => {
    const rulePack = pack(
      'rulepack',
      'apiVersion: ptp-mcp/v1\nkind: RulePack\nmetadata: { name: r }\nspec: {}\n',
    );
    expect(errorOf([rulePack]).message).toMatch(/rulepack\.yaml:2:7: kind: /);
    expect(errorOf([pack('yaml', `${HEADER('yaml')}    - id: [unclosed\n`)]).message).toMatch(
      /yaml\.yaml:\d+:\d+: YAML: /,
    );
    const orphan = pack('orphan', `${HEADER('orphan', '  extends: [./nowhere.yaml]\n')}    []\n`);
    expect(errorOf([orphan]).message).toMatch(/orphan\.yaml:5:13: extends "\.\/nowhere\.yaml": no such file/);
  });

  it('a cycle in extends', () => {
    pack('a', `${HEADER('a', '  extends: [./b.yaml]\n')}    []\n`);
    pack('b', `${HEADER('b', '  extends: [./a.yaml]\n')}    []\n`);
    expect(errorOf([join(dir, 'a.yaml')]).detail).toMatch(
      /^extends cycle: .*a\.yaml -> .*b\.yaml -> .*a\.yaml$/,
    );
  });
});
