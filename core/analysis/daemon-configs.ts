import type { DaemonConfig } from '../model/log-analysis.js';

/**
 * The command line the daemon logs for each process it starts (daemon.go applyNodePtpProfile), not the
 * later `ptp4l cmd: …` of the process manager, which no print follows.
 */
const STARTED =
  /^(?:\/\S*chrt .*?)?\/usr\/sbin\/(ptp4l|phc2sys|ts2phc|synce4l|chronyd) -f (\/var\/run\/\1\.\d+\.config)\b/;
/** printWhenNotNil's line for a process' config: `<Name>Conf: <first line>`. */
const CONF = /^(Ptp4l|Phc2sys|Ts2Phc|Synce4l|Chronyd)Conf: ?(.*)$/;
/** An `oc logs --timestamps` prefix on a continuation line (the container runtime stamps every line). */
const RUNTIME_STAMP = /^\d{4}-\d\d-\d\dT[\d:.]+(?:Z|[+-]\d\d:\d\d) /;
const CONF_PROCESS: Record<string, string> = {
  Ptp4l: 'ptp4l',
  Phc2sys: 'phc2sys',
  Ts2Phc: 'ts2phc',
  Synce4l: 'synce4l',
  Chronyd: 'chronyd',
};

/**
 * The configs linuxptp-daemon rendered, as its own log prints them, so that a live read needs no exec
 * for them. linuxptp-daemon fd6ff1e pkg/daemon/daemon.go applyNodePtpProfile logs each process'
 * command line (`/usr/sbin/ptp4l -f /var/run/ptp4l.0.config …`), sets the profile's `<Process>Conf` to
 * the rendered text, writes it to that path (os.WriteFile) and then prints the profile (printNodeProfile):
 * the `<Process>Conf:` block of the first print after a command line is the file's content. The other
 * processes' blocks in that print may not be rendered yet and are ignored. A process whose profile sets no
 * `<Process>Conf` (phc2sysConf is often unset) prints none: its file then holds only what the daemon adds
 * (ExtendGlobalSection: message_tag, uds_address), and its text stays null. "in applyNodePTPProfiles"
 * starts a new set: the daemon removes the old files ("Cleaning up temporary files") before writing.
 */
export class DaemonConfigCollector {
  private configs = new Map<string, DaemonConfig>();
  private pending: { process: string; path: string; line: number } | undefined;
  private capture: { config: DaemonConfig; lines: string[] } | undefined;
  /** Between printNodeProfile's two lines of dashes. */
  private inPrint = false;

  /** True while a config block is being read: its lines have no envelope and need their text. */
  get capturing(): boolean {
    return this.capture !== undefined;
  }

  /** A message of the daemon with a klog envelope (its text after the header). */
  message(text: string, line: number): void {
    this.endCapture();
    if (text.startsWith('in applyNodePTPProfiles')) {
      this.configs = new Map();
      this.pending = undefined;
      return;
    }
    const started = STARTED.exec(text);
    if (started) {
      this.pending = { process: started[1]!, path: started[2]!, line };
      // Known to run; its text comes with the next print, if the profile has one.
      if (!this.configs.has(started[2]!))
        this.configs.set(started[2]!, { path: started[2]!, text: null, line });
      return;
    }
    if (text.startsWith('------')) {
      // A print that closes without the pending process' block: its profile sets no config for it.
      if (this.inPrint) this.pending = undefined;
      this.inPrint = !this.inPrint;
      return;
    }
    const conf = CONF.exec(text);
    if (!conf || !this.pending || CONF_PROCESS[conf[1]!] !== this.pending.process) return;
    const config: DaemonConfig = { path: this.pending.path, text: null, line };
    this.capture = { config, lines: [conf[2]!] };
  }

  /** A line of another process: it ends a block being read. */
  otherLine(): void {
    this.endCapture();
  }

  /** A line without an envelope: part of the daemon's message before it. */
  continuation(text: string): void {
    this.capture?.lines.push(text.replace(RUNTIME_STAMP, ''));
  }

  /** The configs of the daemon's last apply, in the order it started their processes. */
  result(): DaemonConfig[] {
    this.endCapture();
    return [...this.configs.values()];
  }

  private endCapture(): void {
    if (!this.capture) return;
    const { config, lines } = this.capture;
    this.capture = undefined;
    config.text = `${lines.join('\n').trimEnd()}\n`;
    // The message_tag the daemon wrote names the file: a block that names another is not this file's.
    const tag = /^message_tag \[([^\]:]+)/m.exec(config.text)?.[1];
    if (tag !== undefined && !config.path.endsWith(`/${tag}`)) return;
    this.configs.set(config.path, config);
  }
}
