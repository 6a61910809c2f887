import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { packageRoot } from '../../core/package-root.js';
import { type BoundedResult, boundedRunner } from '../hostile/bounded-run.js';
import {
  closeHostileSockets,
  type HostileKind,
  REFUSED_KINDS as REFUSED,
  type RefusedKind,
  UNREADABLE_KINDS,
  writeHostileInput,
} from '../hostile/hostile-inputs.js';
import { HOSTILE_REASON, refusal } from '../hostile/hostile-messages.js';
import { plantedSnapshot } from '../hostile/planted-snapshot.js';

/**
 * Issue 10, "How it is checked": every command that reads files, given each hostile input, answers with
 * exit 2 or a warning naming the file, never a stack trace, within a time and a memory bound. Where every
 * reader words a refusal the same way (hostile-messages `refusal`), the case asserts those exact words and
 * the file's full path.
 */
const TIME_MS = 20_000;
const MEMORY_MB = 300;
/** Three runs at once on 2 cores: a refusal is mostly start-up, a hang waits without using a core. */
const run = boundedRunner(3);

const root = mkdtempSync(join(tmpdir(), 'ptp-mcp-hostile-'));
afterAll(async () => {
  await closeHostileSockets();
  rmSync(root, { recursive: true, force: true });
});

const fromRepo = (path: string) => join(packageRoot(), path);
const repoText = (path: string) => readFileSync(fromRepo(path), 'utf8');

const SCENARIO = 'config-mismatch';
const GOOD_CONF = fromRepo('fixtures/lint/good/default-oc.conf');
const CONF = repoText('fixtures/lint/good/default-oc.conf');
const PTPCONFIG = repoText('fixtures/lint/good/t-tsc-g8275.1.yaml');
const PACK = repoText('rules/ieee1588-default.yaml');
const PACK_TEST = repoText('rules/tests/ieee1588-default.test.yaml');
const LOG = repoText(`fixtures/clusters/${SCENARIO}/nodes/worker-1/logs/linuxptp-daemon-container.log`);
const SUPPRESSIONS =
  'suppressions:\n  - rule: linuxptp/tx-timestamp-timeout-low\n    reason: measured 8 ms\n';
const TOKEN = `${'t'.repeat(32)}\n`;

const DAEMON_LOG = 'nodes/gm-1/logs/linuxptp-daemon-container.log';
const PTPCONFIGS = 'cluster/ptpconfigs.yaml';
const MANIFEST = 'snapshot.yaml';

/** Inputs nothing can be read from: the node they feed has no data. */
const UNREADABLE: HostileKind[] = [...UNREADABLE_KINDS];
const except = (...left: HostileKind[]) => REFUSED.filter((kind) => !left.includes(kind));

interface Case {
  /** `command form: input`, the row of the matrix. */
  name: string;
  kind: HostileKind;
  /** What the output must name; undefined for stdin (it has no name). */
  names?: string;
  /** The exit codes that honour the issue: 2 for a refusal, 0/1 where a warning lets the rest go on. */
  exits: number[];
  /** What the message must say, when not HOSTILE_REASON[kind]. */
  reason?: RegExp;
  /** The exact words the message must hold, where every reader says them the same way. */
  exact?: RegExp;
  /** Makes the input in the case's own folder and returns the command line (and a fuller `names`). */
  setup: (dir: string) => Promise<{ args: string[]; stdinFile?: string; names?: string }>;
  /** Problems beyond the common ones. */
  extra?: (result: BoundedResult) => string[];
}

const cases: Case[] = [];

interface FileCases {
  /** The file's name for each kind, with the extension the command looks for. */
  name: (kind: HostileKind) => string;
  /** The valid file of the kind the command expects, which the text variants derive from. */
  base: string;
  exits?: (kind: HostileKind) => number[];
  reason?: (kind: HostileKind) => RegExp | undefined;
  /** The kinds refused in the exact words of `refusal`, naming the file's full path. */
  exact?: RefusedKind[];
}

