import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../core/package-root.js';
import { type HostileKind, writeHostileInput } from './hostile-inputs.js';

/**
 * A copy of the fixture snapshot `scenario` in `dir` with the file at `relative` replaced by the hostile
 * input `kind` (derived from the file it replaces). Returns the copy's folder.
 */
export async function plantedSnapshot(
  dir: string,
  scenario: string,
  relative: string,
  kind: HostileKind,
): Promise<string> {
  cpSync(join(packageRoot(), 'fixtures', 'clusters', scenario), dir, { recursive: true });
  const target = join(dir, relative);
  const base = readFileSync(target, 'utf8');
  rmSync(target);
  await writeHostileInput(target, kind, base);
  return dir;
}
