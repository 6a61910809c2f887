/** What `--source host` reads on the machine it runs on (the CLI's host options; docs: README, "Plain linuxptp hosts"). */
export interface HostSettings {
  /** The node's name; the machine's hostname when not given. */
  nodeName?: string;
  /** ptp4l configs: each is one ptp4l process of the node. */
  ptp4lConfigs: string[];
  phc2sysConfigs: string[];
  ts2phcConfigs: string[];
  /** Log files: `ptp4l -m`/`phc2sys -m`/`ts2phc -m` output, syslog or `journalctl -o short-iso` output. */
  logs: string[];
  /** Units to read with journalctl (none: the journal is not read). */
  journalUnits: string[];
}

export const DEFAULT_HOST_SETTINGS: HostSettings = {
  ptp4lConfigs: [],
  phc2sysConfigs: [],
  ts2phcConfigs: [],
  logs: [],
  journalUnits: [],
};

/** `--journal` without `--journal-unit`: the units of Debian's and Fedora's linuxptp packages. */
export const DEFAULT_JOURNAL_UNITS = ['ptp4l', 'phc2sys', 'ts2phc'];

/** Debian's ptp4l.service reads this config: the one to use when none is named. */
export const DEFAULT_PTP4L_CONFIG = '/etc/linuxptp/ptp4l.conf';
