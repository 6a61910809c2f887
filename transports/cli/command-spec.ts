import type { CommandSpec } from './command-spec-types.js';
import { ASK } from './specs/ask.js';
import { COMPLETION } from './specs/completion.js';
import { DIAGNOSE } from './specs/diagnose.js';
import { LINT } from './specs/lint.js';
import { LOGS_ANALYZE } from './specs/logs-analyze.js';
import { RULES_FACTS, RULES_LIST, RULES_SCHEMA, RULES_TEST, RULES_VALIDATE } from './specs/rules.js';
import { SERVE } from './specs/serve.js';
import { SIMULATE } from './specs/simulate.js';
import { SNAPSHOT_RECORD } from './specs/snapshot-record.js';
import { TREND } from './specs/trend.js';

export type { CommandSpec, OptionSpec, OptionSpecs, OptionValues } from './command-spec-types.js';

/**
 * Every command of the CLI, each declared once in specs/<command>.ts: main.ts dispatches by these names,
 * each command parses its arguments with parseCommand(argv, its spec), `--help` is commandHelp(spec) and
 * `ptp-mcp completion` makes the shell scripts from them. An option added to a spec is parsed, listed in
 * help and completed; there is no other list of a command's options.
 */
export const COMMAND_SPECS: readonly CommandSpec[] = [
  DIAGNOSE,
  TREND,
  LINT,
  LOGS_ANALYZE,
  RULES_LIST,
  RULES_VALIDATE,
  RULES_TEST,
  RULES_SCHEMA,
  RULES_FACTS,
  ASK,
  SERVE,
  SNAPSHOT_RECORD,
  SIMULATE,
  COMPLETION,
];
