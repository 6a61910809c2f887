import { open, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { LogAnalysis } from '../model/log-analysis.js';
import { LogAnalyzer, type LogAnalyzerOptions } from './log-analyzer.js';
import { feedFile } from './log-file-lines.js';
import { type LogShare, mergeLogShares } from './merge-log-analyses.js';

export interface FileAnalysisOptions extends LogAnalyzerOptions {
  /** Worker threads; by default one per core for files of 64 MB or more, else none. */
  jobs?: number;
}

const PARALLEL_FROM_BYTES = 64 * 1024 * 1024;
const MIN_SHARE_BYTES = 8 * 1024 * 1024;
const MAX_JOBS = 8;

/**
 * Analyzes a log file; a large one is cut into shares of whole lines analyzed by worker threads at once,
 * then merged (merge-log-analyses.ts). Offset samples for window statistics need one pass in order, so
 * `maxSamples` keeps the analysis on one thread.
 */
export async function analyzeLogFile(path: string, options: FileAnalysisOptions = {}): Promise<LogAnalysis> {
  const { size } = await stat(path);
  const { jobs: requested, ...analyzerOptions } = options;
  const defaultJobs = size >= PARALLEL_FROM_BYTES ? availableParallelism() : 1;
  const jobs = Math.min(requested ?? defaultJobs, MAX_JOBS, Math.max(1, Math.floor(size / MIN_SHARE_BYTES)));
  if (jobs <= 1 || (options.maxSamples ?? 0) > 0)
    return analyzeShareHere(path, 0, size, analyzerOptions).analysis;
  const bounds = await lineBounds(path, size, jobs);
  // The first share is analyzed on this thread (one isolate fewer keeps memory down), once the workers run.
  const others = bounds
    .slice(2)
    .map((end, index) => analyzeShare(path, bounds[index + 1]!, end, analyzerOptions));
  const first = analyzeShareHere(path, 0, bounds[1]!, analyzerOptions);
  const shares = [first, ...(await Promise.all(others))];
  return mergeLogShares(shares.filter((share): share is LogShare => share !== null));
}

/** Byte offsets cutting the file into `jobs` ranges that each start at the beginning of a line. */
async function lineBounds(path: string, size: number, jobs: number): Promise<number[]> {
  const file = await open(path, 'r');
  try {
    const bounds = [0];
    const window = Buffer.alloc(64 * 1024);
    for (let share = 1; share < jobs; share++) {
      let position = Math.max(bounds.at(-1)!, Math.floor((size * share) / jobs));
      let bound = size;
      while (position < size) {
        const { bytesRead } = await file.read(window, 0, window.length, position);
        const newline = window.subarray(0, bytesRead).indexOf(10);
        if (newline >= 0) {
          bound = position + newline + 1;
          break;
        }
        position += bytesRead;
      }
      bounds.push(bound);
    }
    bounds.push(size);
    return bounds;
  } finally {
    await file.close();
  }
}

function analyzeShareHere(path: string, start: number, end: number, options: LogAnalyzerOptions): LogShare {
  const analyzer = new LogAnalyzer(options);
  feedFile(path, analyzer, start, end);
  return { analysis: analyzer.finish(), offsets: analyzer.offsetStates() };
}

function analyzeShare(
  path: string,
  start: number,
  end: number,
  options: LogAnalyzerOptions,
): Promise<LogShare | null> {
  if (end <= start) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./log-share-worker.js', import.meta.url), {
      workerData: { path, start, end, options },
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