/** Cases of a command given one hostile file: `args(path)` is the command line around it. */
function fileCases(
  form: string,
  kinds: HostileKind[],
  file: FileCases,
  args: (path: string) => string[],
): void {
  for (const kind of kinds) {
    const name = file.name(kind);
    const exact = file.exact?.find((refused) => refused === kind);
    cases.push({
      name: `${form}: ${kind}`,
      kind,
      names: name,
      exits: file.exits?.(kind) ?? [2],
      reason: file.reason?.(kind),
      exact: exact && refusal(exact, file.base),
      setup: async (dir) => {
        const path = join(dir, name);
        await writeHostileInput(path, kind, file.base);
        // An exact refusal names the file as given: its full path.
        return { args: args(path), names: exact && path };
      },
    });
  }
}

/** Cases of a command over a copy of the fixture snapshot with one of its files hostile. */
function snapshotCases(
  form: string,
  kinds: HostileKind[],
  relative: string,
  args: (snapshot: string) => string[],
  exits: number[],
  extra?: (kind: HostileKind) => Case['extra'],
): void {
  for (const kind of kinds)
    cases.push({
      name: `${form} (${basename(relative)}): ${kind}`,
      kind,
      names: basename(relative),
      exits,
      setup: async (dir) => ({ args: args(await plantedSnapshot(dir, SCENARIO, relative, kind)) }),
      extra: extra?.(kind),
    });
}

const byExtension = (ext: string) => (kind: HostileKind) => `${kind}${ext}`;
const YAML_KINDS: RefusedKind[] = ['alias-bomb', 'deep-nesting', 'duplicate-keys'];
/** Logs may be read with a warning (an encoding named, a long line skipped) or refused. */
const logExits = (kind: HostileKind) =>
  UNREADABLE.includes(kind) ? [2] : kind === 'backwards-times' ? [0, 1] : [0, 1, 2];

fileCases(
  'lint FILE',
  ['dev-zero', 'fifo', 'socket', 'invalid-utf8', 'utf16le-bom', 'utf16le', 'huge-line', 'over-cap', 'binary'],
  {
    name: byExtension('.conf'),
    base: CONF,
    exact: ['dev-zero', 'fifo', 'socket', 'invalid-utf8', 'utf16le-bom'],
  },
  (path) => ['lint', path],
);
fileCases(
  'lint FILE',
  YAML_KINDS,
  { name: byExtension('.yaml'), base: PTPCONFIG, exact: YAML_KINDS },
  (path) => ['lint', path],
);

// One hostile file in a folder walk: a warning naming it, and the folder's other config still linted.
for (const kind of [...except('folder', 'duplicate-keys'), 'over-cap', 'binary'] as HostileKind[]) {
  const yaml = (YAML_KINDS as HostileKind[]).includes(kind);
  const name = `${kind}${yaml ? '.yaml' : '.conf'}`;
  cases.push({
    name: `lint FOLDER: ${kind}`,
    kind,
    names: name,
    exits: [0, 1, 2],
    setup: async (dir) => {
      const folder = join(dir, 'configs');
      mkdirSync(folder);
      copyFileSync(
        fromRepo('fixtures/lint/bad/linuxptp-step-threshold-zero.conf'),
        join(folder, 'other.conf'),
      );
      await writeHostileInput(join(folder, name), kind, yaml ? PTPCONFIG : CONF);
      return { args: ['lint', folder] };
    },
    extra: (result) =>
      /other\.conf:\d+:\d+: minor linuxptp\/step-threshold-zero/.test(result.stdout)
        ? []
        : ['the other config of the folder was not linted (no step-threshold-zero finding in other.conf)'],
  });
}

fileCases(
  'lint --suppressions FILE',
  [...REFUSED, 'huge-line'],
  { name: byExtension('.yaml'), base: SUPPRESSIONS, exact: REFUSED },
  (path) => ['lint', GOOD_CONF, '--suppressions', path],
);
fileCases('lint --pack FILE', REFUSED, { name: byExtension('.yaml'), base: PACK, exact: REFUSED }, (path) => [
  'lint',
  GOOD_CONF,
  '--pack',
  path,
]);
fileCases(
  'rules validate FILE',
  [...REFUSED, 'empty', 'huge-line', 'binary'],
  { name: byExtension('.yaml'), base: PACK, exact: REFUSED },
  (path) => ['rules', 'validate', path],
);
fileCases(
  'rules test FILE',
  [...except('folder'), 'binary'],
  { name: byExtension('.test.yaml'), base: PACK_TEST, exact: except('folder') },
  (path) => ['rules', 'test', path],
);

