// Removes what a lab run left behind: kills the processes in its network namespaces, deletes the
// namespaces (their veth ends and bridges go with them) and its temp folder.
//   node reaper.mjs stale                 every run whose owning process is dead (a killed earlier run)
//   node reaper.mjs watch PID RUN         waits for PID to die, then removes run RUN (SIGKILL of its owner)
//   node reaper.mjs now RUN               removes run RUN at once
// Plain JavaScript so a detached watchdog runs without a build; names as in names.ts.
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RUN = /^pl(([0-9a-z]+)x\d+)-/;
const DIR_PREFIX = 'ptp-mcp-lab-';

function ip(...args) {
  return spawnSync('ip', args, { encoding: 'utf8', timeout: 10_000 }).stdout ?? '';
}

/** The lab's namespaces, with the run they belong to and the pid that owns it. */
function labNamespaces() {
  return ip('netns', 'list')
    .split('\n')
    .map((line) => line.split(' ')[0])
    .flatMap((name) => {
      const match = name && RUN.exec(name);
      return match ? [{ name, run: match[1], owner: Number.parseInt(match[2], 36) }] : [];
    });
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

function removeNamespace(name) {
  for (const pid of ip('netns', 'pids', name).split('\n').filter(Boolean)) {
    try {
      process.kill(Number(pid), 'SIGKILL');
    } catch {}
  }
  ip('netns', 'del', name);
}

function removeRun(run) {
  for (const ns of labNamespaces()) if (ns.run === run) removeNamespace(ns.name);
  rmSync(join(tmpdir(), `${DIR_PREFIX}${run}`), { recursive: true, force: true });
}

function removeStale() {
  const runs = new Set();
  for (const ns of labNamespaces()) if (!alive(ns.owner)) runs.add(ns.run);
  for (const entry of readdirSync(tmpdir())) {
    const match = entry.startsWith(DIR_PREFIX) && /^(([0-9a-z]+)x\d+)$/.exec(entry.slice(DIR_PREFIX.length));
    if (match && !alive(Number.parseInt(match[2], 36))) runs.add(match[1]);
  }
  for (const run of runs) removeRun(run);
}

const [mode, ...args] = process.argv.slice(2);
if (mode === 'stale') removeStale();
else if (mode === 'now' && args[0]) removeRun(args[0]);
else if (mode === 'watch' && args[1]) {
  const owner = Number(args[0]);
  const timer = setInterval(() => {
    if (alive(owner)) return;
    clearInterval(timer);
    removeRun(args[1]);
  }, 500);
} else {
  console.error('usage: reaper.mjs stale | watch PID RUN | now RUN');
  process.exit(2);
}
