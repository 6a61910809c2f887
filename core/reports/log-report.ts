import { logAnalysisWarnings } from '../analysis/log-warnings.js';
import type { LogAnalysis, TimeStepBack } from '../model/log-analysis.js';
import type { LogTime } from '../model/log-record.js';
import type { ProcessTimeline } from '../model/process-timeline.js';
import { presentTime, withPresentedTime } from './time-format.js';

/** The JSON a user (CLI `--format json`, an MCP client) gets for an analyzed log: times as ISO strings. */
export function toLogReport(analysis: LogAnalysis, source?: string) {
  return {
    ...(source !== undefined ? { source } : {}),
    lines: analysis.lines,
    timeRange: { first: presentTime(analysis.timeRange.first), last: presentTime(analysis.timeRange.last) },
    timeOrder: {
      stepsBack: analysis.timeOrder.stepsBack,
      first: analysis.timeOrder.first && presentStep(analysis.timeOrder.first),
      largest: analysis.timeOrder.largest && presentStep(analysis.timeOrder.largest),
    },
    text: analysis.text,
    warnings: logAnalysisWarnings(analysis),
    yearlessUnresolved: analysis.yearlessUnresolved,
    processes: analysis.processes.map(toProcessReport),
    unparsedExamples: analysis.unparsedExamples,
  };
}

function presentStep(step: TimeStepBack) {
  return {
    line: step.line,
    from: new Date(step.from).toISOString(),
    to: new Date(step.to).toISOString(),
    backSeconds: (step.from - step.to) / 1000,
  };
}

export type LogReport = ReturnType<typeof toLogReport>;

/** The lists of changes of a process, thousands of entries long in a long log. */
const EVENT_LISTS = [
  'servoChanges',
  'portTransitions',
  'faults',
  'gmChanges',
  'externalGrandmasters',
  'foreignMasters',
  'clockClassChanges',
  'stateChanges',
  'statusChanges',
  'fsmTransitions',
  'dpllDecisions',
] as const;
const EVENTS_PER_PART = 500;

/**
 * The text of JSON.stringify(toLogReport(analysis, source), null, 2), in parts of a few hundred changes:
 * each change is presented as it is written, so that a long log's tens of thousands of changes are never
 * all copied into a report and its text at once (peak memory of `logs analyze --format json`).
 */
export function* logReportJson(analysis: LogAnalysis, source?: string): Generator<string> {
  const placeholder = '"processes": []';
  const [before, after] = JSON.stringify(toLogReport({ ...analysis, processes: [] }, source), null, 2).split(
    placeholder,
  ) as [string, string];
  yield `${before}"processes": [`;
  for (let index = 0; index < analysis.processes.length; index++) {
    yield `${index > 0 ? ',' : ''}\n    `;
    yield* processJson(analysis.processes[index]!);
  }
  yield `${analysis.processes.length > 0 ? '\n  ' : ''}]${after}\n`;
}

/** One process of logReportJson, at its depth in the report. */
function* processJson(process: ProcessTimeline): Generator<string> {
  const pad = '      ';
  const withoutLists = { ...process };
  for (const list of EVENT_LISTS) withoutLists[list] = [];
  let first = true;
  yield '{';
  for (const [key, value] of Object.entries(toProcessReport(withoutLists))) {
    if (value === undefined) continue;
    yield `${first ? '' : ','}\n${pad}${JSON.stringify(key)}: `;
    first = false;
    const list = (EVENT_LISTS as readonly string[]).includes(key)
      ? (process[key as (typeof EVENT_LISTS)[number]] as ProcessTimeline['faults'])
      : [];
    if (list.length === 0) {
      yield indentedJson(value, pad);
      continue;
    }
    for (let start = 0; start < list.length; start += EVENTS_PER_PART) {
      const part = list.slice(start, start + EVENTS_PER_PART).map(presentedEntry);
      yield `${start > 0 ? ',' : '['}\n${pad}  ${entriesJson(part)}`;
    }
    yield `\n${pad}]`;
  }
  yield '\n    }';
}

/**
 * withPresentedTime(entry), the same keys in the same order, without object rest and spread: tens of
 * thousands of changes in a long log, and those cost about a microsecond each on Node 20.
 */
function presentedEntry(entry: { time: LogTime }): Record<string, unknown> {
  const { wall, mono } = entry.time;
  const presented: Record<string, unknown> = {
    time: wall !== undefined ? new Date(wall).toISOString() : null,
  };
  if (mono !== undefined) presented.mono = mono;
  for (const key in entry) if (key !== 'time') presented[key] = entry[key as keyof typeof entry];
  return presented;
}

/**
 * Entries of a list of a process, as JSON.stringify(…, null, 2) writes them at their depth (8 spaces),
 * joined by `,\n` and that indent: one call, nested in four arrays for the depth, then unwrapped.
 */
function entriesJson(entries: unknown[]): string {
  const json = JSON.stringify([[[entries]]], null, 2);
  return json.slice(ENTRIES_OPEN.length, json.length - ENTRIES_CLOSE.length);
}
const ENTRIES_OPEN = '[\n  [\n    [\n      [\n        ';
const ENTRIES_CLOSE = '\n      ]\n    ]\n  ]\n]';

function indentedJson(value: unknown, pad: string): string {
  return JSON.stringify(value, null, 2).replaceAll('\n', `\n${pad}`);
}

export type ProcessReport = ReturnType<typeof toProcessReport>;

export function toProcessReport(process: ProcessTimeline) {
  const notices = Object.fromEntries(
    Object.entries(process.notices).map(([code, notice]) => [
      code,
      {
        count: notice.count,
        first: presentTime(notice.first).time,
        last: presentTime(notice.last).time,
        example: notice.example,
      },
    ]),
  );
  return {
    name: process.name,
    configTag: process.configTag,
    lines: process.lines,
    firstTime: presentTime(process.firstTime),
    lastTime: presentTime(process.lastTime),
    servo: process.servo,
    offset: process.offset,
    rms: process.rms && { ...process.rms, last: process.rms.last && withPresentedTime(process.rms.last) },
    lastOffset: process.lastOffset && withPresentedTime(process.lastOffset),
    servoChanges: process.servoChanges.map(withPresentedTime),
    portTransitions: process.portTransitions.map(withPresentedTime),
    faults: process.faults.map(withPresentedTime),
    gmChanges: process.gmChanges.map(withPresentedTime),
    externalGrandmasters: process.externalGrandmasters.map(withPresentedTime),
    foreignMasters: process.foreignMasters.map(withPresentedTime),
    clockClassChanges: process.clockClassChanges.map(withPresentedTime),
    stateChanges: process.stateChanges.map(withPresentedTime),
    statusChanges: process.statusChanges.map(withPresentedTime),
    fsmTransitions: process.fsmTransitions.map(withPresentedTime),
    dpllDecisions: process.dpllDecisions.map(withPresentedTime),
    notices,
    omitted: process.omitted,
  };
}
