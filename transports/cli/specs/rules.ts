import { DEFAULT_LINUXPTP_VERSION } from '../../../core/lint/linuxptp-version.js';
import { PackScope } from '../../../core/rules/pack-schema.js';
import { command, LAST, NODE, PACK, SOURCE, TEXT_JSON, USAGE_ERROR } from './common.js';

export const RULES_LIST = command({
  name: 'rules list',
  summary: 'the rule packs and their rules',
  maxArgs: 0,
  options: {
    pack: { ...PACK, description: 'list this pack (default: every built-in pack)' },
    format: TEXT_JSON,
  },
  examples: ['ptp-mcp rules list', 'ptp-mcp rules list --pack ./team-pack.yaml --format json'],
  exitCodes: { 0: 'listed', 2: USAGE_ERROR },
});

export const RULES_VALIDATE = command({
  name: 'rules validate',
  summary:
    'check a rule pack, intent pack, intent examples or NIC profiles (and what it extends): file:line:column of a problem',
  args: '<packs...>',
  argsComplete: 'file',
  options: {},
  examples: ['ptp-mcp rules validate ./team-pack.yaml', 'ptp-mcp rules validate fault-severity'],
  exitCodes: {
    0: 'every pack is valid',
    2: 'a pack is invalid (file:line:column and what is wrong), or unreadable',
  },
});

export const RULES_TEST = command({
  name: 'rules test',
  summary: 'run rule pack tests (*.test.yaml): cases that must fire and cases that must stay silent',
  args: '<tests...>',
  argsComplete: 'file',
  options: { format: TEXT_JSON },
  notes: ['A folder runs every *.test.yaml in it.'],
  examples: ['ptp-mcp rules test rules/tests'],
  exitCodes: { 0: 'every case passed', 1: 'a case failed', 2: `a test file unusable; ${USAGE_ERROR}` },
});

export const RULES_SCHEMA = command({
  name: 'rules schema',
  summary: 'JSON Schema of rule packs (--kind test: pack tests, intents, examples, config, nic-profiles)',
  maxArgs: 0,
  options: {
    kind: {
      type: 'string',
      choices: ['pack', 'test', 'intents', 'examples', 'config', 'nic-profiles'],
      description: 'which file kind (default pack)',
    },
  },
  examples: ['ptp-mcp rules schema > ptp-mcp-pack.schema.json', 'ptp-mcp rules schema --kind config'],
  exitCodes: { 0: 'printed', 2: USAGE_ERROR },
});

export const RULES_FACTS = command({
  name: 'rules facts',
  summary: 'the facts rules can test, for a config file or a snapshot (--source)',
  args: '[config file]',
  argsComplete: 'file',
  maxArgs: 1,
  reads: ['cluster', 'host'],
  options: {
    source: {
      ...SOURCE,
      description: 'the facts the runtime packs see for this source',
    },
    node: NODE,
    last: LAST,
    scope: {
      type: 'string',
      choices: PackScope.options,
      description: 'only the facts of this scope',
    },
    'linuxptp-version': {
      type: 'string',
      value: 'VERSION',
      description: `with a config file: the linuxptp release it is read for (default ${DEFAULT_LINUXPTP_VERSION})`,
    },
    format: { ...TEXT_JSON, description: 'without a file or --source: the fact table as text or json' },
  },
  notes: [
    'Without a file or --source: what a rule can read (path, type, meaning); with a config file: the facts of\neach profile, port and option; with --source: the facts the runtime packs see (JSON).',
  ],
  examples: [
    'ptp-mcp rules facts --scope node',
    'ptp-mcp rules facts ptp4l.conf',
    'ptp-mcp rules facts --source demo --node bc-2',
  ],
  exitCodes: { 0: 'printed', 2: `the file or source cannot be read; ${USAGE_ERROR}` },
});
