import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { packageRoot } from '../../../core/package-root.js';

/**
 * Whatever happens to the process that started a lab, the lab goes: stopped by the test (afterAll), by
 * these handlers on SIGINT/SIGTERM and at exit, or, when the process is killed outright, by its detached
 * watchdog. reaper.mjs does the removing in all the last cases, so there is one way to do it.
 */
const REAPER = join(packageRoot(), 'test', 'lab', 'topology', 'reaper.mjs');

const live = new Set<string>();
let installed = false;

function reapNow(run: string): void {
  spawnSync(process.execPath, [REAPER, 'now', run], { stdio: 'ignore', timeout: 30_000 });
}

function onSignal(signal: NodeJS.Signals, code: number): void {
  for (const run of live) reapNow(run);
  live.clear();
  console.error(`ptp-mcp lab: ${signal}: the lab's processes, namespaces and temp folders are removed`);
  process.exit(code);
}

/** Removes labs a killed earlier run left behind, once per process. */
export function sweepStaleLabs(): void {
  if (installed) return;
  installed = true;
  spawnSync(process.execPath, [REAPER, 'stale'], { stdio: 'ignore', timeout: 60_000 });
  process.once('SIGINT', () => onSignal('SIGINT', 130));
  process.once('SIGTERM', () => onSignal('SIGTERM', 143));
  process.once('exit', () => {
    for (const run of live) reapNow(run);
  });
}

/** Registers a run; returns the function that ends its watchdog once the lab is stopped. */
export function registerLab(run: string): () => void {
  live.add(run);
  const watchdog = spawn(process.execPath, [REAPER, 'watch', `${process.pid}`, run], {
    detached: true,
    stdio: 'ignore',
  });
  watchdog.unref();
  return () => {
    live.delete(run);
    watchdog.kill();
  };
}
