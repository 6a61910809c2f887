import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../package-root.js';

/**
 * The JavaScript side of the line reader in WebAssembly (assembly/index.ts, built to line-scan.wasm): it
 * copies a window of a block of lines into the module's memory, and hands out the records the module
 * wrote as one typed array per field, views on that memory.
 */

/** Record kinds, as assembly/layout.ts numbers them. */
export const SERVO_RECORD = 0;
export const KLOG_RECORD = 1;
export const STATE_RECORD = 2;
export const NOTICE_RECORD = 3;
export const DPLL_RECORD = 4;
export const PLAIN_RECORD = 5;
export const BLANK_RECORD = 6;
export const HOLDOVER_RECORD = 7;
export const MESSAGE_RECORD = 8;
export const RMS_RECORD = 9;
export const GM_STATE_RECORD = 10;
export const COUNT_RECORD = 11;
/** The notice code of each NOTICE_RECORD state (assembly/ts2phc-notice.ts). */
export const NOTICE_CODES = ['timestampAdded', 'nmeaDelay', 'exttsSkipped'] as const;

/** The process of each kind of name (assembly/names.ts); the last kind names an interface. */
const NAME_KINDS = ['ptp4l', 'phc2sys', 'ts2phc', 'dpll', 'T-BC', 'GM', 'gnss', 'ts2phc', 'interface'];
const STOP_OTHER_LINE = 2;
const STOP_CUT_LINE = 3;

/** What this file uses of the WebAssembly API, which TypeScript declares only with the DOM. */
interface WebAssemblyApi {
  Module: new (code: Uint8Array) => object;
  Instance: new (module: object) => { exports: unknown };
}
const { Module, Instance } = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;

interface LineScanExports {
  memory: { buffer: ArrayBuffer };
  init(): void;
  inputAddress(): number;
  scan(from: number, length: number, whole: number): number;
  stoppedBy(): number;
  recordsWritten(): number;
  namesKnown(): number;
  forgetNames(): void;
  INPUT_CAPACITY: { value: number };
  MAX_RECORDS: { value: number };
  RECORDS: { value: number };
  NAMES: { value: number };
  NAME_SIZE: { value: number };
}

let compiled: object | undefined;

function lineScanModule(): object {
  if (!compiled) {
    const path = join(packageRoot(), 'dist', 'core', 'parsers', 'log', 'line-scan.wasm');
    let code: Buffer;
    try {
      code = readFileSync(path);
    } catch {
      throw new Error(`${path} is missing: run \`npm run build\``);
    }
    compiled = new Module(code);
  }
  return compiled;
}

/** A name of the module's table: a process instance (process and config tag) or an interface. */
export interface ScannedName {
  process: string;
  /** The config tag, or the interface; null for a process line without a tag. */
  text: string | null;
}

export class LineScanner {
  // The records of the last scan(), field by field (see writeRecord in assembly/layout.ts).
  /** Monotonic seconds of a servo or notice line. */
  readonly mono: Float64Array;
  /** The time (ms) of the line's `oc logs --timestamps` prefix; NaN without one. */
  readonly wall: Float64Array;
  readonly offset: Float64Array;
  readonly freq: Float64Array;
  /** klog and DPLL event: ms of the day; state line: Unix seconds. */
  readonly time: Float64Array;
  readonly kind: Int32Array;
  /** See nameOf(): the process instance of a servo, state or notice line; a DPLL event's interface. */
  readonly name: Int32Array;
  /** Servo state 0..3 (s0..s3); the state 0..2 of a daemon state line or a DPLL event. */
  readonly state: Int32Array;
  /** klog and DPLL event: month × 256 + day; state line: the name of its interface. */
  readonly aux: Int32Array;
  /** DPLL event: in spec × 4 + source lost × 2 + on holdover. */
  readonly flags: Int32Array;
  /** Where the record's line starts and ends (without CR/LF) in the window; add windowStart. */
  readonly lineStart: Int32Array;
  readonly lineEnd: Int32Array;
  /** Records written by the last scan(). */
  count = 0;
  /** The line where the last scan() stopped has another shape: the caller reads it its own way. */
  stoppedAtOtherLine = false;
  /** Where in the caller's bytes the window starts. */
  windowStart = 0;

