import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLintInputs } from '../../../core/lint/lint-inputs.js';
import { readSuppressionsFile } from '../../../core/lint/suppressions.js';
import { isIntentPackFile, loadIntents } from '../../../core/nlq/intent-loader.js';
import { PackCache } from '../../../core/rules/pack-cache.js';
import { PackError } from '../../../core/rules/pack-error.js';
import { loadPack } from '../../../core/rules/pack-loader.js';
import { runPackTestFile } from '../../../core/rules/pack-tests.js';
import { CliError } from '../../../transports/cli/cli-error.js';
import { readTokenFile } from '../../../transports/cli/token-file.js';
import {
  REFUSED_KINDS as ALL,
  closeHostileSockets,
  type RefusedKind,
  UNREADABLE_KINDS,
  writeHostileInputs,
} from '../../hostile/hostile-inputs.js';
import { refusal } from '../../hostile/hostile-messages.js';

const dir = mkdtempSync(join(tmpdir(), 'ptp-mcp-readers-'));
/** What the text variants derive from: a PtpConfig's first lines. */
const BASE = 'apiVersion: ptp.openshift.io/v1\nkind: PtpConfig\n';
let unsafe: Record<RefusedKind, string>;
beforeAll(async () => {
  unsafe = await writeHostileInputs(dir, ALL, '.yaml', BASE);
});
afterAll(() => closeHostileSockets());

const located = (e: { source: string; line?: number; message: string }) =>
  `${e.source}${e.line !== undefined ? `:${e.line}` : ''}: ${e.message}`;

/** What each reader says of a file it refuses, as the one line a user sees. */
async function packRefusal(read: () => unknown): Promise<string> {
  try {
    await read();
  } catch (error) {
    if (error instanceof PackError) return error.message;
    throw error;
  }
  return 'read without a word';
}

const READERS: Record<string, { refuse: (path: string) => Promise<string>; kinds: readonly RefusedKind[] }> =
  {
    // A folder named to lint is walked, not refused.
    'lint inputs': {
      refuse: async (path) => (await readLintInputs([path])).errors.map(located).join('; '),
      kinds: ALL.filter((kind) => kind !== 'folder'),
    },
    '--suppressions': {
      refuse: async (path) => readSuppressionsFile(path).errors.map(located).join('; '),
      kinds: ALL,
    },
    'rule pack': {
      refuse: (path) => packRefusal(() => loadPack(path)),
      kinds: ALL,
    },
    'intent pack': {
      refuse: (path) => packRefusal(() => loadIntents([path])),
      kinds: ALL,
    },
    'pack test': {
      refuse: (path) =>
        packRefusal(() => runPackTestFile(path, new PackCache(), () => Promise.reject(new Error('unused')))),
      kinds: ALL,
    },
    'token file': {
      refuse: async (path) => {
        try {
          readTokenFile(path, 'token-file');
          return 'read without a word';
        } catch (error) {
          if (error instanceof CliError) return error.message;
          throw error;
        }
      },
      kinds: [...UNREADABLE_KINDS, 'utf16le-bom', 'invalid-utf8'],
    },
  };

describe.each(Object.entries(READERS))('%s', (_name, reader) => {
  it.each(reader.kinds.map((kind) => [kind]))('refuses %s, naming the file', async (kind) => {
    const path = unsafe[kind as RefusedKind];
    const said = await reader.refuse(path);
    expect(said).toContain(path);
    expect(said).toMatch(refusal(kind as RefusedKind, BASE));
  });
});

describe('isIntentPackFile', () => {
  it.each(UNREADABLE_KINDS.map((kind) => [kind]))('is false for %s, without reading it', (kind) => {
    expect(isIntentPackFile(unsafe[kind])).toBe(false);
  });
});

describe('caps name the kind of file', () => {
  it('a token file over 64 KB', () => {
    const big = join(dir, 'big-token');
    writeFileSync(big, 'x'.repeat(100 * 1024));
    expect(() => readTokenFile(big, 'token-file')).toThrow(
      `--token-file ${big}: larger than a token file can be (64 KB): not read (it is 100 KB)`,
    );
  });
});

describe('a file of several YAML documents with a bad one', () => {
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('lint reads the good PtpConfig and names the bad document at its line', async () => {
    const good = readFileSync('fixtures/lint/good/t-tsc-g8275.1.yaml', 'utf8');
    const text = `${good}---\nkind: PtpConfig\nkind: again\n`;
    const line = text.split('\n').indexOf('kind: again') + 1;
    const path = file('multi.yaml', text);
    const inputs = await readLintInputs([path]);
    expect(inputs.profiles.length).toBeGreaterThan(0);
    expect(inputs.errors.map(located)).toEqual([
      `${path}:${line}: duplicate key "kind" (first at line ${line - 1}) (column 1)`,
    ]);
  });

  it('a pack is one document: a second one is refused where it starts', async () => {
    const path = file('two.yaml', 'apiVersion: ptp-mcp/v1\n---\nkind: RulePack\n');
    expect(await packRefusal(() => loadPack(path))).toBe(
      `${path}:2:1: a rule pack is one YAML document; another starts here`,
    );
  });
});
