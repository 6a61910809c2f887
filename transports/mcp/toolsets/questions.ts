import { z } from 'zod';
import { AnswerPlan } from '../../../core/nlq/answer-plan-schema.js';
import { ask } from '../ask.js';
import { defineTool, type PtpTool, sourceArgs, sourceOf } from '../tool.js';

/** `query_ptp`: a question in words, answered by the tool the intents pack picks for it. */
export function questionTools(allTools: () => readonly PtpTool[]) {
  return [
    defineTool({
      name: 'query_ptp',
      title: 'Ask about PTP in plain words',
      description:
        'Answers a question as operators ask it ("why is worker-2 in holdover?", "offsets of bc-1 over the last 30 minutes", "who is the grandmaster?") by the tool the intents pack (rules/nlq-intents.yaml, and the server’s own packs) picks, with the arguments it reads from the question; the answer states the value asked first (value, source, time of the data), the tool’s whole result follows. An unknown question gets suggestions.',
      input: { ...sourceArgs, question: z.string().min(1).max(2000).describe('The question') },
      output: {
        plan: AnswerPlan,
        answer: z
          .array(z.string())
          .describe('The value asked, first: value, where it comes from, the time of the data'),
        result: z.unknown().nullable(),
      },
      async run(args, context) {
        const answer = await ask(
          args.question,
          sourceOf(args, context),
          context,
          allTools(),
          await context.intents(),
        );
        return {
          result: { plan: answer.plan, answer: answer.answer, result: answer.result ?? null },
          // An agent gets the tool's own summary too, after the value asked.
          summary: answer.details ? `${answer.summary}\n${answer.details}` : answer.summary,
        };
      },
    }),
  ];
}
