import { z } from 'zod';

/**
 * The time of a log record, from the line itself and never from the parsing machine's clock.
 * `wall` is Unix epoch milliseconds when the line (or the timeline around it) tells it; `mono` is the
 * process' CLOCK_MONOTONIC seconds of linuxptp's `name[12345.678]:` prefix.
 */
export const LogTime = z.object({
  wall: z.number().optional(),
  mono: z.number().optional(),
});
export type LogTime = z.infer<typeof LogTime>;

/** ptp4l/phc2sys/ts2phc servo states (linuxptp servo.h): s0 unlocked, s1 jump (clock step), s2 locked, s3 locked stable. */
export const ServoState = z.enum(['s0', 's1', 's2', 's3']);
export type ServoState = z.infer<typeof ServoState>;

/** States linuxptp-daemon itself reports (event.PTPState): in its own lines s0 FREERUN, s1 HOLDOVER, s2 LOCKED. */
export const SyncState = z.enum(['FREERUN', 'HOLDOVER', 'LOCKED', 'UNKNOWN']);
export type SyncState = z.infer<typeof SyncState>;

export const PortState = z.enum([
  'NONE',
  'INITIALIZING',
  'FAULTY',
  'DISABLED',
  'LISTENING',
  'PRE_MASTER',
  'MASTER',
  'PASSIVE',
  'UNCALIBRATED',
  'SLAVE',
  'GRAND_MASTER',
]);
export type PortState = z.infer<typeof PortState>;

const base = {
  /** 1-based line number in the stream the record came from. */
  line: z.number().int(),
  /** ptp4l, phc2sys, ts2phc, synce4l, chronyd, dpll, gnss, GM, T-BC, or `daemon` for linuxptp-daemon's own klog lines. */
  process: z.string(),
  /** The config tag that tells interleaved instances apart, e.g. `ptp4l.0.config` (null when the line has none). */
  configTag: z.string().nullable(),
  time: LogTime,
};

const port = { port: z.number().int().optional(), iface: z.string().optional() };

/** Every kind of line ptp-mcp understands; `unparsed` lines are counted, never dropped silently. */
export const LogRecord = z.discriminatedUnion('kind', [
  /** ptp4l `master offset`, phc2sys `CLOCK_REALTIME phc offset`, ts2phc `/dev/ptp10 offset` / `ens6f0 master offset`. */
  z.object({
    ...base,
    kind: z.literal('offset'),
    clock: z.string().optional(),
    source: z.string(),
    offset: z.number(),
    servo: ServoState,
    freq: z.number(),
    delay: z.number().optional(),
    holdover: z.boolean().optional(),
  }),
  /** summary_interval / `-u` statistics: `rms 53 max 74 freq -16642 +/- 40 delay 1089 +/- 20`. */
  z.object({
    ...base,
    kind: z.literal('rms'),
    clock: z.string().optional(),
    rms: z.number(),
    max: z.number(),
    freq: z.number(),
    freqStddev: z.number(),
    delay: z.number().optional(),
    delayStddev: z.number().optional(),
  }),
  /** linuxptp-daemon logReduce "enhanced": `master offset summary: cnt=.., min=.., max=.., avg=.., SD=..`. */
  z.object({
    ...base,
    kind: z.literal('offsetSummary'),
    count: z.number(),
    min: z.number(),
    max: z.number(),
    mean: z.number(),
    stddev: z.number(),
  }),
  z.object({
    ...base,
    ...port,
    kind: z.literal('portState'),
    from: z.string(),
    to: z.string(),
    event: z.string().optional(),
    fault: z.string().optional(),
  }),
  /** `selected best master clock X` (local false) or `selected local clock X as best master` (local true). */
  z.object({ ...base, kind: z.literal('bestMaster'), clockIdentity: z.string(), local: z.boolean() }),
  z.object({ ...base, ...port, kind: z.literal('grandMasterRole') }),
  /**
   * The daemon's `Sending pmc … -f /var/run/ptp4l.N.config SET EXTERNAL_GRANDMASTER_PROPERTIES_NP gmIdentity G
   * stepsRemoved N` (linuxptp-daemon pkg/daemon/pmc.go, a T-BC's controlled ptp4l): recorded as that ptp4l's.
   */
  z.object({
    ...base,
    kind: z.literal('externalGrandmaster'),
    gmIdentity: z.string(),
    stepsRemoved: z.number().int(),
  }),
  z.object({ ...base, ...port, kind: z.literal('foreignMaster'), portIdentity: z.string() }),
  /** A condition of one port or of the whole process worth a finding: see LogNoticeCode. */
  z.object({ ...base, ...port, kind: z.literal('notice'), code: z.string(), text: z.string() }),
  /** `clockcheck: clock jumped forward|backward …` and `clock frequency changed unexpectedly`. */
  z.object({
    ...base,
    kind: z.literal('clockJump'),
    direction: z.enum(['forward', 'backward', 'frequency']),
  }),
  /** Daemon synthesized state lines: dpll, gnss, ts2phc nmea, T-GM-STATUS, T-BC-STATUS, synce4l. */
  z.object({
    ...base,
    kind: z.literal('syncState'),
    iface: z.string().optional(),
    state: SyncState,
    offset: z.number().optional(),
    values: z.record(z.string(), z.number()),
    attributes: z.record(z.string(), z.string()).optional(),
  }),
  z.object({ ...base, kind: z.literal('clockClass'), clockClass: z.number() }),
  z.object({ ...base, kind: z.literal('processStatus'), up: z.boolean() }),
  z.object({ ...base, kind: z.literal('haProfile'), profile: z.string(), active: z.boolean() }),
  /** linuxptp-daemon T-BC/T-GM state machine: `BC FSM: LOCKED to HOLDOVER`. */
  z.object({
    ...base,
    kind: z.literal('fsmTransition'),
    machine: z.string(),
    from: z.string(),
    to: z.string(),
  }),
  /** Daemon DPLL decisions in both formats (`decision: Status 3, …` and `state s2, Offset …`). */
  z.object({
    ...base,
    kind: z.literal('dpllDecision'),
    iface: z.string().optional(),
    status: z.number().optional(),
    state: SyncState.optional(),
    offset: z.number(),
    inSpec: z.boolean(),
    sourceLost: z.boolean(),
    onHoldover: z.boolean(),
  }),
  /** ts2phc NMEA sentence (GNRMC…) as printed with debug logging. */
  z.object({ ...base, kind: z.literal('nmea'), sentence: z.string(), valid: z.boolean().optional() }),
  /** synce4l EEC state lines. */
  z.object({
    ...base,
    kind: z.literal('eecState'),
    state: z.string(),
    device: z.string().optional(),
    iface: z.string().optional(),
  }),
  /** Any other line whose envelope was understood (klog, chronyd, config echo of a known process). */
  z.object({ ...base, kind: z.literal('message'), severity: z.string().optional(), text: z.string() }),
  z.object({ ...base, kind: z.literal('unparsed'), text: z.string() }),
]);
export type LogRecord = z.infer<typeof LogRecord>;
export type LogRecordKind = LogRecord['kind'];
export type LogRecordOf<K extends LogRecordKind> = Extract<LogRecord, { kind: K }>;
