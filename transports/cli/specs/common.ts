import { SEVERITIES } from '../../../core/model/finding.js';
import type { CommandSpec, OptionSpec } from '../command-spec-types.js';

/** A command's definition, its literal types kept (OptionValues types the parsed values from them). */
export function command<const S extends CommandSpec>(spec: S): S {
  return spec;
}

// Options several commands share, described once.
export const SOURCE = {
  type: 'string',
  value: 'SOURCE',
  description: 'what to read',
  listsSources: true,
} as const satisfies OptionSpec;
export const NODE = {
  type: 'string',
  value: 'NODE',
  description: 'only this node',
} as const satisfies OptionSpec;
export const LAST = {
  type: 'string',
  value: 'DURATION',
  description: 'only the last DURATION of the data (such as 10m), counted back from its end',
} as const satisfies OptionSpec;
export const YEAR = {
  type: 'string',
  value: 'YYYY',
  description: 'the year of log lines that carry none (syslog, klog; default: from the data)',
} as const satisfies OptionSpec;
export const PACK = {
  type: 'string',
  multiple: true,
  value: 'NAME|FILE',
  complete: 'file',
  description: 'a rule pack: a built-in one by name or a pack file',
} as const satisfies OptionSpec;
export const FAIL_ON = { type: 'string', choices: SEVERITIES } as const;
export const PARTIAL = {
  type: 'boolean',
  description: 'read a snapshot folder that is not whole (no valid snapshot.yaml, or marked incomplete)',
} as const satisfies OptionSpec;
export const TEXT_JSON = {
  type: 'string',
  choices: ['text', 'json'],
  description: 'the output format (default text)',
} as const;
export const INTENTS = {
  type: 'string',
  multiple: true,
  value: 'FILE',
  complete: 'file',
  description: 'an intent pack of your own questions, beside the built-in intents',
} as const satisfies OptionSpec;
export const USAGE_ERROR = 'a bad option or argument, or an input, pack or config that cannot be read';
