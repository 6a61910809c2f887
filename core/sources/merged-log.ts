import type { TextStream } from './raw-cluster.js';

/** Monotonic seconds and the wall time (epoch ms) of the same instant on the host that wrote the logs. */
export interface MonoAnchor {
  mono: number;
  wallMs: number;
}

/** A line's time as its prefix gives it: a full date, or linuxptp's CLOCK_MONOTONIC seconds. */
interface LineTime {
  wall?: number;
  mono?: number;
}

/** `journalctl -o short-iso` and RFC 3339 prefixes (`+0000` or `+00:00`). */
const ISO_PREFIX = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?)(Z|[+-]\d\d:?\d\d)?\s/;
/** `ptp4l[1306902.532]:` (`-m`) or `ptp4l: [1306902.532]` (syslog): linuxptp print.c. */
const MONO_STAMP = /\[(\d+\.\d+)\]/;
/** A line longer than this without a newline is passed on as it is (the analyzer cuts long lines). */
const MAX_PENDING_BYTES = 1024 * 1024;
const OUT_CHUNK_BYTES = 256 * 1024;

/**
 * Several logs of one host (ptp4l, phc2sys and ts2phc output, the journal) as one, their lines interleaved
 * in time order: the analysis reads one log per node and takes a monotonic clock going back for a reboot.
 * A line's time is its date, or its monotonic seconds (dated by the anchor when there is one); a line
 * without either keeps the time of the line before it in its own log. Lines whose times cannot be compared
 * (monotonic against dated, without an anchor) come in the order the logs were given.
 */
export function mergedLogStream(
  name: string,
  streams: readonly TextStream[],
  anchor?: MonoAnchor,
): TextStream {
  if (streams.length === 1) return streams[0]!;
  return { name, open: () => merge(streams, anchor) };
}

/** A line's time (exported for tests). */
export function lineTime(line: string, anchor?: MonoAnchor): LineTime | undefined {
  const iso = ISO_PREFIX.exec(line);
  if (iso) {
    const zone =
      iso[2] === undefined ? 'Z' : iso[2].length === 5 ? `${iso[2].slice(0, 3)}:${iso[2].slice(3)}` : iso[2];
    const wall = Date.parse(`${iso[1]}${zone}`);
    if (!Number.isNaN(wall)) return { wall };
  }
  const mono = MONO_STAMP.exec(line.slice(0, 200));
  if (!mono) return undefined;
  const seconds = Number(mono[1]);
  return anchor ? { wall: anchor.wallMs + (seconds - anchor.mono) * 1000, mono: seconds } : { mono: seconds };
}

/** Whether `a` comes before `b`; undefined when they cannot be compared. */
function before(a: LineTime | undefined, b: LineTime | undefined): boolean | undefined {
  if (a?.wall !== undefined && b?.wall !== undefined) return a.wall < b.wall;
  if (a?.mono !== undefined && b?.mono !== undefined) return a.mono < b.mono;
  return undefined;
}

async function* merge(streams: readonly TextStream[], anchor?: MonoAnchor): AsyncGenerator<Buffer> {
  const readers = streams.map((stream) => lineReader(stream));
  const heads: ({ line: Buffer; time: LineTime | undefined } | undefined)[] = [];
  const last: (LineTime | undefined)[] = streams.map(() => undefined);
  const advance = async (i: number) => {
    const next = await readers[i]!.next();
    if (next.done) {
      heads[i] = undefined;
      return;
    }
    const time =
      lineTime(next.value.toString('latin1', 0, Math.min(next.value.length, 200)), anchor) ?? last[i];
    last[i] = time;
    heads[i] = { line: next.value, time };
  };
  await Promise.all(streams.map((_, i) => advance(i)));
  let out: Buffer[] = [];
  let outBytes = 0;
  for (;;) {
    let pick = -1;
    for (let i = 0; i < heads.length; i++) {
      if (!heads[i]) continue;
      // The earliest comparable line; the log given first when they cannot be compared.
      if (pick < 0 || before(heads[i]!.time, heads[pick]!.time) === true) pick = i;
    }
    if (pick < 0) break;
    out.push(heads[pick]!.line);
    outBytes += heads[pick]!.line.length;
    if (outBytes >= OUT_CHUNK_BYTES) {
      yield Buffer.concat(out);
      out = [];
      outBytes = 0;
    }
    await advance(pick);
  }
  if (out.length > 0) yield Buffer.concat(out);
}

/** The lines of a stream, each with its newline (one is added to a last line without). */
async function* lineReader(stream: TextStream): AsyncGenerator<Buffer> {
  let pending = Buffer.alloc(0);
  for await (const chunk of stream.open()) {
    let data = pending.length > 0 ? Buffer.concat([pending, Buffer.from(chunk)]) : Buffer.from(chunk);
    let start = 0;
    for (let end = data.indexOf(10, start); end >= 0; end = data.indexOf(10, start)) {
      yield data.subarray(start, end + 1);
      start = end + 1;
    }
    data = data.subarray(start);
    if (data.length > MAX_PENDING_BYTES) {
      yield data;
      data = Buffer.alloc(0);
    }
    pending = data;
  }
  if (pending.length > 0) yield Buffer.concat([pending, Buffer.from('\n')]);
}
