import { z } from 'zod';
import { LogTime, ServoState, SyncState } from './log-record.js';

const nullableNumber = z.number().nullable();

export const OffsetSummary = z.object({
  count: z.number().int(),
  min: nullableNumber,
  max: nullableNumber,
  mean: nullableNumber,
  stddev: nullableNumber,
  /** 99th percentile of |offset| (ns): the time error a telecom budget is written against. */
  p99Abs: nullableNumber,
});
export type OffsetSummary = z.infer<typeof OffsetSummary>;

/** The servo's frequency adjustment (ppb) over the samples: its spread and its mean. */
export const FreqSummary = z.object({
  count: z.number().int(),
  min: nullableNumber,
  max: nullableNumber,
  mean: nullableNumber,
  stddev: nullableNumber,
});
export type FreqSummary = z.infer<typeof FreqSummary>;

export const RmsSummary = z.object({
  count: z.number().int(),
  rmsMean: nullableNumber,
  rmsMax: nullableNumber,
  maxAbs: nullableNumber,
  last: z.object({ time: LogTime, rms: z.number(), max: z.number() }).nullable(),
});
export type RmsSummary = z.infer<typeof RmsSummary>;

export const ServoCounts = z.object({ s0: z.number(), s1: z.number(), s2: z.number(), s3: z.number() });
export type ServoCounts = z.infer<typeof ServoCounts>;

export const ServoChange = z.object({ time: LogTime, from: ServoState.nullable(), to: ServoState });
export const PortTransition = z.object({
  time: LogTime,
  line: z.number().int(),
  port: z.number().int().optional(),
  iface: z.string().optional(),
  from: z.string(),
  to: z.string(),
  event: z.string().optional(),
  fault: z.string().optional(),
});
export type PortTransition = z.infer<typeof PortTransition>;

/** A fault the log states: a port FAULTY, a tx timestamp time-out, a clock jump, a process down… */
export const FaultEvent = z.object({
  time: LogTime,
  line: z.number().int(),
  kind: z.string(),
  port: z.number().int().optional(),
  iface: z.string().optional(),
  detail: z.string(),
});
export type FaultEvent = z.infer<typeof FaultEvent>;

export const GmChange = z.object({
  time: LogTime,
  line: z.number().int(),
  gmIdentity: z.string(),
  /** The local clock selected itself (it became grandmaster). */
  local: z.boolean(),
});
export type GmChange = z.infer<typeof GmChange>;

/** What the daemon last told a T-BC's controlled ptp4l to announce as its grandmaster (changes only). */
export const ExternalGrandmaster = z.object({
  time: LogTime,
  line: z.number().int(),
  gmIdentity: z.string(),
  stepsRemoved: z.number().int(),
});
export type ExternalGrandmaster = z.infer<typeof ExternalGrandmaster>;

export const ClockClassChange = z.object({
  time: LogTime,
  line: z.number().int(),
  clockClass: z.number(),
  previous: z.number().nullable(),
});
export type ClockClassChange = z.infer<typeof ClockClassChange>;

/** A change of a daemon-reported state (dpll, gnss, ts2phc, T-GM-STATUS, T-BC-STATUS, synce) on one interface. */
export const StateChange = z.object({
  time: LogTime,
  line: z.number().int(),
  iface: z.string().optional(),
  from: SyncState.nullable(),
  to: SyncState,
  offset: z.number().optional(),
  values: z.record(z.string(), z.number()),
});
export type StateChange = z.infer<typeof StateChange>;

/** `new foreign master X`: the announce sources a port heard (changes only). */
export const ForeignMaster = z.object({
  time: LogTime,
  line: z.number().int(),
  port: z.number().int().optional(),
  iface: z.string().optional(),
  portIdentity: z.string(),
});
export type ForeignMaster = z.infer<typeof ForeignMaster>;

export const StatusChange = z.object({ time: LogTime, line: z.number().int(), up: z.boolean() });
export const FsmTransition = z.object({
  time: LogTime,
  line: z.number().int(),
  machine: z.string(),
  from: z.string(),
  to: z.string(),
});
export type FsmTransition = z.infer<typeof FsmTransition>;

export const DpllDecisionChange = z.object({
  time: LogTime,
  line: z.number().int(),
  iface: z.string().optional(),
  state: SyncState.optional(),
  status: z.number().optional(),
  offset: z.number(),
  inSpec: z.boolean(),
  sourceLost: z.boolean(),
  onHoldover: z.boolean(),
});
export type DpllDecisionChange = z.infer<typeof DpllDecisionChange>;

export const NoticeCount = z.object({
  count: z.number().int(),
  first: LogTime,
  last: LogTime,
  example: z.string(),
});

/**
 * Everything one process instance (process name + config tag) said, condensed: exact running
 * statistics over all samples, and the lists of state changes (bounded; `omitted` counts the rest).
 */
export const ProcessTimeline = z.object({
  name: z.string(),
  configTag: z.string().nullable(),
  lines: z.number().int(),
  firstTime: LogTime.nullable(),
  lastTime: LogTime.nullable(),
  servo: ServoCounts,
  offset: OffsetSummary,
  freq: FreqSummary,
  rms: RmsSummary.nullable(),
  lastOffset: z.object({ time: LogTime, offset: z.number(), servo: ServoState, freq: z.number() }).nullable(),
  servoChanges: z.array(ServoChange),
  portTransitions: z.array(PortTransition),
  faults: z.array(FaultEvent),
  gmChanges: z.array(GmChange),
  externalGrandmasters: z.array(ExternalGrandmaster),
  foreignMasters: z.array(ForeignMaster),
  clockClassChanges: z.array(ClockClassChange),
  stateChanges: z.array(StateChange),
  statusChanges: z.array(StatusChange),
  fsmTransitions: z.array(FsmTransition),
  dpllDecisions: z.array(DpllDecisionChange),
  notices: z.record(z.string(), NoticeCount),
  omitted: z.record(z.string(), z.number()),
});
export type ProcessTimeline = z.infer<typeof ProcessTimeline>;
