/**
 * `npm run bench:logs [-- --size-mb N]`: measures `ptp-mcp logs analyze` beside `grep -c 'master offset'`
 * on the same files in the same run, on two files of the size: a realistic daemon log the generator
 * writes, and the real E810 T-BC log of the corpus repeated to the size (skipped, saying why, where the
 * corpus is absent). Both are generated here (never committed). Each command runs three times on a warm
 * page cache; the median is reported, with MB/s, lines/s and peak RSS, and the goals as met or not.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { packageRoot } from '../../core/package-root.js';
import { generateDaemonLog } from './daemon-log-generator.js';

/** The goals of issue 10: a share of grep's throughput, and a bound on memory whatever the size. */
const GOAL_RATIO = 0.25;
const GOAL_RSS_MB = 200;
/** The real T-BC log of the corpus (linuxptp-daemon 2025, an E810 through holdover and recovery). */
const CORPUS_LOG = join('linuxptp-daemon', 'tbc-e810-holdover-recovery_daemon-log_excerpt.log');

interface Measurement {
  seconds: number;
  maxRssKb: number;
}

/** Wall time from our own high-resolution clock; peak RSS from GNU time (`%M`, kilobytes). */
function timed(command: string, args: string[], stdinFile?: string): Measurement {
  const stdin = stdinFile ? openSync(stdinFile, 'r') : 'ignore';
  const started = process.hrtime.bigint();
  // stdout goes to a pipe, not /dev/null: GNU grep stops at the first match when it writes to /dev/null.
  const result = spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], {
    stdio: [stdin, 'pipe', 'pipe'],
    maxBuffer: 256 << 20,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (typeof stdin === 'number') closeSync(stdin);
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr.toString()}`);
  return { seconds, maxRssKb: Number(result.stderr.toString().trim().split('\n').pop()) };
}

function median(runs: Measurement[]): Measurement {
  const sorted = [...runs].sort((a, b) => a.seconds - b.seconds);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The corpus log written again and again up to `bytes`, cut at a line's end. */
function repeatCorpusLog(source: string, file: string, bytes: number): void {
  const text = readFileSync(source);
  const copies = Math.ceil(bytes / text.length);
  const fd = openSync(file, 'w');
  try {
    for (let i = 0, written = 0; i < copies; i++) {
      const room = bytes - written;
      const part = room >= text.length ? text : text.subarray(0, text.lastIndexOf(10, room - 1) + 1);
      writeFileSync(fd, part);
      written += part.length;
    }
  } finally {
    closeSync(fd);
  }
}

/** Measures one file: grep, then ptp-mcp on both cores, on one, and reading stdin. */
function measureFile(name: string, file: string, runs: number, cli: string) {
  const bytes = statSync(file).size;
  const lines = Number(execFileSync('wc', ['-l', file]).toString().trim().split(' ')[0]);
  execFileSync('cat', [file], { stdio: ['ignore', 'ignore', 'ignore'] }); // warm the page cache
  const repeat = (run: () => Measurement) => median(Array.from({ length: runs }, run));
  const analyze = (...extra: string[]) =>
    repeat(() => timed(process.execPath, [cli, 'logs', 'analyze', file, '--format', 'json', ...extra]));
  const rows = [
    ['grep -c "master offset"', repeat(() => timed('grep', ['-c', 'master offset', file]))],
    ['ptp-mcp logs analyze --format json', analyze()],
    ['ptp-mcp logs analyze --format json --jobs 1', analyze('--jobs', '1')],
    [
      'ptp-mcp logs analyze - --format json (stdin)',
      repeat(() => timed(process.execPath, [cli, 'logs', 'analyze', '-', '--format', 'json'], file)),
    ],
  ] as const;
  return { name, file, bytes, lines, rows };
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
  const size = sizeMb * 1e6;
  const fresh = (file: string) => existsSync(file) && Math.abs(statSync(file).size - size) <= 1e6;

  const generated = join(dataDir, `daemon-${sizeMb}mb.log`);
  if (!fresh(generated)) {
    process.stderr.write(`generating ${generated}\n`);
    await generateDaemonLog(generated, size);
  }
  const corpusLog = join(root, '..', 'shared', 'corpus', CORPUS_LOG);
  const real = join(dataDir, `real-tbc-${sizeMb}mb.log`);
  const hasCorpus = existsSync(corpusLog);
  if (hasCorpus && !fresh(real)) {
    process.stderr.write(`writing ${real} (the corpus T-BC log repeated)\n`);
    repeatCorpusLog(corpusLog, real, size);
  }

  const cli = join(root, 'dist', 'bundle', 'ptp-mcp.js');
  const files = [measureFile('generated', generated, runs, cli)];
  if (hasCorpus) files.push(measureFile('real T-BC', real, runs, cli));

  console.log('| file | command | seconds | MB/s | lines/s | peak RSS |');
  console.log('|---|---|---|---|---|---|');
  for (const { name, bytes, lines, rows } of files) {
    for (const [command, m] of rows) {
      console.log(
        `| ${name} | ${command} | ${m.seconds.toFixed(3)} | ${(bytes / 1e6 / m.seconds).toFixed(0)} | ${(lines / m.seconds / 1e6).toFixed(2)} M | ${(m.maxRssKb / 1024).toFixed(0)} MB |`,
      );
    }
  }
  for (const { name, file, bytes, lines, rows } of files) {
    const [, grep] = rows[0];
    const [, ours] = rows[1];
    const ratio = grep.seconds / ours.seconds;
    const peak = Math.max(...rows.slice(1).map(([, m]) => m.maxRssKb / 1024));
    console.log(
      `${name} (${(bytes / 1e6).toFixed(0)} MB, ${lines} lines, ${file}): throughput ${ratio.toFixed(3)} of grep's ` +
        `(goal ≥ ${GOAL_RATIO}: ${ratio >= GOAL_RATIO ? 'met' : 'NOT met'}); peak RSS ${peak.toFixed(0)} MB ` +
        `(goal < ${GOAL_RSS_MB} MB: ${peak < GOAL_RSS_MB ? 'met' : 'NOT met'})`,
    );
  }
  if (!hasCorpus) console.log(`real T-BC: skipped, the corpus is absent (${corpusLog})`);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exitCode = 1;
});
