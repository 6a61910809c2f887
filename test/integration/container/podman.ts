import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from 'vitest';

/** The tools the image test runs; .ci/run installs their Debian packages. */
const TOOLS = ['podman', 'runc', 'mmdebstrap'];

/**
 * describe() for the image test: rootful podman (with runc) builds and runs the image, on a base that
 * mmdebstrap makes. Skipped with a printed reason when a tool is missing or not root; under CI=true it
 * must run (forks on GitHub, whose runner is not root: PTP_MCP_CONTAINER_OPTIONAL=1).
 */
export function containerDescribe(): typeof describe.skip {
  const missing = TOOLS.filter((tool) => spawnSync('which', [tool]).status !== 0);
  if (missing.length === 0 && process.getuid?.() === 0) return describe;
  const why = missing.length
    ? `missing ${missing.join(', ')} (apt-get install podman runc mmdebstrap)`
    : 'rootful podman and mmdebstrap need root';
  if (process.env.CI === 'true' && process.env.PTP_MCP_CONTAINER_OPTIONAL !== '1') {
    throw new Error(`CI=true but the image test cannot run: ${why}`);
  }
  console.warn(`container image tests skipped: ${why}`);
  return describe.skip;
}

/**
 * podman as this machine can run it, with its images, layers and run state in `work` (nothing is left
 * in /var/lib/containers; CI starts clean anyway). Two settings are this sandbox's:
 * - runtime runc: Debian 12's crun 1.8.1 refuses the hybrid cgroup layout (v1 controllers and an empty
 *   cgroup2 at /sys/fs/cgroup/unified): "crun: cgroups in hybrid mode not supported, drop all
 *   controllers from cgroupv2";
 * - ulimits below the hard limits here: podman's defaults (nofile 1048576) are above them, and root
 *   here lacks CAP_SYS_RESOURCE to raise them: "crun: setrlimit `RLIMIT_NOFILE`: Operation not
 *   permitted" (runc: "error setting rlimit type 7").
 */
export function sandboxPodman(work: string) {
  const containersConf = join(work, 'containers.conf');
  const storageConf = join(work, 'storage.conf');
  writeFileSync(
    containersConf,
    '[containers]\ndefault_ulimits = ["nofile=4096:4096", "nproc=4096:4096"]\n[engine]\nruntime = "runc"\n',
  );
  writeFileSync(
    storageConf,
    `[storage]\ndriver = "overlay"\ngraphroot = "${join(work, 'storage')}"\nrunroot = "${join(work, 'run')}"\n`,
  );
  const env = { ...process.env, CONTAINERS_CONF: containersConf, CONTAINERS_STORAGE_CONF: storageConf };
  const exec = (command: string, args: string[], timeout = 240_000) =>
    spawnSync(command, args, { env, encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
  return {
    env,
    /** A command with this podman's environment (scripts that call podman themselves). */
    exec,
    /** podman ARGS, whatever its exit. */
    run: (args: string[]) => exec('podman', args),
    /** podman ARGS' stdout, trimmed; throws with its stderr when it fails. */
    ok(args: string[]): string {
      const result = exec('podman', args);
      if (result.status !== 0)
        throw new Error(
          `podman ${args.join(' ')}: exit ${result.status}\n${result.stderr}${result.error ?? ''}`,
        );
      return result.stdout.trim();
    },
  };
}
