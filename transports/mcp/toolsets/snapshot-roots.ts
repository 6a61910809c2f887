import { realpathSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { ToolInputError } from '../tool.js';

/**
 * The `dir:` source a call names, when its folder lies inside one of the folders the operator allowed
 * (`serve --snapshot-root`), links resolved: a call cannot make the server read any other folder. The
 * folder's own links that lead out of it are refused as it is read (plugins/snapshot/folder-files.ts).
 * Returned with its real path, so what was checked is what is read.
 */
export function allowedSnapshotSource(source: string, roots: readonly string[]): string {
  const path = source.slice('dir:'.length);
  if (roots.length === 0)
    throw new ToolInputError(
      'source dir:… is refused: this server reads no snapshot folder named by a call (serve --snapshot-root DIR allows those under DIR)',
    );
  let real: string;
  try {
    real = realpathSync(resolve(path));
  } catch {
    throw new ToolInputError(`source ${source}: no such folder under the server’s snapshot roots`);
  }
  const inside = roots.some((root) => {
    const realRoot = realpathSync(root);
    return real === realRoot || real.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep);
  });
  if (!inside)
    throw new ToolInputError(
      `source ${source} is refused: it is not inside the server’s snapshot roots (serve --snapshot-root)`,
    );
  return `dir:${real}`;
}
