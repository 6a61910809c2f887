import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { PrometheusClient, PrometheusError } from '../../../../plugins/metrics/prometheus-client.js';

const TOKEN = 'secret-token-1234567890';
let server: Server | undefined;

/** A fake Prometheus API on loopback whose answers the test scripts, one per request. */
async function fakePrometheus(
  ...answers: ((request: IncomingMessage, response: ServerResponse) => void)[]
): Promise<string> {
  let next = 0;
  server = createServer((request, response) =>
    answers[Math.min(next++, answers.length - 1)]!(request, response),
  );
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const vector = (value: string) => (_request: IncomingMessage, response: ServerResponse) => {
  response.setHeader('content-type', 'application/json');
  response.end(
    JSON.stringify({
      status: 'success',
      data: {
        resultType: 'vector',
        result: [
          { metric: { __name__: 'openshift_ptp_clock_state', node: 'bc-1' }, value: [1795161600.5, value] },
        ],
      },
    }),
  );
};

afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

describe('PrometheusClient', () => {
  it('sends the bearer token and reads a vector with the sample times of the data', async () => {
    let authorization: string | undefined;
    const url = await fakePrometheus((request, response) => {
      authorization = request.headers.authorization;
      vector('1')(request, response);
    });
    const client = new PrometheusClient({ url, token: TOKEN });
    expect(await client.query('openshift_ptp_clock_state', 1795161600500)).toEqual([
      { labels: { __name__: 'openshift_ptp_clock_state', node: 'bc-1' }, samples: [[1795161600500, 1]] },
    ]);
    expect(authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('waits out a 429 as long as Retry-After says, then answers', async () => {
    const url = await fakePrometheus((_request, response) => {
      response.writeHead(429, { 'retry-after': '1' });
      response.end();
    }, vector('2'));
    const client = new PrometheusClient({ url });
    const started = performance.now();
    expect((await client.query('up', 0))[0]!.samples).toEqual([[1795161600500, 2]]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(1000);
    expect(client.requests).toBe(2);
  });

  it('gives up after the bounded retries of a 503', async () => {
    const url = await fakePrometheus((_request, response) => {
      response.writeHead(503, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ status: 'error', errorType: 'unavailable', error: 'overloaded' }));
    });
    const client = new PrometheusClient({ url, retries: 2 });
    await expect(client.query('up', 0)).rejects.toThrow(`${url}/api/v1/query: unavailable: overloaded`);
    expect(client.requests).toBe(3);
  });

  it('reports the API’s own error, a body that is not JSON, a time-out; never the token', async () => {
    const bad = await fakePrometheus((_request, response) => {
      response.writeHead(400, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({ status: 'error', errorType: 'bad_data', error: `parse error near ${TOKEN}` }),
      );
    });
    const error = await new PrometheusClient({ url: bad, token: TOKEN })
      .query('up{', 0)
      .catch((e: Error) => e);
    expect(error).toBeInstanceOf(PrometheusError);
    expect((error as Error).message).toBe(`${bad}/api/v1/query: bad_data: parse error near [token]`);
    await new Promise<void>((resolve) => server!.close(() => resolve()));

    const cut = await fakePrometheus((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"status":"succ');
    });
    await expect(new PrometheusClient({ url: cut }).query('up', 0)).rejects.toThrow(
      /HTTP 200, not a Prometheus API answer/,
    );
    await new Promise<void>((resolve) => server!.close(() => resolve()));

    const slow = await fakePrometheus(() => undefined);
    const started = performance.now();
    await expect(
      new PrometheusClient({ url: slow, timeoutMs: 200, retries: 0 }).query('up', 0),
    ).rejects.toThrow(/no answer in 0.2 s/);
    expect(performance.now() - started).toBeLessThan(2000);
    server!.closeAllConnections();
  });

  it('refuses credentials in the URL (they belong in the token)', () => {
    expect(() => new PrometheusClient({ url: 'http://user:pass@127.0.0.1:9090' })).toThrow(
      'put credentials in the token, not in the Prometheus URL',
    );
  });
});
