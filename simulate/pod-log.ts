import type { TextStream } from '../core/sources/raw-cluster.js';

/** The query options of `GET .../pods/{name}/log` the simulator honours, as the API server reads them. */
export interface PodLogQuery {
  timestamps: boolean;
  /** Epoch ms: lines before it are left out (from sinceSeconds or sinceTime). */
  since?: number;
  tailLines?: number;
  limitBytes?: number;
}

const RFC3339_PREFIX = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)) /;
const BATCH_BYTES = 64 * 1024;

/**
 * Streams a recorded pod log as the API server would: the RFC3339 prefix of `oc logs --timestamps` kept
 * or stripped, lines before `since` left out (a line without its own time follows the one before it),
 * the last `tailLines`, at most `limitBytes`. A log recorded without prefixes is served as it is.
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

/** Decides per line, in order: a line without its own time goes with the line before it. */
function lineSelector(query: PodLogQuery): (line: Buffer) => Buffer | undefined {
  let included = true;
  return (line) => {
    const prefix = RFC3339_PREFIX.exec(line.subarray(0, 40).toString('latin1'));
    if (query.since !== undefined) {
      if (prefix) included = Date.parse(prefix[1]!) >= query.since;
      if (!included) return undefined;
    }
    return prefix && !query.timestamps ? line.subarray(prefix[0].length) : line;
  };
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
