import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuiltCli } from './cli-run.js';

/** `serve --http` on an address it cannot take: one clear line and exit 2, never an internal error. */
describe('serve --http where it cannot listen', () => {
  let taken: Server;
  let port: number;

  beforeAll(async () => {
    taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    port = (taken.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => taken.close(() => resolve())));

  it('a port in use: exit 2 and one line naming the port and what to do', () => {
    const { code, stdout, stderr } = runBuiltCli([
      'serve',
      '--http',
      '--port',
      String(port),
      '--source',
      'demo',
    ]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `ptp-mcp: port ${port} on 127.0.0.1 is in use (another server listens there): stop it, or give another --port (0 picks a free one)\n`,
    );
  });

  it('an address not of this machine: exit 2, one line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ptp-mcp-serve-'));
    const token = join(dir, 'token');
    writeFileSync(token, 'a-token-of-32-characters-or-so-0\n');
    const { code, stderr } = runBuiltCli([
      'serve',
      '--http',
      '--host',
      '192.0.2.1',
      '--port',
      '0',
      '--token-file',
      token,
      '--source',
      'demo',
    ]);
    rmSync(dir, { recursive: true, force: true });
    expect(code).toBe(2);
    expect(stderr).toBe(
      'ptp-mcp: 192.0.2.1 is not an address of this machine: give --host one of its addresses\n',
    );
  });
});
