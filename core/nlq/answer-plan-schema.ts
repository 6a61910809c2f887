import { z } from 'zod';
import { SlotName, Slots } from './intent-pack.js';

export const ToolCall = z.object({
  tool: z.string(),
  arguments: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string())])),
});
export type ToolCall = z.infer<typeof ToolCall>;

/** What to do about a question: call a tool, ask for what is missing, or offer questions it can answer. */
export const AnswerPlan = z.object({
  question: z.string(),
  /** The intent chosen; absent when none scored enough or the question asks for a change. */
  intent: z.string().optional(),
  description: z.string().optional(),
  score: z.number(),
  slots: Slots,
  /** Required slots of the intent the question did not fill: ask for them; there is no call. */
  missing: z.array(SlotName),
  call: ToolCall.optional(),
  /** Arguments of the call the caller adds from the conversation (the text of the config to check). */
  needs: z.array(z.string()),
  /** The question asks to change something (restart, set, delete...): nothing here does that. */
  outOfScope: z.boolean(),
  /** The best-scoring intents, best first: why this one and not another. */
  candidates: z.array(z.object({ intent: z.string(), score: z.number() })),
  /** When there is no intent: example questions of the closest intents, at most three. */
  suggestions: z.array(z.string()),
});
export type AnswerPlan = z.infer<typeof AnswerPlan>;
