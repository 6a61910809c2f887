import { existsSync } from 'node:fs';
import type { SourcePlugin } from '../../core/sources/raw-cluster.js';
import { DEFAULT_PTP4L_CONFIG, type HostSettings } from './host-settings.js';
import { HostSource } from './host-source.js';

/**
 * `host`: the machine ptp-mcp runs on, a plain linuxptp host without Kubernetes. Without a
 * `--ptp4l-config`, Debian's /etc/linuxptp/ptp4l.conf is read when it is there.
 */
export function linuxptpHostPlugin(settings: HostSettings): SourcePlugin {
  return {
    name: 'linuxptp-host',
    usage: 'host',
    matches: (spec) => spec === 'host',
    open: () => {
      const ptp4lConfigs =
        settings.ptp4lConfigs.length === 0 && existsSync(DEFAULT_PTP4L_CONFIG)
          ? [DEFAULT_PTP4L_CONFIG]
          : settings.ptp4lConfigs;
      return new HostSource({ ...settings, ptp4lConfigs });
    },
  };
}
