import { realpathSync, statSync } from 'node:fs';
import type { PluginToolset } from '../../../core/plugins/plugin-schema.js';
import type { PtpService } from '../../../core/service.js';
import { NUMBER_OPTIONS, numberOption, oneOf, parseCommand } from '../args.js';
import type { CliApp } from '../cli-app.js';
import { CliError } from '../cli-error.js';
import { commandHelp, usageOf } from '../command-help.js';
import type { CliIo } from '../io.js';
import type { KubeOptions } from '../kube-options.js';
import { SERVE } from '../specs/serve.js';
import { readTokenFile } from '../token-file.js';

const CONFIG_KEYS = `config file keys used when the flag is not given: toolsets, allowExec, plugins (their sources,
toolsets, operators, packs, NIC profiles), sources.default (--source), sources.snapshotRoots, sources.packDirs,
server.host, server.port, server.tokenFile, server.stateless, server.allowedHosts, server.allowedOrigins,
server.watchInterval, server.sessionIdle`;

/** How long a stopping HTTP server waits for the calls in flight before it cuts them. */
const DRAIN_MS = 10_000;

/** `ptp-mcp serve`: the MCP server, over stdio or Streamable HTTP. */
export async function serveCommand(argv: string[], io: CliIo, app: CliApp): Promise<number> {
  const { values } = parseCommand(argv, SERVE);
  const pluginToolsets = app.plugins.flatMap((plugin) => plugin.toolsets);
  if (values.help) {
    const { toolsetHelp } = await import('../../mcp/tools.js');
    io.stdout(
      `${commandHelp(SERVE, await app.sourceForms())}\ntoolsets:\n${toolsetHelp(pluginToolsets)}\n${CONFIG_KEYS}\n`,
    );
    return 0;
  }
  const config = app.config?.config;
  const serverConfig = config?.server ?? {};
  // Without it the server never asks for pods/exec: the exec toolset is off and so are the cluster's execs.
  const allowExec = values['allow-exec'] ?? config?.allowExec ?? false;
  const tools = await servedTools(values.toolsets, config?.toolsets, allowExec, pluginToolsets);
  const kube = { ...app.kube, exec: allowExec };
  const service: () => Promise<PtpService> = async () =>
    (withService ??= import('../../composition-root.js').then((m) =>
      m.createService({
        kube,
        host: app.host,
        cloudEvents: feed?.feed,
        partialSnapshots: values.partial,
        plugins: app.plugins,
      }),
    ));
  let withService: Promise<PtpService> | undefined;
  if (values.stdio === values.http) throw new CliError(`serve needs --stdio or --http\n${usageOf(SERVE)}`);
  const watch =
    numberOption(
      values['watch-interval'] ?? serverConfig.watchInterval,
      'watch-interval',
      NUMBER_OPTIONS.watchInterval,
    ) ?? 30_000;
  const port = numberOption(values.port, 'port', NUMBER_OPTIONS.port) ?? serverConfig.port ?? 8080;
  const inCluster = process.env.KUBERNETES_SERVICE_HOST !== undefined || process.env.KUBECONFIG !== undefined;
  const defaultSource =
    values.source ??
    config?.sources?.default ??
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
    snapshotRoots: (values['snapshot-root'] ?? config?.sources?.snapshotRoots ?? []).map((dir) =>
      folderOption(dir, 'snapshot-root'),
    ),
    packsDirs: (values['packs-dir'] ?? config?.sources?.packDirs ?? []).map((dir) =>
      folderOption(dir, 'packs-dir'),
    ),
    tools,
    sources: await app.sourceForms(),
    partialSnapshots: values.partial,
    // The work threads read clusters and this host with the settings the server's own service has.
    kube,
    hostSource: app.host,
    pluginModules: app.config?.config.plugins?.length
      ? { configFile: app.config.file, specifiers: app.config.config.plugins }
      : undefined,
  };
  if (values.stdio) {
    io.stderr(`ptp-mcp: MCP over stdio, default source ${defaultSource}\n`);
    // Each transport's modules load when it serves (express is a third of an HTTP server's start).
    await (await import('../../stdio/stdio-server.js')).serveStdio(options);
    return 0;
  }
  const tokenFile = values['token-file'] ?? serverConfig.tokenFile;
  const token = tokenFile ? readTokenFile(tokenFile, 'token-file') : process.env.PTP_MCP_TOKEN;
  if (token !== undefined && token.length < 16)
    throw new CliError('the bearer token must have at least 16 characters');
  const maxSessions = numberOption(values['max-sessions'], 'max-sessions', NUMBER_OPTIONS.maxSessions);
  const sessionIdleMs = numberOption(
    values['session-idle'] ?? serverConfig.sessionIdle,
    'session-idle',
    NUMBER_OPTIONS.sessionIdle,
  );
  const stateless = values.stateless ?? serverConfig.stateless;
  const { HttpConfigError, startHttpServer } = await import('../../http/http-server.js');
  let server: Awaited<ReturnType<typeof startHttpServer>>;
  try {
    server = await startHttpServer({
      ...options,
      log: (line) => io.stderr(`${line}\n`),
      host: values.host ?? serverConfig.host ?? '127.0.0.1',
      port,
      token,
      stateless,
      maxSessions,
      sessionIdleMs,
      drainMs: DRAIN_MS,
      allowedHosts: values['allowed-host'] ?? serverConfig.allowedHosts,
      allowedOrigins: values['allowed-origin'] ?? serverConfig.allowedOrigins,
    });
  } catch (error) {
    if (error instanceof HttpConfigError) throw new CliError(error.message);
    throw new CliError(`cannot serve: ${(error as Error).message}`);
  }
  io.stderr(
    `ptp-mcp: MCP over HTTP at ${server.url}/mcp (${stateless ? 'stateless' : 'sessions'}), default source ${defaultSource}; Ctrl-C stops\n`,
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

/** The tools served: `--toolsets` (comma-separated) or the config's `toolsets`, exec ones only when allowed. */
async function servedTools(
  flag: string | undefined,
  configured: readonly string[] | undefined,
  allowExec: boolean,
  plugins: readonly PluginToolset[],
) {
  const { selectTools, ToolsetError } = await import('../../mcp/tools.js');
  const names = flag === undefined ? configured : flag.split(',').map((name) => name.trim());
  try {
    return selectTools({ names: names?.filter(Boolean), allowExec, plugins });
  } catch (error) {
    if (error instanceof ToolsetError) throw new CliError(`--toolsets: ${error.message}`);
    throw error;
  }
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
  const { createService } = await import('../../composition-root.js');
  const snapshot = await createService({ kube }).snapshot({ source: 'cluster' });
  const nodes = snapshot.nodes.filter((n) => n.daemonPod).map((n) => n.name);
  await feed.follow(nodes);
  io.stderr(`ptp-mcp: O-RAN consumer at ${at}, following ${nodes.length} node(s)\n`);
  return { feed };
}
