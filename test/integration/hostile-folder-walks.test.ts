import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as hostile from '../hostile/hostile-inputs.js';
import { runBuiltCli } from './cli-run.js';

/**
 * Issue 10: inside a folder walk a special file is a warning naming it and the rest is read. The one
 * hostile file per folder of each kind is in hostile-inputs.test.ts; these are folders of many at once,
 * links that loop, and walks of pack tests (runBuiltCli gives up after 60 s: a hang fails).
 */
const dir = mkdtempSync(join(tmpdir(), 'ptp-mcp-walks-'));
const GOOD_CONFIG = 'fixtures/lint/good/t-tsc-g8275.1.yaml';
const BASE = 'apiVersion: ptp.openshift.io/v1\nkind: PtpConfig\n';
const SPECIAL = ['dev-zero', 'fifo', 'socket'] as const;
let walk: Record<hostile.RefusedKind, string>;

beforeAll(async () => {
  mkdirSync(join(dir, 'walk'));
  walk = await hostile.writeHostileInputs(join(dir, 'walk'), hostile.REFUSED_KINDS, '.yaml', BASE);
  copyFileSync(GOOD_CONFIG, join(dir, 'walk', 'good.yaml'));
  // A folder of pack tests: one that runs, a link to /dev/zero, a FIFO and a link back up (a loop).
  mkdirSync(join(dir, 'walk-tests'));
  copyFileSync('rules/tests/itu-t-g8275.2.test.yaml', join(dir, 'walk-tests', 'good.test.yaml'));
  await hostile.writeHostileInputs(join(dir, 'walk-tests'), ['dev-zero', 'fifo'], '.test.yaml');
  symlinkSync(dir, join(dir, 'walk-tests', 'loop'));
});
afterAll(async () => {
  await hostile.closeHostileSockets();
  rmSync(dir, { recursive: true, force: true });
});

describe('folder walks pass over special files with a warning naming each, and read the rest', () => {
  it('lint FOLDER: the broken YAML files are errors (exit 2), the special files warnings, the good one linted', () => {
    const { code, stdout, stderr } = runBuiltCli(['lint', join(dir, 'walk'), '--format', 'json']);
    expect(code).toBe(2);
    expect(SPECIAL.map((kind) => stderr.includes(`ptp-mcp: warning: ${walk[kind]}: `))).toEqual([
      true,
      true,
      true,
    ]);
    const result = JSON.parse(stdout) as {
      files: { path: string }[];
      errors: { source: string }[];
      warnings: { source: string; message: string }[];
    };
    expect(result.files.map((f) => f.path)).toEqual([join(dir, 'walk', 'good.yaml')]);
    expect(result.errors.map((e) => e.source).sort()).toEqual(
      hostile.BROKEN_YAML_KINDS.map((kind) => walk[kind]).sort(),
    );
    expect(result.warnings).toHaveLength(3);
  });

  it('lint FOLDER with only special files beside a good config: warnings, and the exit of the findings', async () => {
    const only = join(dir, 'only-special');
    mkdirSync(only);
    copyFileSync(GOOD_CONFIG, join(only, 'good.yaml'));
    await hostile.writeHostileInput(join(only, 'zero.yaml'), 'dev-zero');
    symlinkSync(only, join(only, 'loop'));
    const { code, stderr } = runBuiltCli(['lint', only]);
    expect(code).toBe(0);
    expect(stderr).toContain(`ptp-mcp: warning: ${join(only, 'zero.yaml')}: a link to a character device`);
    expect(stderr).toContain(`ptp-mcp: warning: ${join(only, 'loop')}: a link to a folder: not followed`);
  });

  it('rules test FOLDER: the special entries are warnings, the good test file runs', () => {
    const tests = join(dir, 'walk-tests');
    const { code, stdout, stderr } = runBuiltCli(['rules', 'test', tests]);
    expect(code).toBe(0);
    expect(stdout).toContain('good.test.yaml');
    expect(stderr.split('\n').filter(Boolean)).toEqual([
      `ptp-mcp: warning: ${join(tests, 'dev-zero.test.yaml')}: a link to a character device, not a regular file: not read`,
      `ptp-mcp: warning: ${join(tests, 'fifo.test.yaml')}: is a FIFO (named pipe), not a regular file: not read`,
      `ptp-mcp: warning: ${join(tests, 'loop')}: a link to a folder: not followed (name the folder itself to read it)`,
    ]);
  });
});
