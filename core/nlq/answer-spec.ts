import { z } from 'zod';

/**
 * A part of the answer: how an intent states the value asked from its tool's structured result, one
 * sentence per item of `each`, value first, with where it comes from and the time of the data ("bc-1
 * announces clock class 6 (PARENT_DATA_SET of ptp4l.0.config, 08:04:59)"). Placeholders in `say`/`none`:
 * - `{path}`: a JSONPath relative to the item (`node`, `fields['gm.ClockClass']`, `ports[*].iface`);
 *   `{$.path}` from the whole result, `{@}` the item itself; a list is said joined by ", ", nothing as "-";
 * - `{#end}`: the time of the end of the data (HH:MM:SS, UTC), `{#node}`: the node the question named;
 * - filters after `|`: `time` (an ISO time as HH:MM:SS), `duration` (milliseconds as 1m54s), `count`,
 *   `max`, `min`, `unique`, `first`, and `or:TEXT` (TEXT instead of nothing).
 */
export const AnswerPart = z.strictObject({
  /** A JSONPath into the result: the items, one sentence each; the result itself when absent. */
  each: z.string().min(1).optional(),
  /** A JSONPath relative to an item: only items where it finds something are said. */
  when: z.string().min(1).optional(),
  say: z.string().min(1),
  /** Said (over the whole result) when no item is: an honest "nothing", never a blank answer. */
  none: z.string().min(1).optional(),
  /** At most this many sentences; the rest are counted. */
  max: z.number().int().positive().default(12),
  /**
   * `node`: said only when the question names a node; `all`: only when it does not (the cluster's
   * verdict answers "is the cluster healthy?", not "is worker-2 ok?").
   */
  asked: z.enum(['node', 'all', 'any']).default('any'),
});
export type AnswerPart = z.infer<typeof AnswerPart>;

/** The parts of an answer, in order: the first sentence said is the value asked. */
export const AnswerSpec = z.array(AnswerPart).min(1);
export type AnswerSpec = z.infer<typeof AnswerSpec>;
