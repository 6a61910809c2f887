import { realpathSync, statSync } from 'node:fs';
import type { PtpService } from '../../../core/service.js';
import { NUMBER_OPTIONS, numberOption, oneOf, parseCommandArgs } from '../args.js';
import type { CliApp } from '../cli-app.js';
import { CliError } from '../cli-error.js';
import type { CliIo } from '../io.js';
import type { KubeOptions } from '../kube-options.js';
import { readTokenFile } from '../token-file.js';

const USAGE = `usage: ptp-mcp serve --stdio [--source SOURCE]
       ptp-mcp serve --http [--host 127.0.0.1] [--port 8080] [--token-file FILE] [--stateless]
                     [--allowed-host NAME]... [--allowed-origin ORIGIN]... [--source SOURCE] [--watch-interval 30s]
                     [--max-sessions 1000] [--session-idle 15m]   a session idle this long ends; at the
                                                                   cap the one idle the longest makes room
       both: [--prometheus URL [--prometheus-token-file FILE]]   metrics over time from Prometheus/Thanos
             [--intents FILE]...                                   your own intents for query_ptp
             [--partial]                                           read dir: snapshots that are not whole, marked partial
             [--snapshot-root DIR]...                              calls may name dir: sources under DIR (none otherwise)
             [--packs-dir DIR]...                                  calls may name the rule packs of DIR besides built-in ones
             [--events-listen HOST:PORT [--events-endpoint URL] [--events-publisher URL] [--events-api v2|v1]]
                                                                   O-RAN events of every node, live
  The bearer token comes from --token-file or $PTP_MCP_TOKEN (Prometheus': --prometheus-token-file or
  $PTP_MCP_PROMETHEUS_TOKEN), never from the command line; the server's is
  required to serve anywhere but 127.0.0.1. The default source is cluster when a kubeconfig is given or
  found ($KUBECONFIG, in a pod), else the built-in demo; --source host serves this machine (with
  --ptp4l-config FILE, --log FILE or --journal, as for diagnose). SIGTERM or SIGINT stops accepting, answers the
  calls in flight (up to 10s), then exits; a second signal exits at once.`;

/** How long a stopping HTTP server waits for the calls in flight before it cuts them. */
const DRAIN_MS = 10_000;

