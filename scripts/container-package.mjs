// Copies into DIR what `npm pack` puts in the package (package.json "files", and what npm always adds)
// and the lockfile: the Containerfile's package stage, run in the build context. npm picks the files, so
// the image holds what the npm package holds, whatever "files" becomes; no tar is needed in the base.
//
//   node scripts/container-package.mjs DIR
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const [dir] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node scripts/container-package.mjs DIR');
  process.exit(2);
}
if (!existsSync('dist/bundle/ptp-mcp.js')) {
  console.error('dist/bundle is missing: run `npm run build` before building the image');
  process.exit(2);
}
const [{ files }] = JSON.parse(
  execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' }),
);
for (const path of [...files.map((file) => file.path), 'package-lock.json']) cpSync(path, join(dir, path));
console.log(`${files.length} files of the package copied to ${dir}`);
