import type { TextStream } from '../core/sources/raw-cluster.js';

/** The query options of `GET .../pods/{name}/log` the simulator honours, as the API server reads them. */
export interface PodLogQuery {
  timestamps: boolean;
  /** Epoch ms: lines before it are left out (from sinceSeconds or sinceTime). */
  since?: number;
  tailLines?: number;
  limitBytes?: number;
  /** The cluster's now (epoch ms): the year of klog headers. */
  now?: number;
}

const RFC3339_PREFIX = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)) /;
const BATCH_BYTES = 64 * 1024;

/**
 * Streams a recorded pod log as the API server would: with the RFC3339 prefix of `timestamps` (recorded,
 * or the line's time as the runtime would have stamped it) or without, lines before `since` left out,
 * the last `tailLines`, at most `limitBytes`.
 */
export async function* podLog(stream: TextStream, query: PodLogQuery): AsyncGenerator<Buffer> {
  let batch: Buffer[] = [];
  let batchBytes = 0;
  let sent = 0;
  const tail: Buffer[] = [];
  const select = lineSelector(query);
  for await (const line of lines(stream)) {
    const out = select(line);
    if (!out) continue;
    if (query.tailLines !== undefined) {
      tail.push(out);
      if (tail.length > query.tailLines) tail.shift();
      continue;
    }
    batch.push(out);
    batchBytes += out.length;
    if (batchBytes >= BATCH_BYTES) {
      const chunk = limit(Buffer.concat(batch), query.limitBytes, sent);
      sent += chunk.length;
      yield chunk;
      batch = [];
      batchBytes = 0;
      if (query.limitBytes !== undefined && sent >= query.limitBytes) return;
    }
  }
  const rest = limit(Buffer.concat(query.tailLines !== undefined ? tail : batch), query.limitBytes, sent);
  if (rest.length > 0) yield rest;
}

/**
 * Decides per line, in order, from the time the container runtime would have recorded for it: its
 * RFC3339 prefix; else a klog header (the year of `now`) or a daemon line's Unix seconds; else the
 * monotonic seconds of a linuxptp line, placed by the dated lines before it (at or after the last).
 */
function lineSelector(query: PodLogQuery): (line: Buffer) => Buffer | undefined {
  let included = true;
  const year = new Date(query.now ?? 0).getUTCFullYear();
  let lastWall: number | undefined;
  /** wall − mono, the largest the dated lines allow: a linuxptp line comes after the dated line before it. */
  let offset: number | undefined;
  const timeOf = (head: string): number | undefined => {
    const prefix = RFC3339_PREFIX.exec(head);
    const wall = prefix ? Date.parse(prefix[1]!) : (klogTime(head, year) ?? daemonSeconds(head));
    if (wall !== undefined) {
      lastWall = wall;
      return wall;
    }
    const mono = MONO.exec(head);
    if (!mono) return undefined;
    const ms = Number(mono[1]) * 1000;
    if (lastWall !== undefined) offset = Math.max(offset ?? -Infinity, lastWall - ms);
    return offset === undefined ? undefined : ms + offset;
  };
  return (line) => {
    const head = line.subarray(0, 80).toString('latin1');
    const time = timeOf(head);
    if (query.since !== undefined) {
      if (time !== undefined) included = time >= query.since;
      if (!included) return undefined;
    }
    const prefix = RFC3339_PREFIX.exec(head);
    if (prefix) return query.timestamps ? line : line.subarray(prefix[0].length);
    // A log recorded without prefixes gets the times the runtime would have written, where they are known.
    return query.timestamps && time !== undefined
      ? Buffer.concat([Buffer.from(`${new Date(time).toISOString()} `), line])
      : line;
  };
}

/** `ptp4l[2386049.528]: ` after an optional RFC3339 prefix. */
const MONO = /^(?:\S+ )?[A-Za-z0-9_-]+\[(\d+\.\d+)\]:/;
/** The daemon's own `GM[1795161899]:` lines carry Unix seconds. */
const DAEMON_SECONDS = /^[A-Za-z0-9_-]+\[(1\d{9})\]:/;

function daemonSeconds(head: string): number | undefined {
  const match = DAEMON_SECONDS.exec(head);
  return match ? Number(match[1]) * 1000 : undefined;
}

const KLOG_HEADER = /^[IWEF](\d\d)(\d\d) (\d\d):(\d\d):(\d\d)\.(\d{6}) /;

function klogTime(head: string, year: number): number | undefined {
  const match = KLOG_HEADER.exec(head);
  if (!match) return undefined;
  const [, month, day, hour, minute, second, micros] = match.map(Number) as number[];
  return Date.UTC(year, month! - 1, day, hour, minute, second, Math.floor(micros! / 1000));
}

function limit(chunk: Buffer, limitBytes: number | undefined, sent: number): Buffer {
  return limitBytes === undefined ? chunk : chunk.subarray(0, Math.max(0, limitBytes - sent));
}

/** The lines of a byte stream, each with its newline. */
async function* lines(stream: TextStream): AsyncGenerator<Buffer> {
  let carry: Buffer = Buffer.alloc(0);
  for await (const piece of stream.open()) {
    const chunk = carry.length > 0 ? Buffer.concat([carry, piece]) : Buffer.from(piece);
    let start = 0;
    for (let end = chunk.indexOf(10, start); end >= 0; end = chunk.indexOf(10, start)) {
      yield chunk.subarray(start, end + 1);
      start = end + 1;
    }
    carry = chunk.subarray(start);
  }
  if (carry.length > 0) yield carry;
}

const CACHED_LOG_BYTES = 8 * 1024 * 1024;

/**
 * Whole logs as served, kept for the next request of the same file and form: the nodes of a simulated
 * fleet share their snapshot's files, and stamping a log costs more than sending it.
 */
export class PodLogCache {
  private readonly logs = new Map<string, Buffer>();

  async *serve(stream: TextStream, query: PodLogQuery): AsyncGenerator<Buffer> {
    const whole =
      query.since === undefined && query.tailLines === undefined && query.limitBytes === undefined;
    const key = `${stream.name}|${query.timestamps}`;
    const cached = whole ? this.logs.get(key) : undefined;
    if (cached) {
      yield cached;
      return;
    }
    const kept: Buffer[] = [];
    let size = 0;
    for await (const chunk of podLog(stream, query)) {
      if (whole && size < CACHED_LOG_BYTES) kept.push(chunk);
      size += chunk.length;
      yield chunk;
    }
    if (whole && size < CACHED_LOG_BYTES) this.logs.set(key, Buffer.concat(kept));
  }
}
