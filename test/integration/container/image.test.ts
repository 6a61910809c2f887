import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { packageRoot } from '../../../core/package-root.js';
import { connect, TOKEN, textOf } from '../mcp/mcp-client.js';
import { containerDescribe, sandboxPodman } from './podman.js';

const BASE = 'localhost/ptp-mcp-base:test';
const IMAGE = 'localhost/ptp-mcp:test';
const CONTAINER = 'ptp-mcp-image-test';

/** Every file under `dir`, relative to it. */
function filesUnder(dir: string, root = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name), root) : [relative(root, join(dir, entry.name))],
  );
}

/** Waits for the server's /healthz; throws with the container's log when it never answers. */
async function untilHealthy(url: string, log: () => string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const up = await fetch(`${url}/healthz`)
      .then((response) => response.ok)
      .catch(() => false);
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the container never answered /healthz:\n${log()}`);
}

/** What `npm pack` ships from the project now (just before the image is built from it). */
function packedFiles(): string[] {
  const packed = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: packageRoot(),
    encoding: 'utf8',
  });
  if (packed.status !== 0) throw new Error(`npm pack --dry-run: ${packed.stderr}`);
  const [manifest] = JSON.parse(packed.stdout) as { files: { path: string }[] }[];
  return manifest!.files.map((file) => file.path);
}

/**
 * The Containerfile, built and run as a user would: `podman build` of the project (after `npm test`'s
 * build) on a base made here from Debian packages and the npm registry's Node (no image registry is
 * reachable here; scripts/container-base.sh), then `podman run --read-only` with the image's own USER,
 * its port published and the token in a mounted file, answering the MCP SDK's client.
 */
containerDescribe()('the container image, built and run with podman', () => {
  let work: string;
  let podman: ReturnType<typeof sandboxPodman>;
  let url: string;
  let packed: string[];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'ptp-mcp-image-'));
    podman = sandboxPodman(work);
    const started = Date.now();
    const base = podman.exec(join(packageRoot(), 'scripts', 'container-base.sh'), [BASE, work]);
    expect(base.status, base.stderr).toBe(0);
    const based = Date.now();
    packed = packedFiles();
    podman.ok(['build', '--quiet', '--build-arg', `BASE=${BASE}`, '--tag', IMAGE, packageRoot()]);
    const built = Date.now();
    writeFileSync(join(work, 'token'), `${TOKEN}\n`, { mode: 0o644 });
    podman.ok([
      'run',
      '--detach',
      '--name',
      CONTAINER,
      '--read-only',
      // As deploy/ runs it: no capabilities, no privilege escalation.
      '--cap-drop=ALL',
      '--security-opt=no-new-privileges',
      '--publish',
      '127.0.0.1::8080',
      '--volume',
      `${join(work, 'token')}:/var/run/secrets/ptp-mcp/token:ro`,
      IMAGE,
      ...['serve', '--http', '--host', '0.0.0.0', '--port', '8080'],
      ...['--token-file', '/var/run/secrets/ptp-mcp/token'],
    ]);
    url = `http://${podman.ok(['port', CONTAINER, '8080/tcp'])}`;
    await untilHealthy(url, () => {
      const logs = podman.run(['logs', CONTAINER]);
      return logs.stdout + logs.stderr;
    });
    console.log(
      `image test: base ${(based - started) / 1000}s, build ${(built - based) / 1000}s, ` +
        `start ${(Date.now() - built) / 1000}s`,
    );
  }, 300_000);

  afterAll(() => {
    if (!podman) return;
    // Images and layers are files of `work` (nothing stays mounted once the container is gone).
    podman.run(['rm', '--force', '--time', '0', CONTAINER]);
    rmSync(work, { recursive: true, force: true });
  });

  it('answers /healthz, and an MCP tool call only with the token of the mounted file', async () => {
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect((await fetch(`${url}/mcp`, { method: 'POST' })).status).toBe(401);
    const client = await connect(url);
    try {
      const result = await client.callTool({ name: 'check_ptp_health', arguments: {} });
      expect(result.isError, textOf(result)).toBeFalsy();
      expect(result.structuredContent).toMatchObject({ cluster: 'CRITICAL' });
    } finally {
      await client.close();
    }
  });

  it("runs the server as the image's non-root USER", () => {
    expect(podman.ok(['image', 'inspect', '--format', '{{.Config.User}}', IMAGE])).toBe('1001');
    // The server's own process, seen from the host: real, effective, saved and file-system UIDs.
    const pid = podman.ok(['inspect', '--format', '{{.State.Pid}}', CONTAINER]);
    expect(readFileSync(`/proc/${pid}/cmdline`, 'utf8')).toContain('ptp-mcp.js\0serve\0--http');
    expect(/^Uid:\s+(.*)$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]?.split(/\s+/)).toEqual([
      '1001',
      '1001',
      '1001',
      '1001',
    ]);
  });

  it('has a read-only root file system: a write fails, even as root; /tmp is writable', () => {
    const write = (user: string, file: string) =>
      podman.run([
        'exec',
        '--user',
        user,
        CONTAINER,
        'node',
        '-e',
        `require('fs').writeFileSync(${JSON.stringify(file)}, 'x')`,
      ]);
    const asServer = write('1001', '/opt/ptp-mcp/dist/bundle/ptp-mcp.js');
    expect(asServer.status).not.toBe(0);
    expect(asServer.stderr).toMatch(/EROFS|EACCES/);
    const asRoot = write('0', '/probe');
    expect(asRoot.status).not.toBe(0);
    expect(asRoot.stderr).toContain('EROFS: read-only file system');
    expect(write('1001', '/tmp/probe').status).toBe(0);
  });

  it('holds exactly what `npm pack` ships and the lockfile’s production dependencies', () => {
    const lock = JSON.parse(readFileSync(join(packageRoot(), 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { dev?: boolean }>;
    };
    const production = Object.keys(lock.packages).filter((name) => name && !lock.packages[name]!.dev);

    const root = podman.ok(['image', 'mount', IMAGE]);
    try {
      const app = join(root, 'opt', 'ptp-mcp');
      const files = filesUnder(app).filter((file) => !file.startsWith('node_modules/'));
      expect(files.sort()).toEqual([...packed, 'package-lock.json'].sort());
      const installed = JSON.parse(readFileSync(join(app, 'node_modules', '.package-lock.json'), 'utf8')) as {
        packages: Record<string, unknown>;
      };
      expect(Object.keys(installed.packages).sort()).toEqual(production.sort());
      for (const name of production) expect(readdirSync(join(app, name))).toContain('package.json');
    } finally {
      podman.run(['image', 'unmount', IMAGE]);
    }
  });
});
