/**
 * `npm run bench:logs [-- --size-mb N]`: generates (never commits) a realistic daemon log, then measures
 * `ptp-mcp logs analyze` beside `grep -c 'master offset'` on the same file in the same run: MB/s, lines/s
 * and peak RSS. Each command runs three times on a warm page cache; the median is reported.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { packageRoot } from '../../core/package-root.js';
import { generateDaemonLog } from './daemon-log-generator.js';

interface Measurement {
  seconds: number;
  maxRssKb: number;
}

/** Wall time from our own high-resolution clock; peak RSS from GNU time (`%M`, kilobytes). */
function timed(command: string, args: string[]): Measurement {
  const started = process.hrtime.bigint();
  // stdout goes to a pipe, not /dev/null: GNU grep stops at the first match when it writes to /dev/null.
  const result = spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 256 << 20,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr.toString()}`);
  return { seconds, maxRssKb: Number(result.stderr.toString().trim().split('\n').pop()) };
}

function median(runs: Measurement[]): Measurement {
  const sorted = [...runs].sort((a, b) => a.seconds - b.seconds);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'size-mb': { type: 'string', default: '1024' }, runs: { type: 'string', default: '3' } },
  });
  const sizeMb = Number(values['size-mb']);
  const runs = Number(values.runs);
  const root = packageRoot();
  const dataDir = join(root, 'bench', '.data');
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, `daemon-${sizeMb}mb.log`);
  if (!existsSync(file) || Math.abs(statSync(file).size - sizeMb * 1e6) > 1e6) {
    process.stderr.write(`generating ${file}\n`);
    await generateDaemonLog(file, sizeMb * 1e6);
  }
  const bytes = statSync(file).size;
  const lines = Number(execFileSync('wc', ['-l', file]).toString().trim().split(' ')[0]);
  execFileSync('cat', [file], { stdio: ['ignore', 'ignore', 'ignore'] }); // warm the page cache

  const cli = join(root, 'dist', 'bundle', 'ptp-mcp.js');
  const grep = median(Array.from({ length: runs }, () => timed('grep', ['-c', 'master offset', file])));
  const analyze = (...extra: string[]) =>
    median(
      Array.from({ length: runs }, () =>
        timed(process.execPath, [cli, 'logs', 'analyze', file, '--format', 'json', ...extra]),
      ),
    );
  const ours = analyze();
  const oneThread = analyze('--jobs', '1');
  const mbps = (m: Measurement) => bytes / 1e6 / m.seconds;
  const rows = [
    ['grep -c "master offset"', grep],
    ['ptp-mcp logs analyze --format json', ours],
    ['ptp-mcp logs analyze --format json --jobs 1', oneThread],
  ] as const;
  console.log(`file: ${(bytes / 1e6).toFixed(0)} MB, ${lines} lines (${file})`);
  console.log('| command | seconds | MB/s | lines/s | peak RSS |');
  console.log('|---|---|---|---|---|');
  for (const [name, m] of rows) {
    console.log(
      `| ${name} | ${m.seconds.toFixed(3)} | ${mbps(m).toFixed(0)} | ${(lines / m.seconds / 1e6).toFixed(2)} M | ${(m.maxRssKb / 1024).toFixed(0)} MB |`,
    );
  }
  console.log(
    `throughput ratio ptp-mcp/grep: ${(mbps(ours) / mbps(grep)).toFixed(3)} (goal ≥ 0.25); peak RSS goal < 200 MB`,
  );
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exitCode = 1;
});
