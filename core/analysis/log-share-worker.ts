import { parentPort, workerData } from 'node:worker_threads';
import { LogAnalyzer, type LogAnalyzerOptions } from './log-analyzer.js';
import { feedFile } from './log-file-lines.js';

/** A worker thread analyzing one share (a byte range of whole lines) of a log file; see log-file-analysis.ts. */
interface ShareRequest {
  path: string;
  start: number;
  end: number;
  options: LogAnalyzerOptions;
}

const { path, start, end, options } = workerData as ShareRequest;
const analyzer = new LogAnalyzer(options);
feedFile(path, analyzer, start, end);
const analysis = analyzer.finish();
parentPort!.postMessage({ analysis, offsets: analyzer.offsetStates() });
