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
       both: [--prometheus URL [--prometheus-token-file FILE]]   metrics over time from Prometheus/Thanos
             [--intents FILE]...                                   your own intents for query_ptp
             [--partial]                                           read dir: snapshots that are not whole, marked partial
             [--events-listen HOST:PORT [--events-endpoint URL] [--events-publisher URL] [--events-api v2|v1]]
                                                                   O-RAN events of every node, live
  The bearer token comes from --token-file or $PTP_MCP_TOKEN (Prometheus': --prometheus-token-file or
  $PTP_MCP_PROMETHEUS_TOKEN), never from the command line; the server's is
  required to serve anywhere but 127.0.0.1. The default source is cluster when a kubeconfig is given or
  found ($KUBECONFIG, in a pod), else the built-in demo.`;

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
      prometheus: { type: 'string' },
      intents: { type: 'string', multiple: true },
      'events-listen': { type: 'string' },
      'events-endpoint': { type: 'string' },
      'events-publisher': { type: 'string' },
      'events-api': { type: 'string' },
      'prometheus-token-file': { type: 'string' },
      partial: { type: 'boolean' },
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
    const withEvents = createService({ kube, cloudEvents: feed.feed, partialSnapshots: values.partial });
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
  await server.close();
  return 0;
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
