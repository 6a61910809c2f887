import { spawnSync } from 'node:child_process';
import { describe } from 'vitest';

/**
 * describe() for the PTP lab: real linuxptp in veth pairs and network namespaces, which needs `tools` on
 * the PATH and root. Skipped with a printed reason elsewhere; .ci/run installs linuxptp and iproute2 and
 * runs as root, so under CI=true the lab must run (forks on GitHub: PTP_MCP_LAB_OPTIONAL=1).
 */
export function labDescribe(tools: string[]): typeof describe.skip {
  const missing = tools.filter((tool) => spawnSync('which', [tool]).status !== 0);
  if (missing.length === 0 && process.getuid?.() === 0) return describe;
  const why = missing.length
    ? `missing ${missing.join(', ')}`
    : 'veth interfaces and network namespaces need root';
  if (process.env.CI === 'true' && process.env.PTP_MCP_LAB_OPTIONAL !== '1') {
    throw new Error(`CI=true but the PTP lab cannot run: ${why}`);
  }
  console.warn(`PTP lab tests skipped: ${why}`);
  return describe.skip;
}