/** `ptp-mcp serve`: the MCP server, over stdio or Streamable HTTP. */
export async function serveCommand(argv: string[], io: CliIo, app: CliApp): Promise<number> {
  const kube = app.kube;
  let service: () => Promise<PtpService> = () => app.service({ partial: values.partial });
  const { values } = parseCommandArgs(
    argv,
    {
      stdio: { type: 'boolean' },
      http: { type: 'boolean' },
      host: { type: 'string' },
      port: { type: 'string' },
      'token-file': { type: 'string' },
      stateless: { type: 'boolean' },
      'allowed-host': { type: 'string', multiple: true },
      'allowed-origin': { type: 'string', multiple: true },
      source: { type: 'string' },
      'watch-interval': { type: 'string' },
      'max-sessions': { type: 'string' },
      'session-idle': { type: 'string' },
      prometheus: { type: 'string' },
      intents: { type: 'string', multiple: true },
      'events-listen': { type: 'string' },
      'events-endpoint': { type: 'string' },
      'events-publisher': { type: 'string' },
      'events-api': { type: 'string' },
      'prometheus-token-file': { type: 'string' },
      partial: { type: 'boolean' },
      'snapshot-root': { type: 'string', multiple: true },
      'packs-dir': { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
    0,
  );
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (values.stdio === values.http) throw new CliError(`serve needs --stdio or --http\n${USAGE}`);
  const watch =
    numberOption(values['watch-interval'], 'watch-interval', NUMBER_OPTIONS.watchInterval) ?? 30_000;
  const port = numberOption(values.port, 'port', NUMBER_OPTIONS.port) ?? 8080;
  const inCluster = process.env.KUBERNETES_SERVICE_HOST !== undefined || process.env.KUBECONFIG !== undefined;
  const defaultSource =
    values.source ??
    (kube.kubeconfig !== undefined || kube.context !== undefined || inCluster ? 'cluster' : 'demo');
  const prometheusToken = values['prometheus-token-file']
    ? readTokenFile(values['prometheus-token-file'], 'prometheus-token-file')
    : process.env.PTP_MCP_PROMETHEUS_TOKEN;
  const prometheus = values.prometheus
    ? new (await import('../../../plugins/metrics/prometheus-client.js')).PrometheusClient({
        url: values.prometheus,
        token: prometheusToken,
      })
    : undefined;
  const feed = values['events-listen'] ? await startEventFeed(values, kube, io) : undefined;
  if (feed) {
    const { createService } = await import('../../../core/container.js');
    const withEvents = createService({
      kube,
      host: app.host,
      cloudEvents: feed.feed,
      partialSnapshots: values.partial,
    });
    service = async () => withEvents;
  }
  if (values.intents) {
    // Checked before serving (a FIFO, a bad pack: exit 2 naming it), not at the first question.
    const [{ loadIntents }, { TOOLS }] = await Promise.all([
      import('../../../core/nlq/intent-loader.js'),
      import('../../mcp/tools.js'),
    ]);
    loadIntents(values.intents, { tools: TOOLS.map((tool) => tool.name) });
  }
  const options = {
    events: feed?.feed,
    service,
    defaultSource,
    kubeconfig: kube.kubeconfig,
    watchIntervalMs: watch,
    prometheus,
    intentPacks: values.intents,
    snapshotRoots: (values['snapshot-root'] ?? []).map((dir) => folderOption(dir, 'snapshot-root')),
    packsDirs: (values['packs-dir'] ?? []).map((dir) => folderOption(dir, 'packs-dir')),
    partialSnapshots: values.partial,
  };
  if (values.stdio) {
    io.stderr(`ptp-mcp: MCP over stdio, default source ${defaultSource}\n`);
    // Each transport's modules load when it serves (express is a third of an HTTP server's start).
    await (await import('../../stdio/stdio-server.js')).serveStdio(options);
    return 0;
  }
  const token = values['token-file']
    ? readTokenFile(values['token-file'], 'token-file')
    : process.env.PTP_MCP_TOKEN;
  if (token !== undefined && token.length < 16)
    throw new CliError('the bearer token must have at least 16 characters');
  const maxSessions = numberOption(values['max-sessions'], 'max-sessions', NUMBER_OPTIONS.maxSessions);
  const sessionIdleMs = numberOption(values['session-idle'], 'session-idle', NUMBER_OPTIONS.sessionIdle);
  const { HttpConfigError, startHttpServer } = await import('../../http/http-server.js');
  let server: Awaited<ReturnType<typeof startHttpServer>>;
  try {
    server = await startHttpServer({
      ...options,
      log: (line) => io.stderr(`${line}\n`),
      host: values.host ?? '127.0.0.1',
      port,
      token,
      stateless: values.stateless,
      maxSessions,
      sessionIdleMs,
      drainMs: DRAIN_MS,
      allowedHosts: values['allowed-host'],
      allowedOrigins: values['allowed-origin'],
    });
  } catch (error) {
    if (error instanceof HttpConfigError) throw new CliError(error.message);
    throw new CliError(`cannot serve: ${(error as Error).message}`);
  }
  io.stderr(
    `ptp-mcp: MCP over HTTP at ${server.url}/mcp (${values.stateless ? 'stateless' : 'sessions'}), default source ${defaultSource}; Ctrl-C stops\n`,
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  io.stderr('ptp-mcp: shutting down\n');
  // A second signal, or a drain that outlasts its bound (a handle that keeps the process), ends it at once.
  const force = () => process.exit(1);
  process.once('SIGINT', force);
  process.once('SIGTERM', force);
  setTimeout(force, DRAIN_MS + 5000).unref();
  await server.close();
  return 0;
}

/** A folder the operator names, by its real path; anything else is a usage error before serving. */
function folderOption(dir: string, option: string): string {
  try {
    const real = realpathSync(dir);
    if (statSync(real).isDirectory()) return real;
  } catch {
    // Reported below, as for a path that is not a folder.
  }
  throw new CliError(`--${option} ${dir}: not a folder`);
}

/**
 * The O-RAN consumer of `--events-listen`: it subscribes to the publisher of every node with a daemon
 * pod (the cluster of the default source), and its history feeds the live snapshots.
 */
async function startEventFeed(
  values: {
    'events-listen'?: string;
    'events-endpoint'?: string;
    'events-publisher'?: string;
    'events-api'?: string;
  },
  kube: KubeOptions,
  io: CliIo,
) {
  const { EventFeed, DEFAULT_PUBLISHER_URL } = await import('../../../plugins/cloud-events/event-feed.js');
  const listen = /^(.+):([^:]*)$/.exec(values['events-listen']!);
  if (!listen) throw new CliError(`--events-listen takes HOST:PORT (got "${values['events-listen']}")`);
  const port = numberOption(listen[2], 'events-listen PORT', NUMBER_OPTIONS.port)!;
  const version = oneOf(values['events-api'], ['v2', 'v1'] as const, 'events-api', 'v2');
  const feed = new EventFeed({
    host: listen[1]!,
    port,
    endpoint: values['events-endpoint'],
    publisherUrl: values['events-publisher'] ?? DEFAULT_PUBLISHER_URL,
    namespace: kube.namespace ?? 'openshift-ptp',
    version,
    checkIntervalMs: 30_000,
    historySize: 1000,
  });
  const at = await feed.start();
  const { createService } = await import('../../../core/container.js');
  const snapshot = await createService({ kube }).snapshot({ source: 'cluster' });
  const nodes = snapshot.nodes.filter((n) => n.daemonPod).map((n) => n.name);
  await feed.follow(nodes);
  io.stderr(`ptp-mcp: O-RAN consumer at ${at}, following ${nodes.length} node(s)\n`);
  return { feed };
}
