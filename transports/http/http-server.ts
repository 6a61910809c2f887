import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { hostHeaderValidation } from '@modelcontextprotocol/sdk/server/middleware/hostHeaderValidation.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import express, { type NextFunction, type Request, type Response } from 'express';
import { createPtpMcpServer, type PtpMcpOptions, sharedAnalysis } from '../mcp/create-server.js';
import { dashboardRoutes } from './dashboard/dashboard-routes.js';
import { bearerGuard, isLoopback, loopbackOrigins, originGuard } from './http-guards.js';
import { type HttpSession, SessionRegistry } from './session-registry.js';
import { verdictMetrics } from './verdict-metrics.js';

export interface HttpServerOptions extends PtpMcpOptions {
  host: string;
  port: number;
  /** Required to bind anywhere but loopback. */
  token?: string;
  /** Host header names accepted (DNS rebinding); loopback names by default on loopback. */
  allowedHosts?: string[];
  /** Origin headers accepted (browsers); the server's own loopback origins by default. */
  allowedOrigins?: string[];
  /** No sessions: each request stands alone, for replicas behind a load balancer. */
  stateless?: boolean;
  maxBodyBytes?: number;
  maxSessions?: number;
  /** A session without a request for this long is ended (clients that leave without DELETE). */
  sessionIdleMs?: number;
  /** How long close() waits for the calls in flight before it cuts them. */
  drainMs?: number;
}

export interface HttpServer {
  url: string;
  stats: {
    requests: number;
    byStatus: Record<string, number>;
    sessions: () => number;
    analyses: () => { computed: number; reused: number };
  };
  close(): Promise<void>;
}

export class HttpConfigError extends Error {}

/** Why the server cannot listen, in one line that names the address and what to change. */
function listenError(error: NodeJS.ErrnoException, { host, port }: { host: string; port: number }): Error {
  if (error.code === 'EADDRINUSE')
    return new HttpConfigError(
      `port ${port} on ${host} is in use (another server listens there): stop it, or give another --port (0 picks a free one)`,
    );
  if (error.code === 'EACCES')
    return new HttpConfigError(
      `not allowed to listen on port ${port} of ${host}: ports below 1024 need privileges`,
    );
  if (error.code === 'EADDRNOTAVAIL')
    return new HttpConfigError(`${host} is not an address of this machine: give --host one of its addresses`);
  return error;
}

/**
 * MCP over Streamable HTTP: `/mcp` (sessions, or stateless), `/healthz`, `/readyz`, `/metrics`.
 * 127.0.0.1 by default; anywhere else only with a bearer token. Host and Origin are checked against
 * DNS rebinding, bodies are limited, every session and request shares one analysis, and close() stops
 * accepting, answers the calls in flight, then ends the sessions.
 */
