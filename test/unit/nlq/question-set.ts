import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { AnswerPlan } from '../../../core/nlq/answer-plan-schema.js';
import { packageRoot } from '../../../core/package-root.js';

/** A question set of fixtures/nlq (README there): questions with the tool that should answer each. */
const QuestionSet = z.object({
  questions: z.array(
    z.object({
      q: z.string(),
      tool: z.string(),
      args: z.record(z.string(), z.unknown()).default({}),
      asks: z.string().optional(),
      alt: z.array(z.string()).default([]),
    }),
  ),
  refused: z.array(z.object({ q: z.string() })).default([]),
});
export type QuestionSet = z.infer<typeof QuestionSet>;

export function readQuestionSet(name: string): QuestionSet {
  return QuestionSet.parse(parse(readFileSync(join(packageRoot(), 'fixtures', 'nlq', name), 'utf8')));
}

export interface Routed {
  question: string;
  expected: string;
  /** The tool the plan calls, or would call once the missing slots are given; none when it has no intent. */
  routed: string | undefined;
  /** The set's tool. */
  strict: boolean;
  /** The set's tool or one of its alternatives (the set's README: "a lenient one accepts alt too"). */
  lenient: boolean;
}

export interface Score {
  routed: Routed[];
  strict: number;
  lenient: number;
  /** Lenient misses by the expected tool: what to look at in a set that is not tuned on. */
  missesByTool: Record<string, number>;
}

/**
 * Routes every question of a set with `plan` and scores it: a question is routed right when the plan's
 * tool is the one the set names (strict) or one of its alternatives too (lenient); a refusal is right
 * when nothing is called.
 */
export async function scoreQuestionSet(
  set: QuestionSet,
  plan: (question: string) => Promise<AnswerPlan>,
  toolOf: (intent: string) => string | undefined,
): Promise<Score> {
  const routed: Routed[] = [];
  for (const { q, tool, alt } of set.questions) {
    const p = await plan(q);
    const to = p.call?.tool ?? (p.intent ? toolOf(p.intent) : undefined);
    routed.push({
      question: q,
      expected: tool,
      routed: to,
      strict: to === tool,
      lenient: to === tool || alt.includes(to!),
    });
  }
  for (const { q } of set.refused) {
    const p = await plan(q);
    const right = p.call === undefined;
    routed.push({ question: q, expected: '(refused)', routed: p.call?.tool, strict: right, lenient: right });
  }
  const share = (key: 'strict' | 'lenient') => routed.filter((r) => r[key]).length / routed.length;
  const missesByTool: Record<string, number> = {};
  for (const miss of routed.filter((r) => !r.lenient))
    missesByTool[miss.expected] = (missesByTool[miss.expected] ?? 0) + 1;
  return { routed, strict: share('strict'), lenient: share('lenient'), missesByTool };
}
