import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { answerPlan } from '../../../core/nlq/answer-plan.js';
import { ExamplePack } from '../../../core/nlq/example-pack.js';
import { loadIntents } from '../../../core/nlq/intent-loader.js';
import { packageRoot } from '../../../core/package-root.js';
import { PackError } from '../../../core/rules/pack-error.js';
import { TOOLS } from '../../../transports/mcp/tools.js';

const MCP_TOOLS = TOOLS.map((tool) => tool.name);

const dir = mkdtempSync(join(tmpdir(), 'ptp-mcp-examples-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, body);
  return path;
}

const EXAMPLES = (body: string) =>
  `apiVersion: ptp-mcp/v1\nkind: IntentExamples\nmetadata: { name: team-examples }\nspec:\n${body}`;
const INTENTS = (body: string) =>
  `apiVersion: ptp-mcp/v1\nkind: IntentPack\nmetadata: { name: team }\nspec:\n${body}`;

function errorOf(files: string[]): PackError {
  try {
    loadIntents(files, { tools: MCP_TOOLS });
  } catch (error) {
    if (error instanceof PackError) return error;
    throw error;
  }
  throw new Error('no error');
}

describe('the built-in examples (rules/nlq-examples.yaml)', () => {
  const set = loadIntents([], { tools: MCP_TOOLS });
  const shipped = join(packageRoot(), 'rules', 'nlq-examples.yaml');

  it('are named by the built-in intents pack, and name only tools its intents call', () => {
    const [examples, own] = set.exampleSets;
    expect(examples!.file).toBe(shipped);
    expect(examples!.nodes).toEqual(['bc-1', 'bc-2', 'gm-1', 'worker-1', 'worker-2', 'worker-3']);
    expect(examples!.examples.length).toBeGreaterThan(1000);
    const called = new Set(set.intents.map((intent) => intent.tool));
    expect(examples!.examples.flatMap((e) => e.tools).filter((tool) => !called.has(tool))).toEqual([]);
    // The intents' own examples count too, under their tool.
    expect(own!.examples).toContainEqual({
      question: 'why is worker-2 in holdover?',
      tools: ['analyze_holdover'],
    });
  });

  it('hold no question of the held-out sets (only the paraphrases-*.yaml sets are read)', () => {
    const pack = ExamplePack.parse(parse(readFileSync(shipped, 'utf8')));
    expect(readFileSync(shipped, 'utf8')).not.toMatch(/held-out/);
    expect(pack.spec.examples.length).toBe(set.exampleSets[0]!.examples.length);
  });
});

describe('a team’s examples', () => {
  it('are added by its intents pack (spec.exampleSets, relative to the pack), and route its wording', () => {
    const examples = file(
      'acme-examples.yaml',
      EXAMPLES(`  nodes: [du-7]
  examples:
    - { q: "how is the radio clock of du-7 behaving", tool: analyze_servo_stability }
    - { q: "radio clock behaviour on du-7", tool: analyze_servo_stability, alt: [analyze_sync_status] }
`),
    );
    const team = file('acme.yaml', INTENTS('  exampleSets: [./acme-examples.yaml]\n'));
    const set = loadIntents([team], { tools: MCP_TOOLS });
    expect(set.exampleSets.map((s) => s.file)).toEqual([
      join(packageRoot(), 'rules', 'nlq-examples.yaml'),
      examples,
      team,
    ]);
    expect(set.exampleSets[1]!.examples[1]).toEqual({
      question: 'radio clock behaviour on du-7',
      tools: ['analyze_servo_stability', 'analyze_sync_status'],
    });
    expect(answerPlan('how is the radio clock of du-7 behaving lately', set).call?.tool).toBe(
      'analyze_servo_stability',
    );
    expect(answerPlan('how is the radio clock of du-7 behaving lately', loadIntents()).call?.tool).not.toBe(
      'analyze_servo_stability',
    );
  });

  it('count for nothing with exampleWeight 0: patterns and keywords alone', () => {
    const team = file('acme-off.yaml', INTENTS('  scoring: { exampleWeight: 0 }\n'));
    const set = loadIntents([team]);
    expect(set.scoring.exampleWeight).toBe(0);
    // No pattern or keyword of the pack says "rundown"; the examples' likeness routes it.
    expect(answerPlan('give me the full rundown of the site please', loadIntents()).intent).toBe('diagnose');
    expect(answerPlan('give me the full rundown of the site please', set).intent).toBeUndefined();
  });
});

describe('a bad examples file is refused with file:line:column', () => {
  it('a tool no intent calls, with "did you mean"', () => {
    const examples = file(
      'typo-examples.yaml',
      EXAMPLES('  examples:\n    - { q: "who is the gm", tool: get_grandmaster_statu }\n'),
    );
    const team = file('typo.yaml', INTENTS('  exampleSets: [./typo-examples.yaml]\n'));
    const error = errorOf([team]);
    expect(error.file).toBe(examples);
    expect(error.message).toBe(
      `${examples}:6:35: "get_grandmaster_statu": no intent calls this tool: did you mean get_grandmaster_status?`,
    );
  });

  it('an alternative no intent calls', () => {
    const examples = file(
      'alt-examples.yaml',
      EXAMPLES(
        '  examples:\n    - { q: "who is the gm", tool: get_grandmaster_status, alt: [get_weather] }\n',
      ),
    );
    const error = errorOf([file('alt.yaml', INTENTS('  exampleSets: [./alt-examples.yaml]\n'))]);
    expect(error.message).toBe(`${examples}:6:65: "get_weather": no intent calls this tool`);
  });

  it('a missing file, at the line of the pack that names it', () => {
    const team = file('missing.yaml', INTENTS('  exampleSets:\n    - ./nowhere.yaml\n'));
    expect(errorOf([team]).message).toBe(
      `${team}:6:7: exampleSets "./nowhere.yaml": no such file (${join(dir, 'nowhere.yaml')})`,
    );
  });

  it('a schema error: an example without its tool', () => {
    const examples = file('bad-examples.yaml', EXAMPLES('  examples:\n    - { q: "who is the gm" }\n'));
    const error = errorOf([file('bad.yaml', INTENTS('  exampleSets: [./bad-examples.yaml]\n'))]);
    expect(error.file).toBe(examples);
    expect(error.message).toBe(`${examples}:6:7: spec.examples.0: "tool" is missing (string expected)`);
  });
});
