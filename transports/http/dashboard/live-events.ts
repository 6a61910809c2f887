import type { Request, Response } from 'express';
import type { DiagnosisCache } from '../../../core/diagnosis-cache.js';
import { clusterView } from '../../../core/reports/dashboard/cluster-view.js';

/** A comment line this often keeps proxies and load balancers from closing a quiet stream. */
const KEEP_ALIVE_MS = 15_000;

/**
 * `GET /api/events`: server-sent events of the cluster view. One at once, then one each time the watch
 * loop (or an O-RAN event) forgets the shared readings and the view read again differs: the same
 * invalidation that re-evaluates the MCP resources a client subscribed to.
 */
export function liveEvents(cache: DiagnosisCache, source: string) {
  return (request: Request, response: Response) => {
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Accel-Buffering': 'no',
    });
    response.flushHeaders();
    let last = '';
    let running: Promise<void> | undefined;
    let again = false;
    let closed = false;
    const check = async () => {
      do {
        again = false;
        try {
          const text = JSON.stringify(clusterView(await cache.diagnose({ source })));
          if (text !== last && !closed) response.write(`event: cluster\ndata: ${text}\n\n`);
          last = text;
        } catch (error) {
          if (!closed)
            response.write(
              `event: failure\ndata: ${JSON.stringify({ error: (error as Error).message })}\n\n`,
            );
        }
      } while (again && !closed);
    };
    // An invalidation during a check asks for one more, so that no change is missed.
    const send = () => {
      again = running !== undefined;
      running ??= check().finally(() => {
        running = undefined;
      });
    };
    send();
    const unwatch = cache.watch(send);
    const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
    keepAlive.unref();
    request.on('close', () => {
      closed = true;
      unwatch();
      clearInterval(keepAlive);
    });
  };
}
