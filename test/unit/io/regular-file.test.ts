import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FileReadError,
  openRegularFileSync,
  readRegularFile,
  readRegularFileSync,
} from '../../../core/io/regular-file.js';

const dir = mkdtempSync(join(tmpdir(), 'ptp-mcp-io-'));
const path = (name: string) => join(dir, name);
let socketServer: Server;

beforeAll(async () => {
  writeFileSync(path('ok.conf'), '[global]\ndomainNumber 24\n');
  writeFileSync(path('big.conf'), 'x'.repeat(1000));
  execFileSync('mkfifo', [path('fifo')]);
  symlinkSync('/dev/zero', path('zero-link'));
  mkdirSync(path('folder'));
  socketServer = createServer();
  await new Promise<void>((resolve) => socketServer.listen(path('sock'), resolve));
});
afterAll(() => new Promise<void>((resolve) => socketServer.close(() => resolve())));

const readers = {
  sync: (file: string, max: number, what?: string) =>
    Promise.resolve().then(() => readRegularFileSync(file, max, what)),
  async: readRegularFile,
};

describe.each(Object.entries(readers))('%s reader', (_name, read) => {
  it('reads a regular file', async () => {
    expect((await read(path('ok.conf'), 100)).toString()).toBe('[global]\ndomainNumber 24\n');
  });

  it.each([
    ['fifo', 'is a FIFO (named pipe), not a regular file'],
    ['zero-link', 'is a character device, not a regular file'],
    ['folder', 'is a folder, not a regular file'],
    ['sock', 'is a socket, not a regular file'],
    ['missing', 'no such file'],
  ])('refuses %s at once, naming the file', async (name, reason) => {
    const failure = await read(path(name), 1024).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(FileReadError);
    expect((failure as FileReadError).message).toBe(
      `${path(name)}: ${reason}${reason.startsWith('is') ? ': not read' : ''}`,
    );
  });

  it('names the kind of file a cap is for, and the size stat tells of a regular file', async () => {
    await expect(read(path('big.conf'), 512, 'a token file')).rejects.toThrow(
      `${path('big.conf')}: larger than a token file can be (512 bytes): not read (it is 1000 bytes)`,
    );
  });

  it('caps the bytes actually read, not the size stat reports (0 for /proc files)', async () => {
    await expect(read('/proc/self/maps', 10)).rejects.toThrow(
      '/proc/self/maps: larger than 10 bytes: not read',
    );
  });

  it('caps the bytes actually read: the cap itself passes, one byte more does not', async () => {
    expect((await read(path('big.conf'), 1000)).length).toBe(1000);
    await expect(read(path('big.conf'), 999)).rejects.toThrow(
      `${path('big.conf')}: larger than 999 bytes: not read`,
    );
  });
});

describe('openRegularFileSync', () => {
  it('gives the descriptor and the size of a regular file', () => {
    const { size } = openRegularFileSync(path('big.conf'));
    expect(size).toBe(1000);
  });
});
