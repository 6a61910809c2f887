/**
 * `npm run bench:rules`: the rule engine at scale, each figure beside a reference measured in the same run.
 *  1. `lint` of 1,000 generated PtpConfig files (configs/s), beside reading and parsing the same files
 *     without judging them (the floor any linter pays).
 *  2. `lint` of one ptp4l.conf with 100,000 port sections (`--sections`), beside the same config with a
 *     hundredth and a tenth of them and with none: the time per section must not grow with the file
 *     (goal: at 100,000 sections within 2x of that at 1,000; issue 10 measured 158 s, 1,000 sections 0.95 s).
 *  3. The fault-severity pack over a 500-node snapshot (ms, goal under 1 s), beside a one-rule pack over
 *     the same evaluations (what json-rules-engine costs by itself).
 * Every measurement runs `--runs` times (default 5; the largest config at most 3) in this process; the
 * median is reported.
 */
import 'reflect-metadata';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readLintInputs } from '../../core/lint/lint-inputs.js';
import { lintConfigs } from '../../core/lint/lint-run.js';
import { packageRoot } from '../../core/package-root.js';
import { runtimeEvaluations } from '../../core/rules/facts/runtime-evaluations.js';
import { PackCache } from '../../core/rules/pack-cache.js';
import { loadPack } from '../../core/rules/pack-loader.js';
import { PackEvaluator } from '../../core/rules/rule-engine.js';
import { createService } from '../../transports/composition-root.js';
import { portSectionsConfig, writeConfigs } from './config-generator.js';
import { multiplyNodes } from './large-snapshot.js';

