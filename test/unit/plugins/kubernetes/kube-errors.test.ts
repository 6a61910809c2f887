import { createServer, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import {
  isUnreachable,
  kubeRequestError,
  transportFailure,
} from '../../../../plugins/kubernetes/kube-errors.js';

/** The error a real request to `url` fails with (loopback only). */
function failure(url: string, secure = false): Promise<Error> {
  return new Promise((resolve) => {
    const request = (secure ? httpsRequest : httpRequest)(url, () => resolve(new Error('answered')));
    request.on('error', resolve);
    request.end();
  });
}

/** A plain HTTP server on loopback that runs `onSocket` for each connection. */
async function server(onRequest: (socket: import('node:net').Socket) => void) {
  const http = createServer((request) => onRequest(request.socket));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return { port, close: () => new Promise<void>((resolve) => http.close(() => resolve())) };
}

describe('why a request got no answer, named', () => {
  it('a closed port: connection refused, with the address', async () => {
    const closed = await server(() => undefined);
    await closed.close();
    expect(transportFailure(await failure(`http://127.0.0.1:${closed.port}/api`))).toBe(
      `connection refused (ECONNREFUSED 127.0.0.1:${closed.port}): the API server is down or not at that address`,
    );
  });

  it('a name that does not resolve: DNS', async () => {
    expect(transportFailure(await failure('http://api.ptp-mcp-test.invalid:6443/api'))).toMatch(
      /^DNS: (the API server's name api\.ptp-mcp-test\.invalid does not resolve \(ENOTFOUND\)|no answer resolving api\.ptp-mcp-test\.invalid \(EAI_AGAIN, a temporary failure\))$/,
    );
  });

  it('TLS to a server that speaks plain HTTP: TLS, with the code', async () => {
    const plain = await server((socket) => socket.end());
    try {
      expect(transportFailure(await failure(`https://127.0.0.1:${plain.port}/api`, true))).toMatch(
        /^TLS: the connection was refused \((ERR_SSL_\w+|EPROTO): wrong version number\); check the kubeconfig's certificate-authority/,
      );
    } finally {
      await plain.close();
    }
  });

  it('a connection closed before the answer: reset', async () => {
    const rude = await server((socket) => socket.destroy());
    try {
      expect(transportFailure(await failure(`http://127.0.0.1:${rude.port}/api`))).toMatch(
        /^the connection was reset \((ECONNRESET|socket hang up)\): the API server closed it before answering$/,
      );
    } finally {
      await rude.close();
    }
  });

  it('an error that kept only the system message (the exec socket) and a certificate refused', () => {
    expect(transportFailure(new Error('connect ECONNREFUSED 10.0.0.1:6443'))).toBe(
      'connection refused (ECONNREFUSED 10.0.0.1:6443): the API server is down or not at that address',
    );
    const selfSigned = Object.assign(new Error('self-signed certificate'), {
      code: 'DEPTH_ZERO_SELF_SIGNED_CERT',
    });
    expect(transportFailure(selfSigned)).toBe(
      "TLS: the connection was refused (DEPTH_ZERO_SELF_SIGNED_CERT: self-signed certificate); check the kubeconfig's certificate-authority and the server's certificate",
    );
  });

  it('an HTTP status is named with the resource asked; a refused connection is never a status', async () => {
    const answer = Object.assign(new Error('HTTP-Code: 503'), {
      code: 503,
      body: JSON.stringify({ kind: 'Status', message: 'etcd is unavailable' }),
    });
    expect(
      kubeRequestError('list pods in openshift-ptp', 'list', 'pods', 'openshift-ptp', answer).message,
    ).toBe('list pods in openshift-ptp: HTTP 503: etcd is unavailable');
    const refused = kubeRequestError(
      'list nodes',
      'list',
      'nodes',
      undefined,
      new Error('connect ECONNREFUSED 127.0.0.1:1'),
    );
    expect(refused.status).toBeUndefined();
    expect(refused.message).toMatch(/^list nodes: connection refused/);
  });
});

describe('isUnreachable', () => {
  const system = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:6443`), { code });
  it.each([
    ['a refused connection', system('ECONNREFUSED'), true],
    ['a name that does not resolve', system('ENOTFOUND'), true],
    ['no route', system('EHOSTUNREACH'), true],
    ['a TLS refusal', system('DEPTH_ZERO_SELF_SIGNED_CERT'), true],
    ['the exec socket, which keeps only the message', new Error('connect ECONNREFUSED 10.0.0.1:6443'), true],
    ['a reset (one request, not the server)', system('ECONNRESET'), false],
    ['an HTTP answer', Object.assign(new Error('HTTP 503'), { code: 503 }), false],
  ])('%s: %s', (_name, error, unreachable) => {
    expect(isUnreachable(error)).toBe(unreachable);
  });
});
