import { describe, expect, it } from 'vitest';
import { loadIntents } from '../../../core/nlq/intent-loader.js';
import type { IntentSet } from '../../../core/nlq/intent-pack.js';
import { createService } from '../../../transports/composition-root.js';
import { planQuestion } from '../../../transports/mcp/ask.js';
import { toolContext } from '../../../transports/mcp/tool-context.js';
import { crossValidated } from './cross-validation.js';
import { readQuestionSet, scoreQuestionSet } from './question-set.js';

// The router as `ask` and `query_ptp` run it: on the demo, whose node and interface names it knows.
const intents = loadIntents();
const context = toolContext({ service: async () => createService(), defaultSource: 'demo' });
const planWith = async (question: string, set: IntentSet) =>
  (await planQuestion(question, 'demo', context, set)).plan;
const plan = (question: string) => planWith(question, intents);
const toolOf = (id: string) => intents.intents.find((intent) => intent.id === id)?.tool;
const percent = (share: number) => `${(share * 100).toFixed(1)} %`;

const TUNING = [
  'paraphrases-tuning.yaml',
  'paraphrases-own.yaml',
  'paraphrases-round2.yaml',
  'paraphrases-round3.yaml',
  'paraphrases-round4.yaml',
  'paraphrases-round5.yaml',
  'paraphrases-round6.yaml',
  'paraphrases-round7.yaml',
];

describe('questions written by someone who has not seen the intents pack (fixtures/nlq)', () => {
  it.each(TUNING)(
    '%s (tuned on): at least 90 % routed to the tool that answers them',
    async (file) => {
      const score = await scoreQuestionSet(readQuestionSet(file), plan, toolOf);
      const misses = score.routed.filter((r) => !r.lenient);
      console.log(
        `${file}: ${percent(score.lenient)} (strict ${percent(score.strict)}) of ${score.routed.length}; misses:\n` +
          misses.map((m) => `  ${m.question} → ${m.routed ?? 'nothing'} (expected ${m.expected})`).join('\n'),
      );
      expect(score.lenient).toBeGreaterThanOrEqual(0.9);
    },
    120_000,
  );

  // Measured only: its questions are never read to tune the pack (fixtures/nlq/README.md); only the
  // figure and the misses per expected tool are printed. Scored nine times in all (it is spent, the
  // README says): 84.7 % after tuning round 2, 88.5 % after the examples (2026-12-02); held against
  // regressions.
  it('held-out.yaml (never tuned on): still routes the 88.5 % measured', async () => {
    const score = await scoreQuestionSet(readQuestionSet('held-out.yaml'), plan, toolOf);
    console.log(
      `held-out: ${percent(score.lenient)} (strict ${percent(score.strict)}) of ${score.routed.length}; misses by expected tool: ${JSON.stringify(score.missesByTool)}`,
    );
    expect(score.lenient).toBeGreaterThanOrEqual(0.885); // 116 of 131
  }, 120_000);

  // Written blind on 2026-12-02 while the examples were being built, never read, and scored once, after
  // the last tuning (fixtures/nlq/README.md): 97.1 % (strict 88.3 %). Issue 15 asks for 90 %.
  it('held-out-2.yaml (never read, never tuned on): routes at least the 90 % issue 15 asks for', async () => {
    const score = await scoreQuestionSet(readQuestionSet('held-out-2.yaml'), plan, toolOf);
    console.log(
      `held-out-2: ${percent(score.lenient)} (strict ${percent(score.strict)}) of ${score.routed.length}; misses by expected tool: ${JSON.stringify(score.missesByTool)}`,
    );
    expect(score.lenient).toBeGreaterThanOrEqual(0.97); // 166 of 171
  }, 120_000);
});

// The tuning sets are the examples the router compares a question with (rules/nlq-examples.yaml), so
// routing them as they are says little: here each question is routed without its own example (10-fold
// cross-validation), the estimate of how the router does on new wording. The patterns and keywords were
// fitted to the first three sets by hand and cannot be left out: for those the figure stays optimistic;
// paraphrases-round3.yaml was never fitted by hand (fixtures/nlq/README.md), so its figure is the fair one.
describe('the tuning sets cross-validated: each question routed without its own example', () => {
  const sets = TUNING.map(readQuestionSet);
  const validated = crossValidated(intents, sets, 10, planWith);
  const rulesAlone = { ...intents, scoring: { ...intents.scoring, exampleWeight: 0 } };
  // Measured 2026-12-02 (fixtures/nlq/README.md): a floor a little under each, against regressions.
  const floors: Record<string, number> = {
    'paraphrases-tuning.yaml': 0.95,
    'paraphrases-own.yaml': 0.96,
    'paraphrases-round2.yaml': 0.94,
    'paraphrases-round3.yaml': 0.84,
    'paraphrases-round4.yaml': 0.8,
    'paraphrases-round5.yaml': 0.8,
    'paraphrases-round6.yaml': 0.8,
    'paraphrases-round7.yaml': 0.8,
  };

  it.each(TUNING.map((file, i) => [file, sets[i]!] as const))(
    '%s',
    async (file, set) => {
      const score = await scoreQuestionSet(set, validated, toolOf);
      const alone = await scoreQuestionSet(set, (question) => planWith(question, rulesAlone), toolOf);
      console.log(
        `${file} cross-validated: ${percent(score.lenient)} (strict ${percent(score.strict)}) of ${score.routed.length}; ` +
          `by patterns and keywords alone ${percent(alone.lenient)} (strict ${percent(alone.strict)}); ` +
          `misses by expected tool: ${JSON.stringify(score.missesByTool)}`,
      );
      // NLQ_MISSES=1 lists them one by one (these sets are free to read; held-out is not).
      if (process.env.NLQ_MISSES)
        for (const m of score.routed.filter((r) => !r.lenient))
          console.log(`  ${m.question} → ${m.routed ?? 'nothing'} (expected ${m.expected})`);
      expect(score.lenient).toBeGreaterThanOrEqual(floors[file]!);
    },
    300_000,
  );
});
