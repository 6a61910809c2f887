import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SCENARIOS, scenarioNamed } from './scenarios/index.js';
import { recordScenario, startScenario } from './scenarios/run-scenario.js';
import { CLI, diagnoseFolder } from './topology/ptp-mcp-cli.js';

/**
 * `npm run lab -- SCENARIO [--out DIR]`: runs one scenario on real ptp4l, records it as a snapshot folder
 * (kept, its path printed) and prints ptp-mcp's diagnosis of it. Without a name: the list of scenarios.
 */
async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name) {
    console.log('Lab scenarios (npm run lab -- NAME [--out DIR]):');
    for (const scenario of SCENARIOS) console.log(`  ${scenario.name.padEnd(20)} ${scenario.title}`);
    return 0;
  }
  const scenario = scenarioNamed(name);
  if (!scenario) {
    console.error(`ptp-mcp lab: no scenario ${name}; npm run lab lists them`);
    return 2;
  }
  const outAt = rest.indexOf('--out');
  const out =
    outAt >= 0 && rest[outAt + 1]
      ? resolve(rest[outAt + 1]!)
      : join(mkdtempSync(join(tmpdir(), `ptp-mcp-lab-${name}-`)), 'snapshot');
  if (process.getuid?.() !== 0) {
    console.error('ptp-mcp lab: network namespaces need root (sudo npm run lab -- NAME)');
    return 2;
  }
  if (!existsSync(CLI)) {
    console.error(`ptp-mcp lab: ${CLI} is missing: npm run build`);
    return 2;
  }
  const lab = await startScenario(scenario, (line) => console.error(line));
  let complete = false;
  try {
    complete = (await recordScenario(lab, out)).complete;
  } finally {
    await lab.stop();
  }
  console.error(`${name}: snapshot folder ${out}`);
  const diagnosis = await diagnoseFolder(out, 'text', !complete);
  process.stdout.write(diagnosis.stdout);
  process.stderr.write(diagnosis.stderr);
  console.log(
    `\nSnapshot folder: ${out}\nAgain: npx ptp-mcp diagnose --source dir:${out}${complete ? '' : ' --partial'}`,
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`ptp-mcp lab: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