export async function startHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const loopback = isLoopback(options.host);
  if (!loopback && !options.token) {
    throw new HttpConfigError(
      `a bearer token is required to serve on ${options.host} (--token-file or PTP_MCP_TOKEN); without one, only 127.0.0.1`,
    );
  }
  const shared = sharedAnalysis(options);
  const sessions = new SessionRegistry<HttpSession & { transport: StreamableHTTPServerTransport }>(
    options.maxSessions ?? 1000,
    options.sessionIdleMs ?? 15 * 60_000,
  );
  const stats: HttpServer['stats'] = {
    requests: 0,
    byStatus: {},
    sessions: () => sessions.size,
    analyses: () => shared.cache.counts,
  };
  let ready = false;
  let closing = false;
  // Calls in flight (every /mcp request but the SSE streams, which never end on their own): close() waits for them.
  let inFlight = 0;
  const drained: (() => void)[] = [];

  const app = express();
  app.disable('x-powered-by');
  app.use((_request: Request, response: Response, next: NextFunction) => {
    stats.requests++;
    response.on('finish', () => {
      stats.byStatus[response.statusCode] = (stats.byStatus[response.statusCode] ?? 0) + 1;
    });
    next();
  });
  const hosts = options.allowedHosts ?? (loopback ? ['127.0.0.1', 'localhost', '[::1]'] : undefined);
  if (hosts) app.use(hostHeaderValidation(hosts));
  app.get('/healthz', (_request, response) => void response.json({ status: 'ok' }));
  app.get('/readyz', (_request, response) => {
    const capacity = { sessions: sessions.size, maxSessions: sessions.max };
    if (!ready || closing) return void response.status(503).json({ ready: false, reason: 'shutting down' });
    // Full of sessions all in use: a new client would be refused, so traffic should go elsewhere.
    if (!options.stateless && !sessions.hasRoom())
      return void response.status(503).json({ ready: false, reason: 'every session in use', ...capacity });
    response.json({ ready: true, defaultSource: options.defaultSource, ...capacity });
  });
  app.get('/metrics', bearerGuard(options.token), async (_request, response) => {
    const counters = prometheusText(stats); // before the verdicts' own reading of the source counts
    response
      .type('text/plain; version=0.0.4')
      .send(counters + (await verdictMetrics(shared.cache, options.defaultSource)));
  });

  const origins = options.allowedOrigins ?? (loopback ? loopbackOrigins(options.port) : []);
  app.use(dashboardRoutes({ shared, source: options.defaultSource, token: options.token, origins }));

  const mcp = express.Router();
  mcp.use(originGuard(origins));
  mcp.use(bearerGuard(options.token));
  mcp.use(express.json({ limit: options.maxBodyBytes ?? 4 * 1024 * 1024 }));
  mcp.use((request: Request, response: Response, next: NextFunction) => {
    if (closing) return void jsonRpcError(response, 503, 'shutting down');
    if (request.method === 'GET') return next();
    inFlight++;
    response.once('close', () => {
      if (--inFlight === 0) for (const resolve of drained.splice(0)) resolve();
    });
    next();
  });
  mcp.all('/', async (request: Request, response: Response) => {
    if (options.stateless) return stateless(request, response);
    const id = request.headers['mcp-session-id'];
    const existing = typeof id === 'string' ? sessions.get(id) : undefined;
    if (existing) {
      sessions.track(id as string, response);
      return existing.transport.handleRequest(request, response, request.body);
    }
    if (typeof id === 'string') return void jsonRpcError(response, 404, 'unknown or expired session');
    if (request.method !== 'POST' || !isInitializeRequest(request.body)) {
      return void jsonRpcError(response, 400, 'start with an initialize request (no session)');
    }
    if (!sessions.makeRoom()) return void jsonRpcError(response, 503, 'too many sessions, all in use');
    const { server, close } = createPtpMcpServer({ ...options, shared });
    const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (sessionId) => {
        sessions.add(sessionId, session);
        sessions.track(sessionId, response);
      },
      onsessionclosed: (sessionId) => sessions.delete(sessionId),
    });
    const session = { transport, end: () => void transport.close().catch(() => undefined) };
    transport.onclose = () => {
      if (transport.sessionId) sessions.delete(transport.sessionId);
      close();
    };
    await server.connect(transport);
    await transport.handleRequest(request, response, request.body);
  });
  app.use('/mcp', mcp);
  // A body too large or not JSON: a JSON-RPC error, never a stack trace.
  app.use(
    (
      error: Error & { status?: number; type?: string },
      _request: Request,
      response: Response,
      _next: NextFunction,
    ) => {
      const status = error.status ?? 500;
      jsonRpcError(
        response,
        status,
        error.type === 'entity.too.large'
          ? 'request body too large'
          : status < 500
            ? error.message
            : 'internal error',
      );
    },
  );

  async function stateless(request: Request, response: Response): Promise<void> {
    if (request.method !== 'POST') return void jsonRpcError(response, 405, 'stateless server: POST only');
    const { server, close } = createPtpMcpServer({ ...options, shared });
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    });
    response.on('close', () => {
      void transport.close();
      void server.close();
      close();
    });
    await server.connect(transport);
    await transport.handleRequest(request, response, request.body);
  }

  const httpServer: Server = await new Promise((resolve, reject) => {
    // Express 5 calls back with the error when listening fails (a port in use), never with none then.
    const listening = app.listen(options.port, options.host, (error?: NodeJS.ErrnoException) =>
      error ? reject(listenError(error, options)) : resolve(listening),
    );
  });
  // Longer than a client's or a load balancer's idle keep-alive, so that the client closes first: a server
  // closing at the moment a loaded client reuses the connection fails that request (ECONNRESET).
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  const sockets = new Set<Socket>();
  httpServer.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  ready = true;
  const address = httpServer.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    stats,
    async close() {
      closing = true;
      // No new connections; the calls in flight are answered (up to drainMs), then sessions and sockets end.
      const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      httpServer.closeIdleConnections();
      if (inFlight > 0) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([
          new Promise<void>((resolve) => drained.push(resolve)),
          new Promise<void>((resolve) => {
            timer = setTimeout(resolve, options.drainMs ?? 10_000);
          }),
        ]);
        clearTimeout(timer);
      }
      sessions.endAll();
      shared.close();
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}

function jsonRpcError(response: Response, status: number, message: string): void {
  if (response.headersSent) return;
  response
    .status(status)
    .json({ jsonrpc: '2.0', error: { code: status === 400 ? -32600 : -32000, message }, id: null });
}

function prometheusText(stats: HttpServer['stats']): string {
  const lines = [
    '# HELP ptp_mcp_http_requests_total HTTP requests served, by status.',
    '# TYPE ptp_mcp_http_requests_total counter',
    ...Object.entries(stats.byStatus).map(
      ([status, count]) => `ptp_mcp_http_requests_total{status="${status}"} ${count}`,
    ),
    '# HELP ptp_mcp_sessions MCP sessions open.',
    '# TYPE ptp_mcp_sessions gauge',
    `ptp_mcp_sessions ${stats.sessions()}`,
    '# HELP ptp_mcp_analyses_total Snapshots and diagnoses asked for, computed or shared with another request.',
    '# TYPE ptp_mcp_analyses_total counter',
    `ptp_mcp_analyses_total{result="computed"} ${stats.analyses().computed}`,
    `ptp_mcp_analyses_total{result="reused"} ${stats.analyses().reused}`,
  ];
  return `${lines.join('\n')}\n`;
}
