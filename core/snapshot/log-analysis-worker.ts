import { parentPort } from 'node:worker_threads';
import { LogAnalyzer, type LogAnalyzerOptions } from '../analysis/log-analyzer.js';
import { LineSplitter } from '../parsers/log/line-splitter.js';
import { type AnalyzedLog, analyzedLog } from './log-analysis-thread.js';

/**
 * The thread of LogAnalysisThread (log-analysis-thread.ts): analyzes the logs whose bytes the main thread
 * sends, several at once, each with its own analyzer, and sends back each analysis when its log ends.
 */
export interface LogJobMessage {
  id: number;
  /** On a job's first message only. */
  start?: { options: LogAnalyzerOptions; keepSeries: boolean };
  /** The log's next bytes. */
  bytes?: Uint8Array;
  /** On its last: `cut`, the read failed; the line it cut off is dropped, as splitStream drops it. */
  end?: { cut: boolean };
}

export type LogJobReply =
  /** Chunks were analyzed: the main thread may send more. */
  | { type: 'analyzed'; bytes: number }
  /** The analysis threw: the rest of the log is not needed (what came before still counts). */
  | { type: 'failed'; id: number; message: string }
  | { type: 'done'; id: number; log: AnalyzedLog };

interface Job {
  analyzer: LogAnalyzer;
  splitter: LineSplitter;
  keepSeries: boolean;
  failed: boolean;
}

const jobs = new Map<number, Job>();
const port = parentPort!;
/** Analyzed bytes are told by the MB, not chunk by chunk: each message costs the reading thread too. */
const ANALYZED_REPORT_BYTES = 1024 * 1024;
let analyzedUntold = 0;

function reply(message: LogJobReply): void {
  port.postMessage(message);
}

function tellAnalyzed(): void {
  if (analyzedUntold === 0) return;
  reply({ type: 'analyzed', bytes: analyzedUntold });
  analyzedUntold = 0;
}

/** Runs one step of a job; an analysis that throws ends the job's feeding, as a read that fails would. */
function step(id: number, job: Job, feed: () => void): void {
  if (job.failed) return;
  try {
    feed();
  } catch (error) {
    job.failed = true;
    reply({ type: 'failed', id, message: (error as Error).message });
  }
}

port.on('message', ({ id, start, bytes, end }: LogJobMessage) => {
  if (start) {
    const job = { analyzer: new LogAnalyzer(start.options), splitter: new LineSplitter() };
    jobs.set(id, { ...job, keepSeries: start.keepSeries, failed: false });
  }
  const job = jobs.get(id)!;
  if (bytes) {
    step(id, job, () => job.splitter.push(bytes, job.analyzer));
    analyzedUntold += bytes.byteLength;
  }
  if (!end) {
    if (analyzedUntold >= ANALYZED_REPORT_BYTES) tellAnalyzed();
    return;
  }
  tellAnalyzed();
  if (!end.cut) step(id, job, () => job.splitter.end(job.analyzer));
  jobs.delete(id);
  reply({ type: 'done', id, log: analyzedLog(job.analyzer, job.keepSeries) });
});
