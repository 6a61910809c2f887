import { createReadStream } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { READ_CHUNK_BYTES, splitStream } from '../parsers/log/line-splitter.js';
import { LogAnalyzer, type LogAnalyzerOptions } from './log-analyzer.js';

/** A worker thread analyzing one share (a byte range of whole lines) of a log file; see log-file-analysis.ts. */
interface ShareRequest {
  path: string;
  start: number;
  end: number;
  options: LogAnalyzerOptions;
}

const { path, start, end, options } = workerData as ShareRequest;
const analyzer = new LogAnalyzer(options);
await splitStream(createReadStream(path, { start, end: end - 1, highWaterMark: READ_CHUNK_BYTES }), analyzer);
const analysis = analyzer.finish();
parentPort!.postMessage({ analysis, offsets: analyzer.offsetStates() });
