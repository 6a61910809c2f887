import { describe, expect, it } from 'vitest';
import { loadIntents } from '../../../core/nlq/intent-loader.js';
import { createService } from '../../../transports/composition-root.js';
import { planQuestion } from '../../../transports/mcp/ask.js';
import { toolContext } from '../../../transports/mcp/tool-context.js';
import { readQuestionSet, scoreQuestionSet } from './question-set.js';

// The router as `ask` and `query_ptp` run it: on the demo, whose node and interface names it knows.
const intents = loadIntents();
const context = toolContext({ service: async () => createService(), defaultSource: 'demo' });
const plan = async (question: string) => (await planQuestion(question, 'demo', context, intents)).plan;
const toolOf = (id: string) => intents.intents.find((intent) => intent.id === id)?.tool;
const percent = (share: number) => `${(share * 100).toFixed(1)} %`;

describe('questions written by someone who has not seen the intents pack (fixtures/nlq)', () => {
  it.each(['paraphrases-tuning.yaml', 'paraphrases-own.yaml', 'paraphrases-round2.yaml'])(
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
  // figure and the misses per expected tool are printed. Issue 15 asks for 90 %; after tuning round 2
  // the router reached 84.7 % (2026-12-02, README.md), so this holds that figure against regressions
  // and the target stays open.
  it('held-out.yaml (never tuned on): still routes the 84.7 % measured (issue 15 asks for 90 %)', async () => {
    const score = await scoreQuestionSet(readQuestionSet('held-out.yaml'), plan, toolOf);
    console.log(
      `held-out: ${percent(score.lenient)} (strict ${percent(score.strict)}) of ${score.routed.length}; misses by expected tool: ${JSON.stringify(score.missesByTool)}`,
    );
    expect(score.lenient).toBeGreaterThanOrEqual(0.847); // 111 of 131
  }, 120_000);
});
