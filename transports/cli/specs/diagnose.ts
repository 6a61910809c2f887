import { command, FAIL_ON, LAST, NODE, PACK, PARTIAL, SOURCE, USAGE_ERROR, YEAR } from './common.js';

export const DIAGNOSE = command({
  name: 'diagnose',
  summary: 'state of every node, clock hierarchy and episodes (default source: the built-in demo)',
  maxArgs: 0,
  reads: ['cluster', 'host'],
  options: {
    source: SOURCE,
    node: NODE,
    last: LAST,
    format: {
      type: 'string',
      choices: ['text', 'json', 'html'],
      description: 'the output format (html: one self-contained file, for a ticket or an e-mail)',
    },
    out: {
      type: 'string',
      value: 'FILE',
      complete: 'file',
      description: 'write the output to FILE instead of stdout',
    },
    summary: { type: 'boolean', description: 'per node one line, without the details' },
    year: YEAR,
    pack: { ...PACK, description: 'a rule pack run beside fault-severity and clock-class-fallback' },
    partial: PARTIAL,
    'fail-on': { ...FAIL_ON, description: 'exit 1 when a finding at or above this severity exists (a gate)' },
    'fleet-concurrency': {
      type: 'string',
      value: 'N',
      description: 'with several --context or --all-contexts: clusters read at once (default 4)',
    },
  },
  notes: [
    'Several --context, or --all-contexts, read a fleet: per cluster its health, worst nodes and grandmasters;\na cluster that cannot be read is a warning (exit 2 only when none can).',
    'Config file keys used when the flag is not given: sources.default (--source), packs.add (--pack), failOn.',
  ],
  examples: [
    'ptp-mcp diagnose',
    'ptp-mcp diagnose --source scenario:holdover-freerun --node bc-2 --last 10m',
    'ptp-mcp diagnose --source cluster --summary --fail-on critical',
  ],
  exitCodes: {
    0: 'diagnosed, and no finding at or above --fail-on',
    1: 'a finding at or above --fail-on',
    2: `the source could not be read (no node's daemon log, a missing folder); ${USAGE_ERROR}`,
  },
});
