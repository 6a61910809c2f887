import { DEFAULT_LINUXPTP_VERSION } from '../../../core/lint/linuxptp-version.js';
import { command, FAIL_ON, PACK, USAGE_ERROR } from './common.js';

export const LINT = command({
  name: 'lint',
  summary: 'check PtpConfigs and ptp4l.conf files against rule packs: the CI gate (SARIF, JUnit)',
  args: '<paths...|->',
  argsComplete: 'file',
  options: {
    pack: {
      ...PACK,
      description: 'a rule pack run instead of the standard pack each profile is detected to use',
    },
    format: {
      type: 'string',
      choices: ['text', 'json', 'sarif', 'junit', 'github'],
      description: 'the report format (default text; github: workflow annotations)',
    },
    'fail-on': {
      ...FAIL_ON,
      description: 'exit 1 when a finding at or above this severity exists (default moderate)',
    },
    suppressions: {
      type: 'string',
      value: 'FILE',
      complete: 'file',
      description: 'findings switched off on purpose, each with its reason',
    },
    'linuxptp-version': {
      type: 'string',
      value: 'VERSION',
      description: `the linuxptp release the configs are checked against (default ${DEFAULT_LINUXPTP_VERSION})`,
    },
    phc: {
      type: 'string',
      multiple: true,
      value: 'IFACE=INDEX',
      description: 'the PTP Hardware Clock ethtool -T reports for an interface (boundary_clock_jbod checks)',
    },
    'output-file': {
      type: 'string',
      value: 'FILE',
      complete: 'file',
      description: 'write the report to FILE; stdout then says in one line what it holds',
    },
    quiet: {
      type: 'boolean',
      short: 'q',
      description:
        'text and github show only findings at or above --fail-on (counts and exit code unchanged)',
    },
  },
  notes: [
    '"-" reads one config (a PtpConfig YAML or a ptp4l.conf) from stdin, named <stdin>.',
    "Config file keys used when the flag is not given: packs.add (--pack), suppressions, linuxptpVersion,\nfailOn, sarif.helpUri (each SARIF rule's link: {rule} and {pack} are replaced).",
  ],
  examples: [
    'ptp-mcp lint deploy/ptpconfigs/',
    'ptp-mcp lint ptp4l.conf --fail-on critical --format sarif --output-file ptp.sarif',
    'oc get ptpconfig -n openshift-ptp -o yaml | ptp-mcp lint -',
  ],
  exitCodes: {
    0: 'no finding at or above --fail-on',
    1: 'a finding at or above --fail-on',
    2: `an input unreadable, or no config found in the paths; ${USAGE_ERROR}`,
  },
});
