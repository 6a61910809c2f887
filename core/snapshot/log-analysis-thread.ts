import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { LogAnalyzer, type LogAnalyzerOptions } from '../analysis/log-analyzer.js';
import type { LogAnalysis } from '../model/log-analysis.js';
import { SampleSeries } from '../model/sample-series.js';
import { seriesKey } from '../model/snapshot.js';
import { splitStream } from '../parsers/log/line-splitter.js';
import type { TextStream } from '../sources/raw-cluster.js';
import type { LogJobMessage, LogJobReply } from './log-analysis-worker.js';

/** A log's analysis and the offset series a snapshot keeps of it (by seriesKey). */
export interface AnalyzedLog {
  analysis: LogAnalysis;
  series: [string, SampleSeries][];
}

/** What a finished analyzer leaves a snapshot: the analysis and, if asked, its non-empty series trimmed. */
export function analyzedLog(analyzer: LogAnalyzer, keepSeries: boolean): AnalyzedLog {
  const analysis = analyzer.finish();
  const series: [string, SampleSeries][] = [];
  // The series outlive the read (a fleet keeps every node's): only their samples, not the room to grow.
  const keep = (key: string, samples: SampleSeries | undefined) => {
    if (!keepSeries || !samples || samples.length === 0) return;
    samples.trim();
    series.push([key, samples]);
  };
  for (const process of analysis.processes) {
    keep(seriesKey(process.name, process.configTag), analyzer.samplesOf(process.name, process.configTag));
    keep(
      seriesKey(process.name, process.configTag, 'rms'),
      analyzer.rmsSamplesOf(process.name, process.configTag),
    );
  }
  return { analysis, series };
}

/**
 * Reads a log stream and analyzes it on this thread. A read that fails (or an analysis that throws) is
 * told to `interrupted`; what was read before it is analyzed all the same.
 */
export async function analyzeLogHere(
  stream: TextStream,
  options: LogAnalyzerOptions,
  keepSeries: boolean,
  interrupted: (error: Error) => void,
): Promise<AnalyzedLog> {
  const analyzer = new LogAnalyzer(options);
  try {
    await splitStream(stream.open(), analyzer);
  } catch (error) {
    interrupted(error as Error);
  }
  return analyzedLog(analyzer, keepSeries);
}

/** Bytes sent to the thread and not yet analyzed, beyond which reading waits: memory stays a few MB. */
const MAX_BYTES_IN_FLIGHT = 8 * 1024 * 1024;
/** The bytes of a log moved to the thread in one message, at most (a bigger chunk goes alone). */
const BATCH_BYTES = 256 * 1024;
const WORKER_URL = new URL('./log-analysis-worker.js', import.meta.url);

/**
 * A second thread for the log analysis of many nodes (a fleet): this thread reads the streams (the
 * requests, the sockets) and hands their bytes over as they come; the other parses them, several logs at
 * once, and sends back each analysis with its series. Both cores work, and the results are those of
 * analyzeLogHere. Only from built JavaScript: run from TypeScript sources (tests) there is no worker
 * file, and `available` is false.
 */
export class LogAnalysisThread {
  static readonly available = existsSync(fileURLToPath(WORKER_URL));
  private static process: LogAnalysisThread | undefined;

  /**
   * The process' one analysis thread, started with its first big read and kept: a fleet reads many
   * clusters, and a thread of its own for each would load the bundle and the WASM again (0.3 CPU s each).
   * It keeps no process alive while it has nothing to do.
   */
  static shared(): LogAnalysisThread {
    LogAnalysisThread.process ??= new LogAnalysisThread();
    return LogAnalysisThread.process;
  }

  private worker: Worker | undefined;
  private nextId = 0;
  private readonly jobs = new Map<
    number,
    { resolve(log: AnalyzedLog): void; reject(error: Error): void; failed?: string }
  >();
  private inFlight = 0;
  private readonly drained: (() => void)[] = [];

  async analyze(
    stream: TextStream,
    options: LogAnalyzerOptions,
    keepSeries: boolean,
    interrupted: (error: Error) => void,
  ): Promise<AnalyzedLog> {
    const worker = this.start();
    const id = this.nextId++;
    const done = new Promise<AnalyzedLog>((resolve, reject) => this.jobs.set(id, { resolve, reject }));
    worker.ref();
    const job = this.jobs.get(id)!;
    // Each message wakes the other thread and costs both: the job's settings go with its first bytes and
    // its end with its last, so a log smaller than a batch (most of a fleet's) is one message.
    let start: LogJobMessage['start'] = { options, keepSeries };
    const send = (bytes: Uint8Array<ArrayBuffer> | undefined, end?: LogJobMessage['end']) => {
      if (bytes) this.inFlight += bytes.byteLength;
      worker.postMessage({ id, start, bytes, end } satisfies LogJobMessage, bytes ? [bytes.buffer] : []);
      start = undefined;
    };
    // Only the first failure is told, as on this thread: a read cut, or the analysis that threw.
    let told = false;
    let cut = false;
    // Chunks are gathered in a batch of the log's own, moved (not copied) to the thread when full: the
    // stream may reuse or share a chunk's memory, and sockets deliver 16–64 kB at a time.
    let batch: Buffer<ArrayBuffer> | undefined;
    let filled = 0;
    const batchBytes = (): Uint8Array<ArrayBuffer> | undefined => {
      if (filled === 0) return undefined;
      const bytes = new Uint8Array(batch!.buffer, batch!.byteOffset, filled);
      batch = undefined;
      filled = 0;
      return bytes;
    };
    try {
      for await (const chunk of stream.open()) {
        if (job.failed !== undefined) break;
        if (filled + chunk.byteLength > BATCH_BYTES) send(batchBytes());
        if (chunk.byteLength > BATCH_BYTES) send(new Uint8Array(chunk));
        else {
          // Not from the pool: its memory is handed to the thread whole.
          batch ??= Buffer.allocUnsafeSlow(BATCH_BYTES);
          batch.set(chunk, filled);
          filled += chunk.byteLength;
        }
        while (this.inFlight > MAX_BYTES_IN_FLIGHT) await new Promise<void>((r) => this.drained.push(r));
      }
    } catch (error) {
      cut = true;
      if (job.failed === undefined) {
        told = true;
        interrupted(error as Error);
      }
    }
    send(batchBytes(), { cut });
    const log = await done;
    if (!told && job.failed !== undefined) interrupted(new Error(job.failed));
    return log;
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_URL);
    worker.on('message', (reply: LogJobReply) => this.receive(reply));
    worker.on('error', (error) => {
      for (const job of this.jobs.values()) job.reject(error);
      this.jobs.clear();
      if (this.worker === worker) this.worker = undefined;
    });
    this.worker = worker;
    return worker;
  }

  private receive(reply: LogJobReply): void {
    if (reply.type === 'analyzed') {
      this.inFlight -= reply.bytes;
      while (this.inFlight <= MAX_BYTES_IN_FLIGHT && this.drained.length > 0) this.drained.shift()!();
      return;
    }
    const job = this.jobs.get(reply.id);
    if (!job) return;
    if (reply.type === 'failed') {
      job.failed ??= reply.message;
      return;
    }
    this.jobs.delete(reply.id);
    if (this.jobs.size === 0) this.worker?.unref();
    // Structured cloning keeps a series' fields but not its class.
    for (const [, samples] of reply.log.series) Object.setPrototypeOf(samples, SampleSeries.prototype);
    job.resolve(reply.log);
  }
}
