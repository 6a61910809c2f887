import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { packageRoot } from '../../core/package-root.js';
import { runBuiltCli } from './cli-run.js';
import { ISSUE_QUESTIONS } from './issue-questions.js';

/** `rules validate FILE` once `typed` in it became `mistyped`: it exits 2; returns what it said. */
function validateMistyped(file: string, typed: string, mistyped: string): string {
  const text = readFileSync(file, 'utf8');
  expect(text).toContain(typed);
  writeFileSync(file, text.replace(typed, mistyped));
  const invalid = runBuiltCli(['rules', 'validate', file]);
  expect(invalid.code).toBe(2);
  return invalid.stderr;
}

describe('ptp-mcp ask (the built CLI)', () => {
  it('answers a question from the data with the tool the intents pick, the value first', () => {
    const { code, stdout } = runBuiltCli(['ask', 'why is bc-2 in holdover?']);
    expect(code).toBe(0);
    expect(stdout).toBe(
      'bc-2 (T-BC): holdover ongoing since 08:03:06, 1m54s, clock class 135 (T-BC-STATUS ts2phc.1.config, data to 08:04:59)\n' +
        'moderate fault/clock-class-degraded: bc-2 reports clock class 135: a clock in holdover within its specification (time still traceable)\n' +
        'moderate fault/holdover-active: bc-2 (T-BC) has been in holdover for 114 s: it keeps time on its own oscillator and drifts\n' +
        '(analyze_holdover: Holdover episodes - when a clock entered holdover, why, how long, and whether it stayed in spec; data to 2026-11-20T08:04:59.999Z)\n',
    );
  });

  it.each(ISSUE_QUESTIONS)(
    '%s: %s, and the answer opens with the value asked',
    (question, tool, firstLine) => {
      const { code, stdout } = runBuiltCli(['ask', question]);
      expect(code).toBe(0);
      expect(stdout.split('\n')[0]).toBe(firstLine);
      expect(stdout).toMatch(new RegExp(`\\n\\(${tool}: [^\\n]*; data to 2026-11-20T08:04:59\\.999Z\\)\\n$`));
      const json = JSON.parse(runBuiltCli(['ask', question, '--format', 'json']).stdout);
      expect(json.plan.call.tool).toBe(tool);
      expect(json.answer[0]).toBe(firstLine);
    },
  );

  it('a node the data does not have: says so and names the nodes it has (exit 2)', () => {
    const { code, stdout, stderr } = runBuiltCli(['ask', 'who is the grandmaster for worker-7']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'ptp-mcp: no node "worker-7"; there are: bc-1, bc-2, gm-1, worker-1, worker-2, worker-3 (did you mean "worker-1"?)\n',
    );
  });

  it('counts "the last 2 minutes" back from the end of the data, and says what it called (json)', () => {
    const { code, stdout } = runBuiltCli([
      'ask',
      'show me the offsets of worker-2 over the last 2 minutes',
      '--format',
      'json',
    ]);
    expect(code).toBe(0);
    const answer = JSON.parse(stdout);
    expect(answer.plan.call).toEqual({
      tool: 'get_offset_trend',
      arguments: { node: 'worker-2', last: '2m' },
    });
    expect(answer.result.buckets[0].from).toBe('2026-11-20T08:02:59.868Z');
  });

  it('offers suggestions for what it cannot answer, and never changes anything (exit 1)', () => {
    const unknown = runBuiltCli(['ask', 'what is the weather in Paris']);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toMatch(/^I did not understand the question\. Try: /);
    const change = runBuiltCli(['ask', 'please restart ptp4l on worker-1']);
    expect(change.code).toBe(1);
    expect(change.stdout).toMatch(/^ptp-mcp only reads PTP state; it changes nothing/);
  });

  it('takes a team’s own intents pack', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ptp-mcp-intents-'));
    const pack = join(dir, 'team.yaml');
    writeFileSync(
      pack,
      `apiVersion: ptp-mcp/v1
kind: IntentPack
metadata: { name: team, version: 1.0.0, description: our words }
spec:
  intents:
    - id: team-tree
      description: Our word for the clock hierarchy
      examples: [show me the timing tree]
      patterns: ['\\btiming tree\\b']
      tool: get_clock_hierarchy
      arguments: {}
`,
    );
    const { code, stdout } = runBuiltCli(['ask', 'show me the timing tree', '--intents', pack]);
    expect(code).toBe(0);
    expect(stdout).toContain('gm-1 → bc-1 → worker-1, worker-2');

    const valid = runBuiltCli(['rules', 'validate', pack, 'nlq-intents']);
    expect(valid.code, valid.stderr).toBe(0);
    expect(valid.stdout).toBe(
      `${pack}: valid intent pack team@1.0.0 (1 intents; 44 with the built-in ones)\n` +
        `${join(packageRoot(), 'rules', 'nlq-intents.yaml')}: valid intent pack nlq-intents@1.2.0 (43 intents; 43 with the built-in ones)\n`,
    );
    expect(validateMistyped(pack, 'tool: get_clock_hierarchy', 'tool: get_clock_hierarchi')).toBe(
      `ptp-mcp: ${pack}:10:13: unknown tool "get_clock_hierarchi": did you mean get_clock_hierarchy?\n`,
    );
  });

  it("takes a team's own example questions, named by its pack, and checks them as the server loads them", () => {
    const dir = mkdtempSync(join(tmpdir(), 'ptp-mcp-examples-'));
    const examples = join(dir, 'team-examples.yaml');
    const pack = join(dir, 'team.yaml');
    writeFileSync(
      examples,
      `apiVersion: ptp-mcp/v1
kind: IntentExamples
metadata: { name: team-examples, version: 1.0.0 }
spec:
  nodes: [du-7]
  examples:
    - { q: "how wobbly is du-7 against its boss clock", tool: get_offset_trend }
    - { q: "du-7 wobble versus the boss clock, last hour", tool: get_offset_trend }
`,
    );
    writeFileSync(
      pack,
      'apiVersion: ptp-mcp/v1\nkind: IntentPack\nmetadata: { name: team }\nspec:\n  exampleSets: [./team-examples.yaml]\n',
    );
    // Words no built-in pattern, keyword or example has: the team's examples route them (without them, the
    // node's diagnosis: the pack's nodeDefault).
    const question = 'how wobbly is worker-2 against its boss clock?';
    const withTeam = runBuiltCli(['ask', question, '--intents', pack, '--format', 'json']);
    expect(withTeam.code, withTeam.stderr).toBe(0);
    expect(JSON.parse(withTeam.stdout).plan.call.tool).toBe('get_offset_trend');
    const builtIn = runBuiltCli(['ask', question, '--format', 'json']);
    expect(JSON.parse(builtIn.stdout).plan.call?.tool).toBe('diagnose');

    const valid = runBuiltCli(['rules', 'validate', examples, 'nlq-examples']);
    expect(valid.code, valid.stderr).toBe(0);
    expect(valid.stdout).toMatch(
      new RegExp(
        `^${examples}: valid intent examples team-examples@1\\.0\\.0 \\(2 questions\\)\n.*nlq-examples\\.yaml: valid intent examples nlq-examples@`,
      ),
    );
    expect(validateMistyped(examples, 'tool: get_offset_trend }', 'tool: get_offset_trnd }')).toBe(
      `ptp-mcp: ${examples}:7:63: "get_offset_trnd": no intent calls this tool: did you mean get_offset_trend?\n`,
    );

    const schema = JSON.parse(runBuiltCli(['rules', 'schema', '--kind', 'examples']).stdout);
    const validate = new Ajv2020.default({ strict: false }).compile(schema);
    const shipped = parse(readFileSync(join(packageRoot(), 'rules', 'nlq-examples.yaml'), 'utf8'));
    expect(validate(shipped), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...shipped, kind: 'IntentPack' })).toBe(false);
  });

  it('gives editors the JSON Schema of intent packs, which the built-in pack satisfies', () => {
    const { code, stdout } = runBuiltCli(['rules', 'schema', '--kind', 'intents']);
    expect(code).toBe(0);
    const schema = JSON.parse(stdout);
    expect(schema.title).toBe('ptp-mcp IntentPack');
    const validate = new Ajv2020.default({ strict: false }).compile(schema);
    const builtIn = parse(readFileSync(join(packageRoot(), 'rules', 'nlq-intents.yaml'), 'utf8'));
    expect(validate(builtIn), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...builtIn, kind: 'RulePack' })).toBe(false);
  });
});
