import type { LogAnalysis } from '../model/log-analysis.js';
import type { ProcessTimeline } from '../model/process-timeline.js';
import { presentTime, withPresentedTime } from './time-format.js';

/** The JSON a user (CLI `--format json`, an MCP client) gets for an analyzed log: times as ISO strings. */
export function toLogReport(analysis: LogAnalysis, source?: string) {
  return {
    ...(source !== undefined ? { source } : {}),
    lines: analysis.lines,
    timeRange: { first: presentTime(analysis.timeRange.first), last: presentTime(analysis.timeRange.last) },
    yearlessUnresolved: analysis.yearlessUnresolved,
    processes: analysis.processes.map(toProcessReport),
    unparsedExamples: analysis.unparsedExamples,
  };
}

export type LogReport = ReturnType<typeof toLogReport>;
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
