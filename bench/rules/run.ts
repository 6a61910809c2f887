/**
 * `npm run bench:rules`: the rule engine at scale, each figure beside a reference measured in the same run.
 *  1. `lint` of 1,000 generated PtpConfig files (configs/s), beside reading and parsing the same files
 *     without judging them (the floor any linter pays).
 *  2. The fault-severity pack over a 500-node snapshot (ms, goal under 1 s), beside a one-rule pack over
 *     the same evaluations (what json-rules-engine costs by itself).
 * Every measurement runs `--runs` times (default 5) in this process; the median is reported.
 */
import 'reflect-metadata';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createService } from '../../core/container.js';
import { readLintInputs } from '../../core/lint/lint-inputs.js';
import { lintConfigs } from '../../core/lint/lint-run.js';
import { packageRoot } from '../../core/package-root.js';
import { runtimeEvaluations } from '../../core/rules/facts/runtime-evaluations.js';
import { PackCache } from '../../core/rules/pack-cache.js';
import { loadPack } from '../../core/rules/pack-loader.js';
import { PackEvaluator } from '../../core/rules/rule-engine.js';
import { writeConfigs } from './config-generator.js';
import { multiplyNodes } from './large-snapshot.js';

async function medianMs(runs: number, task: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    await task();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      configs: { type: 'string', default: '1000' },
      nodes: { type: 'string', default: '500' },
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

main().catch((error: Error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
});
