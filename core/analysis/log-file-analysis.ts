import { closeSync, readSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { openRegularFileSync } from '../io/regular-file.js';
import { refuseOtherFileEncoding } from '../io/text-encoding.js';
import type { LogAnalysis } from '../model/log-analysis.js';
import { LogAnalyzer, type LogAnalyzerOptions } from './log-analyzer.js';
import { canStartShare, feedFile } from './log-file-lines.js';
import type { FileShareRequest } from './log-share-worker.js';
import { type LogShare, mergeLogShares } from './merge-log-analyses.js';

export interface FileAnalysisOptions extends LogAnalyzerOptions {
  /**
   * Worker threads; by default one per core for files of 64 MB or more, else none. At most one per core:
   * more only adds the memory of their isolates.
   */
  jobs?: number;
}

const PARALLEL_FROM_BYTES = 64 * 1024 * 1024;
const MIN_SHARE_BYTES = 8 * 1024 * 1024;
const MAX_JOBS = 8;

/**
 * Analyzes a log file; a large one is cut into shares of whole lines analyzed by worker threads at once,
 * then merged (merge-log-analyses.ts). Offset samples for window statistics need one pass in order, so
 * `maxSamples` keeps the analysis on one thread. Only a regular file is read (a FIFO or a device is a
 * FileReadError before a byte is read), and only one in UTF-8 (another encoding is a FileReadError naming it).
 */
export async function analyzeLogFile(path: string, options: FileAnalysisOptions = {}): Promise<LogAnalysis> {
  const { fd, size } = openRegularFileSync(path);
  try {
    refuseOtherFileEncoding(fd, path);
    const { jobs: requested, ...analyzerOptions } = options;
    const defaultJobs = size >= PARALLEL_FROM_BYTES ? availableParallelism() : 1;
    const jobs = Math.min(
      requested ?? defaultJobs,
      availableParallelism(),
      MAX_JOBS,
      Math.max(1, Math.floor(size / MIN_SHARE_BYTES)),
    );
    if (jobs <= 1 || (options.maxSamples ?? 0) > 0)
      return analyzeShareHere(fd, 0, size, analyzerOptions).analysis;
    const bounds = lineBounds(fd, size, jobs);
    // The first share is analyzed on this thread (one isolate fewer keeps memory down), once the workers run.
    const others = bounds
      .slice(2)
      .map((end, index) => analyzeShare(fd, bounds[index + 1]!, end, analyzerOptions));
    const first = analyzeShareHere(fd, 0, bounds[1]!, analyzerOptions);
    // Every worker is done reading before the descriptor closes, even when one failed.
    const settled = await Promise.allSettled(others);
    const failed = settled.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    const shares = [
      first,
      ...settled.map((result) => (result as PromiseFulfilledResult<LogShare | null>).value),
    ];
    return mergeLogShares(shares.filter((share): share is LogShare => share !== null));
  } finally {
    closeSync(fd);
  }
}

/** How many lines a share's start may move on to find a line that can start it (canStartShare). */
const MAX_START_SEARCH_LINES = 256;

/**
 * Byte offsets cutting the file into `jobs` ranges that each start at the beginning of a line, and at
 * a line with a header of its own where one comes within a few hundred lines.
 */
function lineBounds(fd: number, size: number, jobs: number): number[] {
  const bounds = [0];
  const window = Buffer.alloc(256 * 1024);
  for (let share = 1; share < jobs; share++) {
    const from = Math.max(bounds.at(-1)!, Math.floor((size * share) / jobs));
    bounds.push(shareStart(fd, window, from, size));
  }
  bounds.push(size);
  return bounds;
}

/** The start of the first line after `from` that can start a share (else the first line's, or the end). */
function shareStart(fd: number, window: Buffer, from: number, size: number): number {
  let first: number | undefined;
  let position = from;
  for (let lines = 0; position < size && lines < MAX_START_SEARCH_LINES; ) {
    const bytesRead = readSync(fd, window, 0, window.length, position);
    if (bytesRead === 0) break;
    const newline = window.subarray(0, bytesRead).indexOf(10);
    if (newline < 0) {
      position += bytesRead;
      continue;
    }
    const lineStart = position + newline + 1;
    first ??= lineStart;
    const next = window.subarray(0, bytesRead).indexOf(10, newline + 1);
    if (next < 0 && bytesRead === window.length) break;
    if (canStartShare(window, newline + 1, next < 0 ? bytesRead : next)) return lineStart;
    position = lineStart;
    lines++;
  }
  return first ?? size;
}

function analyzeShareHere(fd: number, start: number, end: number, options: LogAnalyzerOptions): LogShare {
  const analyzer = new LogAnalyzer(options);
  feedFile(fd, analyzer, start, end);
  return { analysis: analyzer.finish(), offsets: analyzer.offsetStates(), edges: analyzer.spanEdges() };
}

function analyzeShare(
  fd: number,
  start: number,
  end: number,
  options: LogAnalyzerOptions,
): Promise<LogShare | null> {
  if (end <= start) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./log-share-worker.js', import.meta.url), {
      workerData: { fd, start, end, options } satisfies FileShareRequest,
      // A share needs little heap; a small young generation keeps each thread's memory (and RSS) low.
      resourceLimits: { maxYoungGenerationSizeMb: 8 },
    });
    worker.once('message', (share: LogShare) => resolve(share));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`log analysis worker exited with ${code}`));
    });
  });
}
