import { parentPort, workerData } from 'node:worker_threads';
import { LineSplitter } from '../parsers/log/line-splitter.js';
import { LogAnalyzer, type LogAnalyzerOptions } from './log-analyzer.js';
import { feedFile } from './log-file-lines.js';
import type { LogShare } from './merge-log-analyses.js';

/**
 * A worker thread analyzing shares of a log: a byte range of whole lines of a file, read through the
 * descriptor the main thread opened and checked (log-file-analysis.ts), or pieces of a stream the main
 * thread cut at line ends and sends one by one (log-stream-analysis.ts), each buffer sent back for reuse.
 */
export interface FileShareRequest {
  fd: number;
  start: number;
  end: number;
  options: LogAnalyzerOptions;
}

export interface StreamPieceRequest {
  piece: ArrayBuffer;
  length: number;
  startOfLog: boolean;
}

function analyze(feed: (analyzer: LogAnalyzer) => void, options: LogAnalyzerOptions): LogShare {
  const analyzer = new LogAnalyzer(options);
  feed(analyzer);
  const analysis = analyzer.finish();
  return { analysis, offsets: analyzer.offsetStates(), edges: analyzer.spanEdges() };
}

const request = workerData as FileShareRequest | { options: LogAnalyzerOptions };
if ('fd' in request) {
  const { fd, start, end, options } = request;
  parentPort!.postMessage(analyze((analyzer) => feedFile(fd, analyzer, start, end), options));
} else {
  parentPort!.on('message', ({ piece, length, startOfLog }: StreamPieceRequest) => {
    const share = analyze(
      (analyzer) => {
        const splitter = new LineSplitter();
        splitter.push(Buffer.from(piece, 0, length), analyzer);
        splitter.end(analyzer);
      },
      { ...request.options, startOfLog },
    );
    parentPort!.postMessage({ share, piece }, [piece]);
  });
}
