import express, { type Request, type Response, type Router } from 'express';
import { clusterView } from '../../../core/reports/dashboard/cluster-view.js';
import { nodeView } from '../../../core/reports/dashboard/node-view.js';
import { DEFAULT_CHART_WIDTH } from '../../../core/reports/dashboard/timeline-view.js';
import { htmlPage, webBundle } from '../../../core/reports/html-page.js';
import type { SharedAnalysis } from '../../mcp/create-server.js';
import { bearerGuard, originGuard } from '../http-guards.js';
import { liveEvents } from './live-events.js';

export interface DashboardOptions {
  shared: SharedAnalysis;
  /** The server's default source: what the dashboard shows. */
  source: string;
  token?: string;
  /** The Origin headers the server accepts (as for /mcp). */
  origins: readonly string[];
}

/** The page's own script and connections only; styles inline (uPlot's and the dashboard's, from the bundle). */
const PAGE_CSP =
  "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";

/**
 * The dashboard of `serve --http`: `/` and its script load without the token and hold no data; every
 * `/api` route (the views, the event stream) wants the bearer token and passes the same Origin check as
 * `/mcp`. The views come from the readings every MCP session shares (one diagnosis for tools and page).
 */
export function dashboardRoutes(options: DashboardOptions): Router {
  const router = express.Router();
  const { cache } = options.shared;
  router.get('/', (_request, response) => {
    secureHeaders(response);
    response.type('html').send(
      htmlPage({
        title: 'ptp-mcp dashboard',
        script: { src: '/assets/dashboard.js' },
        tokenRequired: options.token !== undefined,
      }),
    );
  });
  router.get('/assets/dashboard.js', (_request, response) => {
    secureHeaders(response);
    response.type('application/javascript').send(webBundle());
  });
  const api = express.Router();
  api.use(originGuard(options.origins));
  api.use(bearerGuard(options.token));
  api.use((_request, response, next) => {
    response.setHeader('Cache-Control', 'no-store');
    next();
  });
  api.get('/cluster', (_request, response) =>
    answer(response, async () => clusterView(await cache.diagnose({ source: options.source }))),
  );
  api.get('/nodes/:node', (request: Request<{ node: string }>, response) =>
    answer(
      response,
      async () => {
        const diagnosis = await cache.diagnose({ source: options.source });
        const node = request.params.node;
        if (!diagnosis.nodes.some((n) => n.node === node)) return undefined;
        const snapshot = await cache.snapshot({ source: options.source, node });
        return nodeView(diagnosis, snapshot, node, widthOf(request.query.width));
      },
      `no node "${request.params.node}" in ${options.source}`,
    ),
  );
  api.get('/events', liveEvents(cache, options.source));
  router.use('/api', api);
  return router;
}

/** The view as JSON; 404 when there is none; a failed reading as its message, never a stack. */
async function answer(
  response: Response,
  view: () => Promise<unknown>,
  missing = 'not found',
): Promise<void> {
  try {
    const value = await view();
    if (value === undefined) return void response.status(404).json({ error: missing });
    response.json(value);
  } catch (error) {
    response.status(502).json({ error: (error as Error).message });
  }
}

function widthOf(value: unknown): number {
  const width = Number(value);
  return Number.isInteger(width) && width >= 50 && width <= 8192 ? width : DEFAULT_CHART_WIDTH;
}

function secureHeaders(response: Response): void {
  response.setHeader('Content-Security-Policy', PAGE_CSP);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
}
