import { command, USAGE_ERROR, YEAR } from './common.js';

export const LOGS_ANALYZE = command({
  name: 'logs analyze',
  summary: 'summarize any linuxptp log: servo, offsets, port states, faults, GM and clock class',
  args: '<file|->',
  argsComplete: 'file',
  options: {
    format: {
      type: 'string',
      choices: ['text', 'json', 'html'],
      description: 'the output format (html: offsets, servo and port states on one time axis, one file)',
    },
    out: {
      type: 'string',
      value: 'FILE',
      complete: 'file',
      description: 'write the output to FILE instead of stdout',
    },
    year: YEAR,
    jobs: {
      type: 'string',
      value: 'N',
      description: 'worker threads reading one large file (default: by the cores)',
    },
  },
  notes: ['"-" reads the log from stdin.'],
  examples: [
    'ptp-mcp logs analyze linuxptp-daemon.log',
    'oc logs -n openshift-ptp ds/linuxptp-daemon -c linuxptp-daemon-container | ptp-mcp logs analyze -',
  ],
  exitCodes: { 0: 'analyzed', 2: `the log cannot be read (missing, not text); ${USAGE_ERROR}` },
});
