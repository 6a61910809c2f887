import { command, INTENTS, PARTIAL, SOURCE, TEXT_JSON, USAGE_ERROR } from './common.js';

export const ASK = command({
  name: 'ask',
  summary: 'a question in words, e.g. "why is bc-2 in holdover?", answered from the data',
  args: '"<question>"',
  reads: ['cluster', 'host'],
  options: {
    source: SOURCE,
    intents: INTENTS,
    format: TEXT_JSON,
    partial: PARTIAL,
  },
  examples: [
    'ptp-mcp ask "why is bc-2 in holdover?"',
    'ptp-mcp ask "which node is the grandmaster?" --source cluster',
  ],
  exitCodes: {
    0: 'answered',
    1: 'the question was not understood (suggestions printed) or needs more',
    2: `the source cannot be read; ${USAGE_ERROR}`,
  },
});