const LOG_KINDS: HostileKind[] = [
  'empty',
  'invalid-utf8',
  'utf16le-bom',
  'utf16le',
  'huge-line',
  'binary',
  'backwards-times',
];
fileCases(
  'logs analyze FILE',
  [...UNREADABLE, ...LOG_KINDS],
  { name: byExtension('.log'), base: LOG, exits: logExits },
  (path) => ['logs', 'analyze', path],
);
for (const kind of LOG_KINDS)
  cases.push({
    name: `logs analyze - (stdin): ${kind}`,
    kind,
    exits: logExits(kind),
    setup: async (dir) => {
      const path = join(dir, `${kind}.log`);
      await writeHostileInput(path, kind, LOG);
      return { args: ['logs', 'analyze', '-'], stdinFile: path };
    },
  });

/** A node whose daemon log could not be read is not HEALTHY (issue 10: "health needs data"). */
const notHealthyWithoutLog = (kind: HostileKind): Case['extra'] =>
  UNREADABLE.includes(kind)
    ? (result) => (/^gm-1\s+HEALTHY\b/m.test(result.stdout) ? ['gm-1 is HEALTHY without its daemon log'] : [])
    : undefined;
const diagnose = (snapshot: string) => ['diagnose', '--source', `dir:${snapshot}`];
snapshotCases(
  'diagnose --source dir:',
  [...UNREADABLE, ...LOG_KINDS],
  DAEMON_LOG,
  diagnose,
  [0, 1],
  notHealthyWithoutLog,
);
snapshotCases(
  'diagnose --source dir:',
  [...except('socket', 'folder'), 'binary'],
  PTPCONFIGS,
  diagnose,
  [0, 1],
);
snapshotCases(
  'diagnose --source dir:',
  [...except('invalid-utf8'), 'empty', 'binary'],
  MANIFEST,
  diagnose,
  [2],
);
const ask = (snapshot: string) => ['ask', 'is the cluster healthy?', '--source', `dir:${snapshot}`];
snapshotCases('ask --source dir:', ['dev-zero', 'fifo'], DAEMON_LOG, ask, [0, 1], notHealthyWithoutLog);
snapshotCases('ask --source dir:', ['alias-bomb'], PTPCONFIGS, ask, [0, 1]);
snapshotCases('ask --source dir:', ['fifo'], MANIFEST, ask, [2]);
snapshotCases(
  'simulate --snapshot',
  ['fifo'],
  MANIFEST,
  (snapshot) => ['simulate', '--snapshot', snapshot, '--port', '0'],
  [2],
);
snapshotCases(
  'snapshot record --source dir:',
  ['dev-zero', 'fifo'],
  DAEMON_LOG,
  (snapshot) => ['snapshot', 'record', '--source', `dir:${snapshot}`, '--out', `${snapshot}-recorded`],
  [0, 1, 2],
);

// The server must refuse a token it cannot read at start; one that starts instead runs into the time bound.
fileCases(
  'serve --token-file FILE',
  [...UNREADABLE, 'empty', 'invalid-utf8', 'utf16le-bom', 'huge-line', 'binary'],
  {
    name: byExtension('.token'),
    base: TOKEN,
    reason: (kind) => (kind === 'empty' ? /empty|at least 16 characters/i : undefined),
    exact: [...UNREADABLE_KINDS, 'utf16le-bom', 'invalid-utf8'],
  },
  (path) => ['serve', '--http', '--port', '0', '--source', 'demo', '--token-file', path],
);
fileCases(
  'serve --prometheus-token-file FILE',
  ['dev-zero', 'fifo'],
  { name: byExtension('.token'), base: TOKEN },
  (path) => [
    'serve',
    '--http',
    '--port',
    '0',
    '--source',
    'demo',
    '--prometheus',
    'http://127.0.0.1:9',
    '--prometheus-token-file',
    path,
  ],
);

