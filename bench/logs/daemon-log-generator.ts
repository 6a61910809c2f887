/**
 * Writes a realistic linuxptp-daemon pod log of a T-BC of any size, for the `logs analyze` benchmark: per
 * second, as in the real E810 T-BC logs of the corpus, 16 ptp4l and 16 phc2sys servo lines, a ts2phc line,
 * DPLL and T-BC state lines with Unix seconds, and the daemon's klog chatter; every ten minutes a fault,
 * a holdover and a recovery. Deterministic (no randomness, no clock): the same size gives the same file.
 */
import { createWriteStream } from 'node:fs';

const START_UNIX = 1_763_625_600; // 2025-11-20T08:00:00Z
const BOOT_UNIX = START_UNIX - 1_306_000; // the node booted 15 days before
const PER_SECOND = 16;

function pad(value: number, width: number): string {
  return String(value).padStart(width, ' ');
}

/** C's `%+N.0f`: the sign always written, right-aligned. */
function signed(value: number, width: number): string {
  return `${value < 0 ? '-' : '+'}${Math.abs(value)}`.padStart(width, ' ');
}

function klogTime(unix: number, ms: number): string {
  const d = new Date(unix * 1000 + ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${String(ms * 1000 + 123).padStart(6, '0')}`;
}

/** A small deterministic wobble so numbers vary like a servo's. */
function wobble(i: number, amplitude: number): number {
  return Math.round(Math.sin(i * 0.37) * amplitude + Math.sin(i * 0.11) * amplitude * 0.5);
}

function secondOfLog(second: number): string[] {
  const unix = START_UNIX + second;
  const mono = unix - BOOT_UNIX;
  const lines: string[] = [];
  const cycle = second % 600;
  const faulty = cycle >= 300 && cycle < 360;
  for (let k = 0; k < PER_SECOND; k++) {
    const i = second * PER_SECOND + k;
    const ms = Math.floor((k * 1000) / PER_SECOND);
    const monoText = `${mono}.${String(ms).padStart(3, '0')}`;
    if (!faulty) {
      const offset = wobble(i, 6);
      lines.push(
        `ptp4l[${monoText}]: [ptp4l.1.config:6] master offset ${pad(offset, 10)} s2 freq ${signed(-12450 + wobble(i, 9), 7)} path delay ${pad(1512 + (i % 3), 9)}`,
      );
    }
    const phc = wobble(i + 7, 9);
    lines.push(
      `phc2sys[${mono}.${String(Math.min(999, ms + 17)).padStart(3, '0')}]: [ptp4l.1.config:6] CLOCK_REALTIME phc offset ${pad(phc, 9)} s2 freq ${signed(2730 + wobble(i, 12), 7)} delay ${pad(500 + (i % 7), 6)}`,
    );
  }
  lines.push(
    `ts2phc[${mono}.642]: [ts2phc.1.config:6] /dev/ptp10 offset ${pad(wobble(second, 2), 10)} s2 freq ${signed(wobble(second, 3), 7)}`,
  );
  lines.push(`ts2phc[${mono}.642]: [ts2phc.1.config:7] adding tstamp ${unix}.000000000 to clock /dev/ptp10`);
  const state = faulty ? 's1' : 's2';
  lines.push(
    `dpll[${unix}]:[ts2phc.1.config] ens4f0 frequency_status 3 offset ${wobble(second, 3)} phase_status ${faulty ? 4 : 3} pps_status 1 ${state}`,
  );
  lines.push(
    `dpll[${unix}]:[ts2phc.1.config] ens8f0 frequency_status 3 offset ${wobble(second + 3, 3)} phase_status 3 pps_status 1 s2`,
  );
  lines.push(`T-BC[${unix}]:[ts2phc.1.config] ens4f0 offset ${wobble(second, 4)} T-BC-STATUS ${state}`);
  const klog = (ms: number, where: string, text: string) =>
    `I${klogTime(unix, ms)}  871479 ${where}] ${text}`;
  lines.push(klog(100, 'event_tbc.go:339', `current BC state: ${state}`));
  lines.push(klog(101, 'stats.go:211', `state updated for dpll =${state}`));
  lines.push(klog(102, 'event_tbc.go:254', `Largest offset ${wobble(second, 8)}`));
  lines.push(
    klog(
      150,
      'dpll.go:699',
      'ens4f0 dpll is locked, source is not lost, offset is in range, state is DPLL_LOCKED_HO_ACQ',
    ),
  );
  lines.push(
    klog(
      151,
      'dpll.go:377',
      `setting phase offset to ${wobble(second, 5)} ns for clock id 5799633565433967748 iface ens4f0`,
    ),
  );
  lines.push(
    klog(
      152,
      'dpll.go:790',
      `dpll event sent for (ens4f0): state ${state}, Offset ${wobble(second, 3)}, In spec true, Source ptp4l lost ${faulty}, On holdover ${faulty}`,
    ),
  );
  lines.push(
    klog(153, 'event_tbc.go:211', `Source ${faulty ? '' : 'NOT '}LOST: ptpLost ${faulty}, dpllLost false `),
  );
  if (cycle === 300) {
    lines.push(
      `ptp4l[${mono}.262]: [ptp4l.1.config:3] recvmsg tx timestamp failed: Resource temporarily unavailable`,
    );
    lines.push(
      `ptp4l[${mono}.262]: [ptp4l.1.config:5] port 1 (ens4f1): SLAVE to FAULTY on FAULT_DETECTED (FT_UNSPECIFIED)`,
    );
    lines.push(klog(300, 'event_tbc.go:161', 'BC FSM: LOCKED to HOLDOVER'));
    lines.push(`ptp4l[${unix}]:[ts2phc.1.config] CLOCK_CLASS_CHANGE 135`);
  } else if (cycle === 360) {
    lines.push(
      `ptp4l[${mono}.213]: [ptp4l.1.config:5] port 1 (ens4f1): UNCALIBRATED to SLAVE on MASTER_CLOCK_SELECTED`,
    );
    lines.push(klog(300, 'event_tbc.go:179', 'BC FSM: HOLDOVER to LOCKED'));
    lines.push(`ptp4l[${unix}]:[ts2phc.1.config] CLOCK_CLASS_CHANGE 6`);
  }
  return lines;
}

/** Writes about `targetBytes` of log to `path`; resolves with the bytes and lines written. */
export async function generateDaemonLog(
  path: string,
  targetBytes: number,
): Promise<{ bytes: number; lines: number }> {
  const out = createWriteStream(path);
  let bytes = 0;
  let lines = 0;
  for (let second = 0; bytes < targetBytes; second++) {
    const chunk = `${secondOfLog(second).join('\n')}\n`;
    bytes += Buffer.byteLength(chunk);
    lines += chunk.split('\n').length - 1;
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  return { bytes, lines };
}
