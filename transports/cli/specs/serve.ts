import { command, INTENTS, PARTIAL, SOURCE, USAGE_ERROR } from './common.js';

export const SERVE = command({
  name: 'serve',
  summary: 'the MCP server (Claude Desktop, OpenShift Lightspeed, any MCP client)',
  maxArgs: 0,
  reads: ['cluster', 'host'],
  options: {
    stdio: { type: 'boolean', description: 'MCP over stdin/stdout (an MCP client starts the server)' },
    http: {
      type: 'boolean',
      description: 'MCP over Streamable HTTP at /mcp, with /healthz, /readyz and /metrics',
    },
    host: {
      type: 'string',
      value: 'ADDRESS',
      description: 'with --http: the address to listen on (default 127.0.0.1)',
    },
    port: {
      type: 'string',
      value: 'PORT',
      description: 'with --http: the port (default 8080; 0 picks a free one)',
    },
    'token-file': {
      type: 'string',
      value: 'FILE',
      complete: 'file',
      description: 'the bearer token clients must send (else $PTP_MCP_TOKEN); required off 127.0.0.1',
    },
    stateless: { type: 'boolean', description: 'with --http: no sessions, each request on its own' },
    'allowed-host': {
      type: 'string',
      multiple: true,
      value: 'NAME',
      description: 'a Host header accepted (DNS rebinding protection; default the loopback names)',
    },
    'allowed-origin': {
      type: 'string',
      multiple: true,
      value: 'ORIGIN',
      description: 'an Origin header accepted',
    },
    source: {
      ...SOURCE,
      description: 'the default source of the tools (default cluster when a kubeconfig is found, else demo)',
    },
    'watch-interval': {
      type: 'string',
      value: 'DURATION',
      description: 'how often subscribed resources are re-evaluated (default 30s)',
    },
    'max-sessions': {
      type: 'string',
      value: 'N',
      description: 'HTTP sessions at once (default 1000); at the cap the one idle the longest makes room',
    },
    'session-idle': {
      type: 'string',
      value: 'DURATION',
      description: 'an HTTP session idle this long ends (default 15m)',
    },
    prometheus: { type: 'string', value: 'URL', description: 'Prometheus or Thanos, for metrics over time' },
    'prometheus-token-file': {
      type: 'string',
      value: 'FILE',
      complete: 'file',
      description: 'the bearer token of --prometheus (else $PTP_MCP_PROMETHEUS_TOKEN)',
    },
    intents: { ...INTENTS, description: 'an intent pack of your own questions for query_ptp' },
    'events-listen': {
      type: 'string',
      value: 'HOST:PORT',
      description: 'receive the O-RAN events of every node here (the cloud-event-proxy publishes to it)',
    },
    'events-endpoint': {
      type: 'string',
      value: 'URL',
      description: 'the URL the publisher sends events to (default from --events-listen)',
    },
    'events-publisher': {
      type: 'string',
      value: 'URL',
      description: 'the O-RAN publisher of each node (default the cloud-event-proxy)',
    },
    'events-api': {
      type: 'string',
      choices: ['v2', 'v1'],
      description: 'the O-RAN event API version (default v2)',
    },
    partial: { ...PARTIAL, description: 'read dir: snapshots that are not whole, marked partial' },
    'snapshot-root': {
      type: 'string',
      multiple: true,
      value: 'DIR',
      complete: 'folder',
      description: 'calls may name dir: sources under DIR (none otherwise)',
    },
    'packs-dir': {
      type: 'string',
      multiple: true,
      value: 'DIR',
      complete: 'folder',
      description: 'calls may name the rule packs of DIR besides the built-in ones',
    },
    toolsets: {
      type: 'string',
      value: 'NAME,...',
      description: 'the MCP toolsets served (default: all but exec; listed below)',
    },
    'allow-exec': {
      type: 'boolean',
      description:
        'serve the exec toolset (commands in the daemon pods; the cluster role must grant pods/exec)',
    },
  },
  notes: [
    'Bearer tokens are read from files or the environment, never from the command line. SIGTERM or SIGINT\nstops accepting, answers the calls in flight (up to 10s), then exits; a second signal exits at once.',
  ],
  examples: [
    'ptp-mcp serve --stdio',
    'ptp-mcp serve --http --host 0.0.0.0 --token-file /run/secrets/ptp-mcp-token --source cluster',
  ],
  exitCodes: {
    0: 'stopped by a signal (HTTP) or by the client closing stdin (stdio)',
    1: 'a second signal while draining',
    2: `cannot serve (a port in use, an address not of this machine); ${USAGE_ERROR}`,
  },
});