// The other options that name a file.
fileCases(
  'diagnose --pack FILE',
  ['fifo', 'alias-bomb'],
  { name: byExtension('.yaml'), base: PACK },
  (path) => ['diagnose', '--pack', path],
);
const INTENTS = repoText('rules/nlq-intents.yaml');
fileCases(
  'ask --intents FILE',
  ['dev-zero', 'alias-bomb'],
  { name: byExtension('.yaml'), base: INTENTS },
  (path) => ['ask', 'is the cluster healthy?', '--intents', path],
);
fileCases(
  'serve --intents FILE',
  REFUSED,
  { name: byExtension('.yaml'), base: INTENTS, exact: REFUSED },
  (path) => ['serve', '--http', '--port', '0', '--source', 'demo', '--intents', path],
);
fileCases('rules facts FILE', ['fifo', 'utf16le-bom'], { name: byExtension('.conf'), base: CONF }, (path) => [
  'rules',
  'facts',
  path,
]);
fileCases(
  '--kubeconfig FILE',
  ['dev-zero', 'fifo'],
  { name: byExtension('.kubeconfig'), base: '' },
  (path) => ['diagnose', '--source', 'cluster', '--kubeconfig', path],
);
fileCases(
  'simulate --faults FILE',
  ['fifo', 'alias-bomb'],
  { name: byExtension('.yaml'), base: '' },
  (path) => ['simulate', '--port', '0', '--faults', path],
);

/** Everything wrong with a result, empty when the case is handled as the issue asks. */
function problems(test: Case, result: BoundedResult): string[] {
  const output = `${result.stdout}\n${result.stderr}`;
  const found: string[] = [];
  if (result.killed === 'time') found.push(`still running after ${TIME_MS / 1000} s (killed)`);
  if (result.killed === 'memory') found.push(`resident memory past ${MEMORY_MB} MB (killed)`);
  else if (result.peakMb > MEMORY_MB) found.push(`peak RSS ${result.peakMb.toFixed(0)} MB`);
  if (!result.killed && !test.exits.includes(result.code ?? -1))
    found.push(`exit ${result.code}, expected ${test.exits.join(' or ')}`);
  if (/\n\s+at (?:.+ \()?(?:file:|node:|\/).+:\d+:\d+/.test(output)) found.push('a stack trace');
  // Where the words are exact, no line of the output may even look like a frame.
  else if (test.exact && /\n\s+at /.test(output)) found.push('a line like a stack frame');
  if (/internal error/i.test(output)) found.push('"internal error"');
  if (!result.killed && test.names && !output.includes(test.names)) found.push(`${test.names} not named`);
  // The reason must be said, not read off the file's name (inputs are named after their kind).
  const said = test.names ? output.split(test.names).join('') : output;
  const reason = test.reason ?? HOSTILE_REASON[test.kind];
  if (!result.killed && !reason.test(said)) found.push(`no message matching ${reason}`);
  if (!result.killed && test.exact && !test.exact.test(output))
    found.push(`no message matching ${test.exact}`);
  if (!result.killed) found.push(...(test.extra?.(result) ?? []));
  return found;
}

/** One line of what the CLI did, for the failure message: exit, time, memory, what it said of the file. */
function behaviour(test: Case, result: BoundedResult): string {
  const lines = `${result.stderr}\n${result.stdout}`.split('\n').filter((line) => line.trim() !== '');
  const said =
    (lines.find((line) => test.names !== undefined && line.includes(test.names)) ?? lines[0])?.slice(
      0,
      240,
    ) ?? '(no output)';
  const exit = result.killed ? `killed (${result.killed})` : `exit ${result.code}`;
  return `${exit}, ${(result.ms / 1000).toFixed(1)} s, peak ${result.peakMb.toFixed(0)} MB: ${said}`;
}

describe('hostile inputs through every command that reads files (issue 10)', () => {
  cases.forEach((test, index) => {
    it.concurrent(test.name, { timeout: 180_000 }, async ({ expect }) => {
      const dir = join(root, String(index));
      mkdirSync(dir);
      const { args, stdinFile, names } = await test.setup(dir);
      const named = { ...test, names: names ?? test.names };
      const result = await run(args, { timeMs: TIME_MS, memoryMb: MEMORY_MB, stdinFile });
      const found = problems(named, result).join('; ');
      expect(found, `${found} | ${behaviour(named, result)}`).toBe('');
    });
  });
});
