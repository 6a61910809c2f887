// `npm run lab -- SCENARIO`: bundles the lab runner (test/lab/run.ts, TypeScript) with esbuild into
// dist/lab/run.mjs and runs it, so the lab needs no compiler step of its own (ptp-mcp: npm run build).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'dist', 'lab', 'run.mjs');
try {
  await build({
    entryPoints: [join(root, 'test', 'lab', 'run.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'warning',
    packages: 'external',
  });
} catch {
  process.exit(2);
}
await import(outfile);