  private readonly wasm: LineScanExports;
  private readonly memory: Uint8Array;
  private readonly names: ScannedName[] = [];
  private windowBytes: Uint8Array | undefined;
  private windowEnd = 0;
  private windowWhole = false;

  constructor() {
    this.wasm = new Instance(lineScanModule()).exports as LineScanExports;
    this.wasm.init();
    const buffer = this.wasm.memory.buffer;
    this.memory = new Uint8Array(buffer);
    const records = this.wasm.RECORDS.value;
    const max = this.wasm.MAX_RECORDS.value;
    const f64 = (index: number) => new Float64Array(buffer, records + index * max * 8, max);
    const i32 = (index: number) => new Int32Array(buffer, records + 5 * max * 8 + index * max * 4, max);
    [this.mono, this.wall, this.offset, this.freq, this.time] = [0, 1, 2, 3, 4].map(f64) as [
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
    ];
    [this.kind, this.name, this.state, this.aux, this.flags, this.lineStart, this.lineEnd] = [
      0, 1, 2, 3, 4, 5, 6,
    ].map(i32) as [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array];
  }

  /** Forgets the window: the next block may come in a reused buffer. */
  newBlock(): void {
    this.windowBytes = undefined;
  }

  /**
   * Reads the lines of bytes[start, end) (whole lines) from `start` into `count` records, up to the first
   * line of another shape, the end, or a full record table; returns where it stopped.
   */
  scan(bytes: Uint8Array, start: number, end: number): number {
    if (bytes !== this.windowBytes || start < this.windowStart || start >= this.windowEnd) {
      this.load(bytes, start, end);
    }
    const length = this.windowEnd - this.windowStart;
    const reached =
      this.windowStart + this.wasm.scan(start - this.windowStart, length, this.windowWhole ? 1 : 0);
    this.count = this.wasm.recordsWritten();
    const stop = this.wasm.stoppedBy();
    // A line cut by the window's end: the next call loads a window from it, unless it is longer than one.
    const cut = stop === STOP_CUT_LINE;
    if (cut) this.windowBytes = undefined;
    this.stoppedAtOtherLine = stop === STOP_OTHER_LINE || (cut && reached === this.windowStart);
    return reached;
  }

  /** Starts on another log: its names are numbered anew (the table holds 128). */
  forgetNames(): void {
    this.wasm.forgetNames();
    this.names.length = 0;
  }

  /** A name of the module's table, decoded once (names are ASCII). */
  nameOf(index: number): ScannedName {
    const known = this.names[index];
    if (known) return known;
    const entry = this.wasm.NAMES.value + index * this.wasm.NAME_SIZE.value;
    const view = new DataView(this.memory.buffer);
    const length = view.getInt32(entry + 4, true);
    const name: ScannedName = {
      process: NAME_KINDS[view.getInt32(entry, true)]!,
      text: length < 0 ? null : Buffer.from(this.memory.buffer, entry + 8, length).toString('latin1'),
    };
    this.names[index] = name;
    return name;
  }

  private load(bytes: Uint8Array, start: number, end: number): void {
    const windowEnd = Math.min(end, start + this.wasm.INPUT_CAPACITY.value);
    const input = this.wasm.inputAddress();
    this.memory.set(bytes.subarray(start, windowEnd), input);
    // A newline after the window: the readers' 8-byte compares past a line's end never meet older bytes.
    this.memory[input + windowEnd - start] = 10;
    this.windowBytes = bytes;
    this.windowStart = start;
    this.windowEnd = windowEnd;
    this.windowWhole = windowEnd === end;
  }
}
