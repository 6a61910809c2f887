import { command, USAGE_ERROR } from './common.js';

export const SIMULATE = command({
  name: 'simulate',
  summary: 'serve a scenario or snapshot as a Kubernetes API on loopback, with a kubeconfig',
  maxArgs: 0,
  options: {
    scenario: {
      type: 'string',
      value: 'NAME',
      description: 'the recorded scenario to serve (default the demo)',
    },
    snapshot: {
      type: 'string',
      value: 'DIR',
      complete: 'folder',
      description: 'a snapshot folder to serve instead',
    },
    port: { type: 'string', value: 'PORT', description: 'the port (default 0: a free one)' },
    host: { type: 'string', value: 'ADDRESS', description: 'a loopback address (default 127.0.0.1)' },
    nodes: {
      type: 'string',
      value: 'N',
      description: 'N nodes, the source’s cloned as needed (a fleet-sized cluster)',
    },
    clusters: {
      type: 'string',
      value: 'N',
      description: 'N clusters, each its own API server, one kubeconfig with a context each',
    },
    faults: {
      type: 'string',
      value: 'FILE',
      complete: 'file',
      description: 'a fault plan (YAML) the API applies',
    },
    'kubeconfig-out': {
      type: 'string',
      value: 'FILE',
      complete: 'file',
      description: 'write the kubeconfig to FILE (mode 600) instead of stdout',
    },
  },
  notes: ['It serves until interrupted (Ctrl-C, SIGTERM).'],
  examples: ['ptp-mcp simulate --scenario holdover-freerun --kubeconfig-out /tmp/kubeconfig'],
  exitCodes: { 0: 'served until stopped', 2: USAGE_ERROR },
});
