import { readFileSync } from 'node:fs';
import { parseDuration } from '../../../core/duration.js';
import type { PtpService } from '../../../core/service.js';
import { HttpConfigError, startHttpServer } from '../../http/http-server.js';
import { serveStdio } from '../../stdio/stdio-server.js';
import { integerOption, parseCommandArgs } from '../args.js';
import { CliError } from '../cli-error.js';
import type { CliIo } from '../io.js';
import type { KubeOptions } from '../kube-options.js';

const USAGE = `usage: ptp-mcp serve --stdio [--source SOURCE]
       ptp-mcp serve --http [--host 127.0.0.1] [--port 8080] [--token-file FILE] [--stateless]
                     [--allowed-host NAME]... [--allowed-origin ORIGIN]... [--source SOURCE] [--watch-interval 30s]
       both: [--prometheus URL [--prometheus-token-file FILE]]   metrics over time from Prometheus/Thanos
             [--intents FILE]...                                   your own intents for query_ptp
  The bearer token comes from --token-file or $PTP_MCP_TOKEN (Prometheus': --prometheus-token-file or
  $PTP_MCP_PROMETHEUS_TOKEN), never from the command line; the server's is
  required to serve anywhere but 127.0.0.1. The default source is cluster when a kubeconfig is given or
  found ($KUBECONFIG, in a pod), else the built-in demo.`;

/** `ptp-mcp serve`: the MCP server, over stdio or Streamable HTTP. */
export async function serveCommand(
  argv: string[],
  io: CliIo,
  service: PtpService,
  kube: KubeOptions,
): Promise<number> {
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
      'prometheus-token-file': { type: 'string' },
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
  const watch = values['watch-interval'] === undefined ? 30_000 : parseDuration(values['watch-interval']);
  if (watch === undefined)
    throw new CliError(`--watch-interval takes a duration such as 30s (got "${values['watch-interval']}")`);
  const inCluster = process.env.KUBERNETES_SERVICE_HOST !== undefined || process.env.KUBECONFIG !== undefined;
  const defaultSource =
    values.source ??
    (kube.kubeconfig !== undefined || kube.context !== undefined || inCluster ? 'cluster' : 'demo');
  const prometheusToken = values['prometheus-token-file']
    ? readFileSync(values['prometheus-token-file'], 'utf8').trim()
    : process.env.PTP_MCP_PROMETHEUS_TOKEN;
  const prometheus = values.prometheus
    ? new (await import('../../../plugins/metrics/prometheus-client.js')).PrometheusClient({
        url: values.prometheus,
        token: prometheusToken,
      })
    : undefined;
  const options = {
    service,
    defaultSource,
    kubeconfig: kube.kubeconfig,
    watchIntervalMs: watch,
    prometheus,
    intentPacks: values.intents,
  };
  if (values.stdio) {
    io.stderr(`ptp-mcp: MCP over stdio, default source ${defaultSource}\n`);
    await serveStdio(options);
    return 0;
  }
  const token = values['token-file']
    ? readFileSync(values['token-file'], 'utf8').trim()
    : process.env.PTP_MCP_TOKEN;
  if (token !== undefined && token.length < 16)
    throw new CliError('the bearer token must have at least 16 characters');
  let server: Awaited<ReturnType<typeof startHttpServer>>;
  try {
    server = await startHttpServer({
      ...options,
      log: (line) => io.stderr(`${line}\n`),
      host: values.host ?? '127.0.0.1',
      port: integerOption(values.port, 'port') ?? 8080,
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
