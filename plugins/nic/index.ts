import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../core/package-root.js';
import type { PtpPluginInput } from '../../core/plugins/plugin-schema.js';

/** The NIC families ptp-mcp knows, as data: one `kind: NicProfiles` file per vendor in vendors/. */
export function nicPlugin(): PtpPluginInput {
  const dir = join(packageRoot(), 'plugins', 'nic', 'vendors');
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => join(dir, name));
  return { name: 'nic', nicProfiles: files };
}
