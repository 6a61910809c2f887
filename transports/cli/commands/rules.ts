import { z } from 'zod';
import { ConfigFileSchema } from '../../../core/config/config-schema.js';
import { readLintInputs } from '../../../core/lint/lint-inputs.js';
import { DEFAULT_LINUXPTP_VERSION } from '../../../core/lint/lint-run.js';
import { LinuxptpVersionError, linuxptpTarget } from '../../../core/lint/linuxptp-version.js';
import { NicProfilesFile } from '../../../core/model/nic-profile.js';
import { isNicProfilesFile, loadNicProfilesFile } from '../../../core/nic/nic-profiles.js';
import { ExamplePack } from '../../../core/nlq/example-pack.js';
import {
  isIntentExamplesFile,
  isIntentPackFile,
  validateIntentExamples,
  validateIntentPack,
} from '../../../core/nlq/intent-loader.js';
import { IntentPack } from '../../../core/nlq/intent-pack.js';
import { factTables, renderFactTables } from '../../../core/rules/fact-schema-table.js';
import { configEvaluations } from '../../../core/rules/facts/config-evaluations.js';
import { PackCache } from '../../../core/rules/pack-cache.js';
import { builtInPackNames, resolvePackReference } from '../../../core/rules/pack-loader.js';
import { PackScope, RulePack } from '../../../core/rules/pack-schema.js';
import { RulePackTest } from '../../../core/rules/pack-test-schema.js';
import { packTestFiles, runPackTestFile } from '../../../core/rules/pack-tests.js';
import type { Evaluation, EvaluationsByScope } from '../../../core/rules/rule-engine.js';
import { NUMBER_OPTIONS, numberOption, oneOf, parseCommand } from '../args.js';
import type { CliApp } from '../cli-app.js';
import { CliError } from '../cli-error.js';
import { type CommandSpec, commandHelp, usageOf } from '../command-help.js';
import { renderPackTests } from '../format/pack-tests-text.js';
import type { CliIo } from '../io.js';
import { RULES_FACTS, RULES_LIST, RULES_SCHEMA, RULES_TEST, RULES_VALIDATE } from '../specs/rules.js';

const SCHEMAS = {
  pack: { title: 'ptp-mcp RulePack', type: RulePack },
  test: { title: 'ptp-mcp RulePackTest', type: RulePackTest },
  intents: { title: 'ptp-mcp IntentPack', type: IntentPack },
  examples: { title: 'ptp-mcp IntentExamples', type: ExamplePack },
  config: { title: 'ptp-mcp Config', type: ConfigFileSchema },
  'nic-profiles': { title: 'ptp-mcp NicProfiles', type: NicProfilesFile },
} as const;

/** `ptp-mcp rules list`: the built-in packs (or those named), each with its rules. */
export async function rulesListCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommand(argv, RULES_LIST);
  if (values.help) return help(io, RULES_LIST);
  const format = oneOf(values.format, RULES_LIST.options.format.choices, 'format', 'text');
  const cache = new PackCache();
  const packs = (values.pack ?? builtInPackNames()).map((reference) => {
    const { pack, file, inherits } = cache.get(reference).loaded;
    return {
      name: pack.metadata.name,
      version: pack.metadata.version,
      description: pack.metadata.description ?? '',
      scope: pack.spec.scope,
      file,
      inherits,
      rules: pack.spec.rules.map((rule) => ({
        id: rule.id,
        severity: rule.severity,
        scope: rule.scope ?? pack.spec.scope,
        title: rule.title,
      })),
    };
  });
  if (format === 'json') {
    io.stdout(`${JSON.stringify(packs, null, 2)}\n`);
    return 0;
  }
  const out: string[] = [];
  for (const pack of packs) {
    const inherits = pack.inherits.length > 0 ? `, extends ${pack.inherits.join(', ')}` : '';
    out.push(
      `${pack.name}@${pack.version} (${pack.scope}, ${pack.rules.length} rules${inherits}): ${pack.description}`,
    );
    for (const rule of pack.rules) out.push(`  ${rule.severity.padEnd(8)} ${rule.id}  ${rule.title}`);
    out.push('');
  }
  io.stdout(out.join('\n'));
  return 0;
}

/** `ptp-mcp rules validate`: loads each pack with its `extends`; the first problem is exit 2 with file:line:column. */
export async function rulesValidateCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommand(argv, RULES_VALIDATE);
  if (values.help) return help(io, RULES_VALIDATE);
  if (positionals.length === 0) throw new CliError(`rules validate needs a pack\n${usageOf(RULES_VALIDATE)}`);
  const cache = new PackCache();
  for (const reference of positionals) {
    if (isNicProfilesFile(resolvePackReference(reference))) {
      const file = resolvePackReference(reference);
      const { metadata, spec } = loadNicProfilesFile(file);
      const drivers = spec.profiles.map((profile) => `${profile.id}: ${profile.driver}`).join(', ');
      io.stdout(`${file}: valid NIC profiles ${metadata.name} (${spec.profiles.length}: ${drivers})\n`);
      continue;
    }
    if (isIntentExamplesFile(resolvePackReference(reference))) {
      const examples = validateIntentExamples(reference);
      io.stdout(
        `${examples.file}: valid intent examples ${examples.name}@${examples.version} (${examples.examples} questions)\n`,
      );
      continue;
    }
    if (isIntentPackFile(resolvePackReference(reference))) {
      const { TOOLS } = await import('../../mcp/tools.js');
      const intents = validateIntentPack(reference, { tools: TOOLS.map((tool) => tool.name) });
      io.stdout(
        `${intents.file}: valid intent pack ${intents.name}@${intents.version} (${intents.intents} intents; ${intents.merged} with the built-in ones)\n`,
      );
      continue;
    }
    const { pack, file, inherits } = cache.get(reference).loaded;
    const extended = inherits.length > 0 ? `, extends ${inherits.join(' <- ')}` : '';
    io.stdout(
      `${file}: valid pack ${pack.metadata.name}@${pack.metadata.version} (${pack.spec.rules.length} rules${extended})\n`,
    );
  }
  return 0;
}

