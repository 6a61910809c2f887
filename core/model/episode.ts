import { z } from 'zod';
import { LogTime } from './log-record.js';

/** A span in which a process lost its time source: a slave port left SLAVE, or a servo left the locked state. */
export const SyncLossEpisode = z.object({
  process: z.string(),
  configTag: z.string().nullable(),
  iface: z.string().optional(),
  start: LogTime,
  end: LogTime.nullable(),
  /** Up to `end`, or to the end of the data while ongoing; null when the times cannot be compared. */
  durationMs: z.number().nullable(),
  ongoing: z.boolean(),
  /** What started it: the port event (FAULT_DETECTED, ANNOUNCE_RECEIPT_TIMEOUT_EXPIRES…) or the servo state. */
  cause: z.string(),
});
export type SyncLossEpisode = z.infer<typeof SyncLossEpisode>;

/** A span in holdover, as linuxptp-daemon reports it (T-BC-STATUS, T-GM-STATUS, BC FSM). */
export const HoldoverEpisode = z.object({
  source: z.string(),
  configTag: z.string().nullable(),
  iface: z.string().optional(),
  start: LogTime,
  end: LogTime.nullable(),
  durationMs: z.number().nullable(),
  /** recovered: back to LOCKED; freerun: the holdover ran out; ongoing: still in holdover at the end of the data. */
  outcome: z.enum(['recovered', 'freerun', 'ongoing']),
});
export type HoldoverEpisode = z.infer<typeof HoldoverEpisode>;
