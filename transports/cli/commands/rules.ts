import { z } from 'zod';
import { ConfigFileSchema } from '../../../core/config/config-schema.js';
import { readLintInputs } from '../../../core/lint/lint-inputs.js';
import { DEFAULT_LINUXPTP_VERSION } from '../../../core/lint/lint-run.js';
import { LinuxptpVersionError, linuxptpTarget } from '../../../core/lint/linuxptp-version.js';
import { isIntentPackFile, validateIntentPack } from '../../../core/nlq/intent-loader.js';
import { IntentPack } from '../../../core/nlq/intent-pack.js';
import { factTables, renderFactTables } from '../../../core/rules/fact-schema-table.js';
import { configEvaluations } from '../../../core/rules/facts/config-evaluations.js';
import { PackCache } from '../../../core/rules/pack-cache.js';
import { builtInPackNames, resolvePackReference } from '../../../core/rules/pack-loader.js';
import { PackScope, RulePack } from '../../../core/rules/pack-schema.js';
import { RulePackTest } from '../../../core/rules/pack-test-schema.js';
import { packTestFiles, runPackTestFile } from '../../../core/rules/pack-tests.js';
import type { Evaluation, EvaluationsByScope } from '../../../core/rules/rule-engine.js';
import { NUMBER_OPTIONS, numberOption, oneOf, parseCommandArgs } from '../args.js';
import type { CliApp } from '../cli-app.js';
import { CliError } from '../cli-error.js';
import { renderPackTests } from '../format/pack-tests-text.js';
import type { CliIo } from '../io.js';

const LIST_USAGE = 'usage: ptp-mcp rules list [--pack NAME|PATH]... [--format text|json]';
const VALIDATE_USAGE = 'usage: ptp-mcp rules validate <rule or intent pack name or file...>';
const TEST_USAGE =
  'usage: ptp-mcp rules test <test files or folders...>   (folders: every *.test.yaml in them)';
const SCHEMA_USAGE = 'usage: ptp-mcp rules schema [--kind pack|test|intents|config]';

const SCHEMAS = {
  pack: { title: 'ptp-mcp RulePack', type: RulePack },
  test: { title: 'ptp-mcp RulePackTest', type: RulePackTest },
  intents: { title: 'ptp-mcp IntentPack', type: IntentPack },
  config: { title: 'ptp-mcp Config', type: ConfigFileSchema },
} as const;

/** `ptp-mcp rules list`: the built-in packs (or those named), each with its rules. */
export async function rulesListCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs(
    argv,
    {
      pack: { type: 'string', multiple: true },
      format: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    LIST_USAGE,
    0,
  );
  if (values.help) return usage(io, LIST_USAGE);
  const format = oneOf(values.format, ['text', 'json'] as const, 'format', 'text');
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
  const { values, positionals } = parseCommandArgs(
    argv,
    { help: { type: 'boolean', short: 'h' } },
    VALIDATE_USAGE,
  );
  if (values.help) return usage(io, VALIDATE_USAGE);
  if (positionals.length === 0) throw new CliError(`rules validate needs a pack\n${VALIDATE_USAGE}`);
  const cache = new PackCache();
  for (const reference of positionals) {
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
  const { values, positionals } = parseCommandArgs(
    argv,
    { format: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    TEST_USAGE,
  );
  if (values.help) return usage(io, TEST_USAGE);
  if (positionals.length === 0) throw new CliError(`rules test needs test files or folders\n${TEST_USAGE}`);
  const format = oneOf(values.format, ['text', 'json'] as const, 'format', 'text');
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
  const { values } = parseCommandArgs(
    argv,
    { kind: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    SCHEMA_USAGE,
    0,
  );
  if (values.help) return usage(io, SCHEMA_USAGE);
  const kind = oneOf(values.kind, Object.keys(SCHEMAS) as (keyof typeof SCHEMAS)[], 'kind', 'pack');
  const { title, type } = SCHEMAS[kind];
  const schema = z.toJSONSchema(type, { io: 'input', unrepresentable: 'any' });
  io.stdout(`${JSON.stringify({ title, ...schema }, null, 2)}\n`);
  return 0;
}

function usage(io: CliIo, text: string): number {
  io.stdout(`${text}\n`);
  return 0;
}

const FACTS_USAGE = `usage: ptp-mcp rules facts [--scope SCOPE] [--format text|json]   what a rule can read: path, type, meaning
       ptp-mcp rules facts <config file>                      the facts of each profile, port and option
       ptp-mcp rules facts --source demo|scenario:NAME|dir:PATH [--node NODE] [--last DURATION]
                           [--scope node|process|cluster]         the facts the runtime packs see`;

/** `ptp-mcp rules facts`: what a rule's conditions can read, for pack authors (JSON, by scope). */
export async function rulesFactsCommand(argv: string[], io: CliIo, app: CliApp): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      source: { type: 'string' },
      node: { type: 'string' },
      last: { type: 'string' },
      scope: { type: 'string' },
      'linuxptp-version': { type: 'string' },
      format: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    FACTS_USAGE,
    1,
  );
  if (values.help) return usage(io, FACTS_USAGE);
  if (positionals.length === 0 && values.source === undefined) {
    const format = oneOf(values.format, ['text', 'json'] as const, 'format', 'text');
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
