import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../../core/package-root.js';
import { PackCache } from '../../../core/rules/pack-cache.js';

const dir = mkdtempSync(join(tmpdir(), 'ptp-mcp-runnable-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function extending(name: string, parents: string[]): string {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(
    file,
    `apiVersion: ptp-mcp/v1\nkind: RulePack\nmetadata: { name: ${name} }\nspec:\n  scope: ptp4lProfile\n  extends: [${parents.join(', ')}]\n`,
  );
  return file;
}

const names = (cache: PackCache, references: string[]) =>
  cache.runnable(references).map(({ loaded }) => loaded.pack.metadata.name);

describe('the packs run for a list of references', () => {
  it('a pack another of them extends, directly or through its parent, is not run on its own', () => {
    const cache = new PackCache();
    const acme = extending('acme', ['itu-t-g8275.1']);
    expect(names(cache, ['itu-t-g8275.1', acme])).toEqual(['acme']);
    expect(names(cache, ['linuxptp-config', acme, 'itu-t-g8275.1'])).toEqual(['acme']);
    // Both extend linuxptp-config, neither the other: both run.
    expect(names(cache, ['itu-t-g8275.2', acme])).toEqual(['itu-t-g8275.2', 'acme']);
  });

  it('the same pack named twice, by name and by path, runs once', () => {
    const cache = new PackCache();
    expect(
      names(cache, ['fault-severity', join(packageRoot(), 'rules', 'fault-severity.yaml'), 'fault-severity']),
    ).toEqual(['fault-severity']);
  });

  it('packs that do not extend each other all run, in the order given', () => {
    expect(names(new PackCache(), ['fault-severity', 'clock-class-fallback'])).toEqual([
      'fault-severity',
      'clock-class-fallback',
    ]);
  });
});
