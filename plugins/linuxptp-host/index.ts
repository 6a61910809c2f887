import { existsSync } from 'node:fs';
import type { PtpPluginInput } from '../../core/plugins/plugin-schema.js';
import { DEFAULT_HOST_SETTINGS, DEFAULT_PTP4L_CONFIG, type HostSettings } from './host-settings.js';
import { HostSource } from './host-source.js';

/**
 * `host`: the machine ptp-mcp runs on, a plain linuxptp host without Kubernetes. Without a
 * `--ptp4l-config`, Debian's /etc/linuxptp/ptp4l.conf is read when it is there.
 */
export function linuxptpHostPlugin(given: Partial<HostSettings> = {}): PtpPluginInput {
  const settings = { ...DEFAULT_HOST_SETTINGS, ...given };
  return {
    name: 'linuxptp-host',
    sources: [
      {
        name: 'host',
        usage: 'host',
        // Its ptp4l is asked through pmc and its logs are read as they grow: a running deployment.
        capabilities: { live: true, exec: true, workThread: true },
        matches: (spec) => spec === 'host',
        open: () => {
          const ptp4lConfigs =
            settings.ptp4lConfigs.length === 0 && existsSync(DEFAULT_PTP4L_CONFIG)
              ? [DEFAULT_PTP4L_CONFIG]
              : settings.ptp4lConfigs;
          return new HostSource({ ...settings, ptp4lConfigs });
        },
      },
    ],
  };
}
