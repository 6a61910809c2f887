import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkGoldenFiles } from '../../golden/golden-files.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ptp-mcp-golden-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const tool = { name: 'diagnose', description: 'state of every node' };

describe('golden files, one per tool', () => {
  it('under CI=true a missing golden file fails and is not written', () => {
    const { problems, written } = checkGoldenFiles(dir, { diagnose: tool }, { CI: 'true' });
    expect(problems).toEqual([expect.stringMatching(/^diagnose: has no golden file .*diagnose\.json/)]);
    expect(written).toEqual([]);
    expect(existsSync(join(dir, 'diagnose.json'))).toBe(false);
  });

  it('outside CI a missing golden file is written, then matches', () => {
    expect(checkGoldenFiles(dir, { diagnose: tool }, {}).written).toEqual([join(dir, 'diagnose.json')]);
    expect(JSON.parse(readFileSync(join(dir, 'diagnose.json'), 'utf8'))).toEqual(tool);
    expect(checkGoldenFiles(dir, { diagnose: tool }, { CI: 'true' })).toEqual({ written: [], problems: [] });
  });

  it('a changed description fails, in CI or not, unless UPDATE_GOLDEN=1 rewrites it', () => {
    checkGoldenFiles(dir, { diagnose: tool }, {});
    const changed = { diagnose: { ...tool, description: 'another text for the model' } };
    for (const env of [{}, { CI: 'true' }])
      expect(checkGoldenFiles(dir, changed, env).problems).toEqual([
        expect.stringMatching(/^diagnose: differs from .*UPDATE_GOLDEN=1/),
      ]);
    checkGoldenFiles(dir, changed, { UPDATE_GOLDEN: '1', CI: 'true' });
    expect(checkGoldenFiles(dir, changed, { CI: 'true' }).problems).toEqual([]);
  });

  it('the golden file of a tool that is gone fails; UPDATE_GOLDEN=1 removes it', () => {
    writeFileSync(join(dir, 'old_tool.json'), '{}\n');
    expect(checkGoldenFiles(dir, {}, {}).problems).toEqual([
      expect.stringMatching(/old_tool\.json: a golden file of nothing checked/),
    ]);
    checkGoldenFiles(dir, {}, { UPDATE_GOLDEN: '1' });
    expect(existsSync(join(dir, 'old_tool.json'))).toBe(false);
  });
});