/** `ptp-mcp rules test`: runs RulePackTest files; exit 1 when a case fails, 2 when a test file is unusable. */
export async function rulesTestCommand(argv: string[], io: CliIo, app: CliApp): Promise<number> {
  const { values, positionals } = parseCommand(argv, RULES_TEST);
  if (values.help) return help(io, RULES_TEST);
  if (positionals.length === 0)
    throw new CliError(`rules test needs test files or folders\n${usageOf(RULES_TEST)}`);
  const format = oneOf(values.format, RULES_TEST.options.format.choices, 'format', 'text');
  const { files, warnings } = await packTestFiles(positionals);
  for (const warning of warnings) io.stderr(`ptp-mcp: warning: ${warning.source}: ${warning.message}\n`);
  if (files.length === 0) throw new CliError(`no *.test.yaml in ${positionals.join(', ')}`);
  const cache = new PackCache();
  const runtimeFacts = async (request: { source: string; node?: string; lastMs?: number }) =>
    (await (await app.service()).runtimeFacts(request)).evaluations;
  const results = [];
  for (const file of files) results.push(await runPackTestFile(file, cache, runtimeFacts));
  const failed = results.flatMap((r) => r.cases).filter((c) => !c.passed).length;
  if (format === 'json') {
    const cases = results.map(({ file, pack, cases }) => ({
      file,
      pack: pack.name,
      cases: cases.map(({ name, passed, problems }) => ({ name, passed, problems })),
    }));
    io.stdout(`${JSON.stringify(cases, null, 2)}\n`);
  } else io.stdout(renderPackTests(results));
  return failed > 0 ? 1 : 0;
}

/** `ptp-mcp rules schema`: the JSON Schema of packs (or of pack tests), for editors' completion and checks. */
export async function rulesSchemaCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommand(argv, RULES_SCHEMA);
  if (values.help) return help(io, RULES_SCHEMA);
  const kind = oneOf(values.kind, RULES_SCHEMA.options.kind.choices, 'kind', 'pack');
  const { title, type } = SCHEMAS[kind];
  const schema = z.toJSONSchema(type, { io: 'input', unrepresentable: 'any' });
  io.stdout(`${JSON.stringify({ title, ...schema }, null, 2)}\n`);
  return 0;
}

function help(io: CliIo, spec: CommandSpec): number {
  io.stdout(commandHelp(spec));
  return 0;
}

/** `ptp-mcp rules facts`: what a rule's conditions can read, for pack authors (JSON, by scope). */
export async function rulesFactsCommand(argv: string[], io: CliIo, app: CliApp): Promise<number> {
  const { values, positionals } = parseCommand(argv, RULES_FACTS);
  if (values.help) {
    io.stdout(commandHelp(RULES_FACTS, await app.sourceForms()));
    return 0;
  }
  if (positionals.length === 0 && values.source === undefined) {
    const format = oneOf(values.format, RULES_FACTS.options.format.choices, 'format', 'text');
    const scopes =
      values.scope === undefined ? undefined : [oneOf(values.scope, PackScope.options, 'scope', 'node')];
    const tables = factTables(scopes);
    io.stdout(format === 'json' ? `${JSON.stringify(tables, null, 2)}\n` : renderFactTables(tables));
    return 0;
  }
  let evaluations: EvaluationsByScope;
  if (positionals.length === 1) {
    const inputs = await readLintInputs(positionals);
    for (const warning of inputs.warnings)
      io.stderr(`ptp-mcp: warning: ${warning.source}: ${warning.message}\n`);
    const error = inputs.errors[0];
    if (error)
      throw new CliError(
        `${error.source}${error.line !== undefined ? `:${error.line}` : ''}: ${error.message}`,
      );
    const linuxptpVersion = values['linuxptp-version'] ?? DEFAULT_LINUXPTP_VERSION;
    try {
      linuxptpTarget(linuxptpVersion);
    } catch (error) {
      if (error instanceof LinuxptpVersionError) throw new CliError(`--linuxptp-version: ${error.message}`);
      throw error;
    }
    const merged: Record<string, Evaluation[]> = {};
    for (const input of inputs.profiles) {
      for (const [scope, list] of Object.entries(configEvaluations(input, { linuxptpVersion }))) {
        merged[scope] = [...(merged[scope] ?? []), ...(list ?? [])];
      }
    }
    evaluations = merged;
  } else {
    const lastMs = numberOption(values.last, 'last', NUMBER_OPTIONS.window);
    const source = values.source!;
    evaluations = (await (await app.service()).runtimeFacts({ source, node: values.node, lastMs }))
      .evaluations;
  }
  const scopes =
    values.scope === undefined
      ? Object.keys(evaluations)
      : [oneOf(values.scope, PackScope.options, 'scope', 'node')];
  const shown = Object.fromEntries(
    scopes.map((scope) => [
      scope,
      (evaluations[scope as PackScope] ?? []).map(({ subject, facts }) => ({ subject, facts })),
    ]),
  );
  io.stdout(`${JSON.stringify(shown, null, 2)}\n`);
  return 0;
}
