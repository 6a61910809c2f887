import type { OptionSpecs } from './command-spec-types.js';

/**
 * The options every command accepts wherever they stand, as help and completion show them; kube-options.ts,
 * host-options.ts and config-options.ts take them out of the command line (a test holds them together).
 */
export const CLUSTER_OPTIONS = {
  kubeconfig: {
    type: 'string',
    value: 'FILE',
    complete: 'file',
    description: 'the kubeconfig (else $KUBECONFIG, ~/.kube/config, or the pod’s service account)',
  },
  context: {
    type: 'string',
    multiple: true,
    value: 'NAME',
    description: 'the kubeconfig context to read (default: its current one); several: a fleet, for diagnose',
  },
  'all-contexts': { type: 'boolean', description: 'diagnose the cluster of every context of the kubeconfig' },
  namespace: {
    type: 'string',
    value: 'NS',
    description: 'where the PTP operator runs (default openshift-ptp)',
  },
  'source-timeout': {
    type: 'string',
    value: 'DURATION',
    description: 'the deadline of a whole read of a cluster (default 120s; 30m for snapshot record)',
  },
} as const satisfies OptionSpecs;

export const HOST_OPTIONS = {
  'ptp4l-config': {
    type: 'string',
    multiple: true,
    value: 'FILE',
    complete: 'file',
    description: 'a ptp4l config file of this host',
  },
  'phc2sys-config': {
    type: 'string',
    multiple: true,
    value: 'FILE',
    complete: 'file',
    description: 'a phc2sys config file',
  },
  'ts2phc-config': {
    type: 'string',
    multiple: true,
    value: 'FILE',
    complete: 'file',
    description: 'a ts2phc config file',
  },
  log: {
    type: 'string',
    multiple: true,
    value: 'FILE',
    complete: 'file',
    description: 'a log of ptp4l, phc2sys or ts2phc (ptp4l -m output, syslog)',
  },
  journal: { type: 'boolean', description: 'read the systemd journal of the linuxptp units' },
  'journal-unit': {
    type: 'string',
    multiple: true,
    value: 'UNIT',
    description: 'a unit whose journal is read (with --journal; default the linuxptp units)',
  },
  'node-name': {
    type: 'string',
    value: 'NAME',
    description: 'the name this host has in the report (default its hostname)',
  },
} as const satisfies OptionSpecs;

export const CONFIG_OPTIONS = {
  config: {
    type: 'string',
    value: 'FILE',
    complete: 'file',
    description: 'read this config file instead of ptp-mcp.config.yaml found from the working folder',
  },
  'no-config': { type: 'boolean', description: 'read no config file' },
} as const satisfies OptionSpecs;
