import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { walkFolder } from '../../../core/io/folder-walk.js';
import { closeHostileSockets, REFUSED_KINDS, writeHostileInputs } from '../../hostile/hostile-inputs.js';

const root = mkdtempSync(join(tmpdir(), 'ptp-mcp-walk-'));
const at = (...parts: string[]) => join(root, ...parts);

beforeAll(async () => {
  mkdirSync(at('tree', 'sub', 'deeper'), { recursive: true });
  await writeHostileInputs(at('tree', 'sub'), REFUSED_KINDS, '.yaml', 'a: 1\n');
  writeFileSync(at('tree', 'a.yaml'), 'a: 1\n');
  writeFileSync(at('tree', 'sub', 'deeper', 'b.conf'), '[global]\n');
  writeFileSync(at('tree', 'notes.txt'), 'not wanted\n');
  mkdirSync(at('tree', '.git'));
  writeFileSync(at('tree', '.git', 'c.yaml'), 'ignored: true\n');
  // A ConfigMap mount: keys are links to files under ..data; a link up the tree would loop.
  mkdirSync(at('elsewhere'));
  writeFileSync(at('elsewhere', 'linked.yaml'), 'b: 2\n');
  symlinkSync(at('elsewhere', 'linked.yaml'), at('tree', 'linked.yaml'));
  symlinkSync(at('tree'), at('tree', 'sub', 'loop'));
  symlinkSync(at('nowhere.yaml'), at('tree', 'dangling.yaml'));
});
afterAll(() => closeHostileSockets());

describe('walkFolder', () => {
  it('finds the wanted regular files, follows links to files, and names everything it passed over', async () => {
    const walk = await walkFolder(at('tree'), {
      wanted: (name) => /\.(yaml|conf)$/.test(name),
      ignored: (name) => name.startsWith('.'),
    });
    expect(walk.files).toEqual([
      at('tree', 'a.yaml'),
      at('tree', 'linked.yaml'),
      at('tree', 'sub', 'alias-bomb.yaml'),
      at('tree', 'sub', 'deep-nesting.yaml'),
      at('tree', 'sub', 'deeper', 'b.conf'),
      at('tree', 'sub', 'duplicate-keys.yaml'),
      at('tree', 'sub', 'invalid-utf8.yaml'),
      at('tree', 'sub', 'utf16le-bom.yaml'),
    ]);
    expect(walk.warnings).toEqual([
      {
        source: at('tree', 'dangling.yaml'),
        message: 'a link to nothing (or to a place that cannot be reached): not read',
      },
      {
        source: at('tree', 'sub', 'dev-zero.yaml'),
        message: 'a link to a character device, not a regular file: not read',
      },
      {
        source: at('tree', 'sub', 'fifo.yaml'),
        message: 'is a FIFO (named pipe), not a regular file: not read',
      },
      {
        source: at('tree', 'sub', 'loop'),
        message: 'a link to a folder: not followed (name the folder itself to read it)',
      },
      { source: at('tree', 'sub', 'socket.yaml'), message: 'is a socket, not a regular file: not read' },
    ]);
  });

  it('a folder that cannot be listed is a warning', async () => {
    const walk = await walkFolder(at('no-such-folder'), { wanted: () => true });
    expect(walk).toEqual({
      files: [],
      warnings: [{ source: at('no-such-folder'), message: 'cannot list this folder (ENOENT): not read' }],
    });
  });
});
