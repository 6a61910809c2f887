import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Golden files, one JSON file per name in `dir`: what a change to a public interface (an MCP tool's
 * description and schemas) does is reviewed in the diff of these files. UPDATE_GOLDEN=1 writes them
 * (and removes the files of names gone). Outside CI a missing file is written, so a new tool's first run
 * creates it; under CI a missing, changed or stale file is a problem: CI never blesses what it checks.
 */
export function checkGoldenFiles(
  dir: string,
  values: Readonly<Record<string, unknown>>,
  env: NodeJS.ProcessEnv = process.env,
): { written: string[]; problems: string[] } {
  const update = env.UPDATE_GOLDEN === '1';
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0';
  const written: string[] = [];
  const problems: string[] = [];
  const hint = 'run UPDATE_GOLDEN=1 on the test and review the diff of the golden files';
  mkdirSync(dir, { recursive: true });
  for (const [name, value] of Object.entries(values)) {
    const file = join(dir, `${name}.json`);
    const text = `${JSON.stringify(value, null, 2)}\n`;
    const exists = existsSync(file);
    if (exists && readFileSync(file, 'utf8') === text) continue;
    if (update || (!exists && !ci)) {
      writeFileSync(file, text);
      written.push(file);
    } else problems.push(`${name}: ${exists ? 'differs from' : 'has no golden file'} ${file} (${hint})`);
  }
  for (const entry of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    if (Object.hasOwn(values, entry.slice(0, -'.json'.length))) continue;
    if (update) rmSync(join(dir, entry));
    else problems.push(`${join(dir, entry)}: a golden file of nothing checked (${hint})`);
  }
  return { written, problems };
}
