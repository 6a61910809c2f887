import { readSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { LogAnalysis } from '../model/log-analysis.js';
import { LineSplitter, MAX_LINE_LENGTH } from '../parsers/log/line-splitter.js';
import { LogAnalyzer, type LogAnalyzerOptions } from './log-analyzer.js';
import { canStartShare } from './log-file-lines.js';
import type { StreamPieceRequest } from './log-share-worker.js';
import { type LogShare, LogShareMerger } from './merge-log-analyses.js';

export interface StreamAnalysisOptions extends LogAnalyzerOptions {
  /** Worker threads; by default, and at most, one per core. */
  jobs?: number;
}

const MAX_JOBS = 8;
/** How many lines back a piece's end may move to find a line that can start the next (canStartShare). */
const MAX_START_SEARCH_LINES = 256;

/**
 * A piece of the stream for one worker: large enough that a piece's fixed costs (a fresh analyzer, its
 * first lines waiting to be dated, a merge) stay small, small enough that the pieces in flight (one per
 * worker and the one being filled) keep memory low.
 */
const PIECE_BYTES = 4 * 1024 * 1024;

/**
 * Analyzes a byte stream (stdin) on all cores without holding it: the stream is cut into pieces of whole
 * lines, analyzed by worker threads at once and merged in order (merge-log-analyses.ts), as shares of a
 * file are. A stream of one piece or less is analyzed on this thread. A line longer than the line limit
 * keeps only its start (it is cut at MAX_LINE_LENGTH anyway), so a piece always ends at a line's end.
 */
export async function analyzeLogStreamInPieces(
  chunks: AsyncIterable<Uint8Array>,
  options: StreamAnalysisOptions = {},
): Promise<LogAnalysis> {
  const { jobs: requested, ...analyzerOptions } = options;
  const jobs = Math.max(1, Math.min(requested ?? availableParallelism(), availableParallelism(), MAX_JOBS));
  const cutter = new PieceCutter(PIECE_BYTES);
  let pool: PiecePool | undefined;
  try {
    for await (const chunk of chunks) {
      for (const piece of cutter.push(chunk)) {
        pool ??= new PiecePool(jobs, analyzerOptions, (buffer) => cutter.recycle(buffer));
        await pool.analyze(piece);
      }
    }
    const rest = cutter.end();
    if (!pool) return analyzeLogText(rest ?? Buffer.alloc(0), analyzerOptions);
    if (rest) await pool.analyze(rest);
    return await pool.finish();
  } finally {
    await pool?.close();
  }
}

/**
 * Copies a stream's chunks into pieces that end at a line's end. The bytes of a line past the line limit
 * (plus one, so that it still reads as cut) are dropped, so no line outgrows a piece.
 */
class PieceCutter {
  private piece: Buffer;
  private length = 0;
  /** Bytes of the last line so far (the piece's tail after its last newline). */
  private lineLength = 0;

  /** Buffers of pieces the workers are done with. */
  private readonly spare: ArrayBuffer[] = [];

  constructor(private readonly capacity: number) {
    this.piece = Buffer.allocUnsafeSlow(capacity);
  }

  recycle(buffer: ArrayBuffer): void {
    if (buffer.byteLength === this.capacity) this.spare.push(buffer);
  }

  /** The pieces this chunk completes (each handed over: its memory goes to a worker). */
  *push(chunk: Uint8Array): Generator<Buffer> {
    const first = chunk.indexOf(10);
    if (first < 0) {
      yield* this.take(chunk, 0, this.lineRoom(chunk.length));
      this.lineLength += chunk.length;
      return;
    }
    // The end of the line begun before, then the chunk's whole lines in one copy, then its last line begun.
    yield* this.take(chunk, 0, this.lineRoom(first));
    yield* this.take(chunk, first, first + 1);
    const last = chunk.lastIndexOf(10);
    yield* this.take(chunk, first + 1, last + 1);
    this.lineLength = 0;
    yield* this.take(chunk, last + 1, last + 1 + this.lineRoom(chunk.length - last - 1));
    this.lineLength = chunk.length - last - 1;
  }

  /** The last piece, or undefined when nothing is left. */
  end(): Buffer | undefined {
    if (this.length === 0) return undefined;
    const last = this.piece.subarray(0, this.length);
    this.length = 0;
    return last;
  }

  /**
   * How many of `bytes` more bytes of the line being filled to keep: a line past the line limit is cut,
   * so two bytes more than the limit are enough (it still reads as cut, with or without a CR).
   */
  private lineRoom(bytes: number): number {
    return Math.min(bytes, Math.max(0, MAX_LINE_LENGTH + 2 - this.lineLength));
  }

  /** Copies bytes [start, end) of a chunk, handing over the piece first when they do not fit. */
  private *take(chunk: Uint8Array, start: number, end: number): Generator<Buffer> {
    if (end <= start) return;
    if (this.length + end - start > this.capacity) {
      const full = this.cut();
      if (full) yield full;
      if (this.length + end - start > this.capacity) this.grow(this.length + end - start);
    }
    this.piece.set(chunk.subarray(start, end), this.length);
    this.length += end - start;
  }

  /**
   * Hands over the piece up to its last newline, or up to a line with a header of its own a few lines
   * before (canStartShare: the next piece must not start inside a multi-line daemon message), and starts
   * the next piece with the rest.
   */
  private cut(): Buffer | undefined {
    const lastNewline = this.piece.lastIndexOf(10, this.length - 1);
    if (lastNewline < 0) return undefined;
    let cutAt = lastNewline + 1;
    for (let lines = 0, lineEnd = lastNewline; lines < MAX_START_SEARCH_LINES; lines++) {
      const lineStart = lineEnd > 0 ? this.piece.lastIndexOf(10, lineEnd - 1) + 1 : 0;
      if (lineStart === 0) break;
      if (canStartShare(this.piece, lineStart, lineEnd)) {
        cutAt = lineStart;
        break;
      }
      lineEnd = lineStart - 1;
    }
    const full = this.piece;
    const spare = this.spare.pop();
    this.piece = spare ? Buffer.from(spare) : Buffer.allocUnsafeSlow(this.capacity);
    full.copy(this.piece, 0, cutAt, this.length);
    this.length -= cutAt;
    return full.subarray(0, cutAt);
  }

  /** A piece holding one long line (cut to the limit) and a large chunk: rare, grown once. */
  private grow(size: number): void {
    const larger = Buffer.allocUnsafeSlow(size);
    this.piece.copy(larger, 0, 0, this.length);
    this.piece = larger;
  }
}

/** A stream that fits in one piece, analyzed on this thread. */
function analyzeLogText(bytes: Buffer, options: LogAnalyzerOptions): LogAnalysis {
  const analyzer = new LogAnalyzer(options);
  const splitter = new LineSplitter();
  splitter.push(bytes, analyzer);
  splitter.end(analyzer);
  return analyzer.finish();
}

/** Worker threads analyzing pieces, each share merged in the order of the pieces. */
class PiecePool {
  private readonly idle: Worker[] = [];
  private readonly workers: Worker[] = [];
  private readonly waiting: (() => void)[] = [];
  private readonly pending = new Map<number, LogShare>();
  private readonly merger = new LogShareMerger();
  private readonly inFlight = new Set<Promise<void>>();
  private sent = 0;
  private merged = 0;
  private failure: unknown;

  constructor(
    private readonly jobs: number,
    private readonly options: LogAnalyzerOptions,
    private readonly recycle: (buffer: ArrayBuffer) => void,
  ) {}

  /** Sends a piece to a worker once one is free (waiting holds the stream back: memory stays bounded). */
  async analyze(piece: Buffer): Promise<void> {
    const worker = await this.freeWorker();
    const index = this.sent++;
    const done = new Promise<void>((resolve) => {
      const onMessage = ({ share, piece: returned }: { share: LogShare; piece: ArrayBuffer }) => {
        worker.off('error', onError);
        this.recycle(returned);
        this.pending.set(index, share);
        this.mergeReady();
        this.release(worker);
        resolve();
      };
      const onError = (error: unknown) => {
        worker.off('message', onMessage);
        this.failure ??= error;
        resolve();
      };
      worker.once('message', onMessage);
      worker.once('error', onError);
    });
    this.inFlight.add(done);
    void done.then(() => this.inFlight.delete(done));
    const buffer = piece.buffer as ArrayBuffer;
    const request: StreamPieceRequest = { piece: buffer, length: piece.length, startOfLog: index === 0 };
    // The piece's memory moves to the worker: this thread no longer holds it.
    worker.postMessage(request, [buffer]);
    if (this.failure) throw this.failure;
  }

  async finish(): Promise<LogAnalysis> {
    await Promise.all(this.inFlight);
    if (this.failure) throw this.failure;
    return this.merger.result();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private mergeReady(): void {
    for (let share = this.pending.get(this.merged); share; share = this.pending.get(this.merged)) {
      this.pending.delete(this.merged++);
      this.merger.add(share);
    }
  }

  private async freeWorker(): Promise<Worker> {
    if (this.failure) throw this.failure;
    const idle = this.idle.pop();
    if (idle) return idle;
    if (this.workers.length < this.jobs) {
      const worker = new Worker(new URL('./log-share-worker.js', import.meta.url), {
        workerData: { options: this.options },
        // A piece needs little heap: a small young generation keeps each thread's memory (and RSS) low.
        resourceLimits: { maxYoungGenerationSizeMb: 4 },
      });
      this.workers.push(worker);
      return worker;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
    return this.freeWorker();
  }

  private release(worker: Worker): void {
    this.idle.push(worker);
    this.waiting.shift()?.();
  }
}

const FD_READ_BYTES = 1024 * 1024;

/**
 * The bytes of an open descriptor (the process' stdin) as chunks, read synchronously into one reused
 * buffer: no stream, no buffer allocated per read. Each chunk is valid until the next one is asked for.
 * A descriptor set non-blocking (a pipe Node opened) that has nothing yet is waited for.
 */
export async function* readFdChunks(fd: number): AsyncGenerator<Uint8Array> {
  const buffer = Buffer.allocUnsafeSlow(FD_READ_BYTES);
  for (;;) {
    let bytesRead: number;
    try {
      bytesRead = readSync(fd, buffer, 0, buffer.length, null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      await new Promise((resolve) => setTimeout(resolve, 1));
      continue;
    }
    if (bytesRead === 0) return;
    yield buffer.subarray(0, bytesRead);
  }
}