async function medianMs(runs: number, task: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    await task();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return median(times);
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      configs: { type: 'string', default: '1000' },
      nodes: { type: 'string', default: '500' },
      sections: { type: 'string', default: '100000' },
      runs: { type: 'string', default: '5' },
    },
  });
  const runs = Number(values.runs);
  const root = packageRoot();

  const configCount = Number(values.configs);
  const dir = join(root, 'bench', '.data', `configs-${configCount}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const profiles = writeConfigs(
    dir,
    configCount,
    readFileSync(join(root, 'fixtures/lint/good/t-tsc-g8275.1.yaml'), 'utf8'),
  );
  const parseMs = await medianMs(runs, () => readLintInputs([dir]));
  let findings = 0;
  const lintMs = await medianMs(runs, async () => {
    findings = (await lintConfigs({ paths: [dir] })).findings.length;
  });
  console.log(`lint: ${configCount} PtpConfig files, ${profiles} profiles, ${findings} findings (${dir})`);
  console.log('| what | ms | configs/s |');
  console.log('|---|---|---|');
  console.log(
    `| read and parse only (reference) | ${parseMs.toFixed(0)} | ${(configCount / (parseMs / 1000)).toFixed(0)} |`,
  );
  console.log(
    `| ptp-mcp lint (parse, facts, packs) | ${lintMs.toFixed(0)} | ${(configCount / (lintMs / 1000)).toFixed(0)} |`,
  );

  await benchPortSections(root, Number(values.sections), runs);

  const nodeCount = Number(values.nodes);
  const { facts, ptpConfigs } = await createService()
    .runtimeFacts({ source: 'demo' })
    .then(async (demo) => ({
      facts: multiplyNodes(demo.facts, nodeCount),
      ptpConfigs: (await createService().snapshot({ source: 'demo' })).cluster.ptpConfigs,
    }));
  const factsMs = await medianMs(runs, async () => runtimeEvaluations(facts, ptpConfigs));
  const evaluations = runtimeEvaluations(facts, ptpConfigs);
  const cache = new PackCache();
  const fault = cache.get('fault-severity').evaluator;
  const trivial = new PackEvaluator(loadPack(join(root, 'bench', 'rules', 'one-rule-pack.yaml')));
  let faultFindings = 0;
  const trivialMs = await medianMs(runs, () => trivial.evaluate(evaluations));
  const faultMs = await medianMs(runs, async () => {
    faultFindings = (await fault.evaluate(evaluations)).findings.length;
  });
  const classMs = await medianMs(runs, () =>
    cache.get('clock-class-fallback').evaluator.evaluate(evaluations),
  );
  const processes = evaluations.process?.length ?? 0;
  console.log(
    `\nruntime packs: ${facts.nodes.length} nodes, ${processes} processes, ${faultFindings} fault findings`,
  );
  console.log('| what | ms |');
  console.log('|---|---|');
  console.log(`| build the facts of every node and process | ${factsMs.toFixed(0)} |`);
  console.log(`| one-rule pack over the same evaluations (reference) | ${trivialMs.toFixed(0)} |`);
  console.log(
    `| fault-severity (${cache.get('fault-severity').loaded.pack.spec.rules.length} rules) | ${faultMs.toFixed(0)} |`,
  );
  console.log(`| clock-class-fallback | ${classMs.toFixed(0)} |`);
  console.log(
    `goal: fault-severity over ${nodeCount} nodes under 1000 ms: ${faultMs < 1000 ? 'met' : 'NOT met'}`,
  );
}

/**
 * Lint of one ptp4l.conf with `largest` port sections beside the same config with a hundredth and a tenth
 * of them; the one with none is the fixed cost (loading the packs, [global]), taken off before dividing.
 * The goal is read on CPU time (this process' user and system time), which other work on a shared machine
 * moves far less than the wall clock; both are printed.
 */
async function benchPortSections(root: string, largest: number, runs: number): Promise<void> {
  const dir = join(root, 'bench', '.data', 'port-sections');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const template = readFileSync(join(root, 'fixtures/lint/good/t-tsc-g8275.1.conf'), 'utf8');
  const rows: { sections: number; wall: number; cpu: number; findings: number; bytes: number }[] = [];
  for (const sections of [0, largest / 100, largest / 10, largest]) {
    const file = join(dir, `ports-${sections}.conf`);
    const text = portSectionsConfig(template, sections);
    writeFileSync(file, text);
    const walls: number[] = [];
    const cpus: number[] = [];
    let findings = 0;
    for (let run = 0; run < (sections === largest ? Math.min(runs, 3) : runs); run++) {
      const started = process.hrtime.bigint();
      const cpu = process.cpuUsage();
      findings = (await lintConfigs({ paths: [file] })).findings.length;
      const used = process.cpuUsage(cpu);
      cpus.push((used.user + used.system) / 1000);
      walls.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    rows.push({ sections, wall: median(walls), cpu: median(cpus), findings, bytes: Buffer.byteLength(text) });
  }
  const fixed = rows[0]!;
  const perSection = (row: (typeof rows)[number], clock: 'wall' | 'cpu') =>
    ((row[clock] - fixed[clock]) * 1000) / row.sections;
  console.log(`\nlint: one ptp4l.conf with N port sections (${dir})`);
  console.log(
    '| port sections | MB | findings | wall ms | CPU ms | µs per section, wall | µs per section, CPU |',
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const row of rows) {
    const each = (clock: 'wall' | 'cpu') => (row.sections > 0 ? perSection(row, clock).toFixed(0) : '-');
    console.log(
      `| ${row.sections.toLocaleString('en')} | ${(row.bytes / 1e6).toFixed(2)} | ${row.findings} | ${row.wall.toFixed(0)} | ${row.cpu.toFixed(0)} | ${each('wall')} | ${each('cpu')} |`,
    );
  }
  const ratio = (clock: 'wall' | 'cpu') => perSection(rows[3]!, clock) / perSection(rows[1]!, clock);
  console.log(
    `goal: CPU time per section at ${largest.toLocaleString('en')} sections within 2x of that at ${(largest / 100).toLocaleString('en')}: x${ratio('cpu').toFixed(2)} ${ratio('cpu') <= 2 ? 'met' : 'NOT met'} (wall clock: x${ratio('wall').toFixed(2)})`,
  );
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
});
