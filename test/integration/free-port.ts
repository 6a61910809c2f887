import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A loopback port free at this moment, for a server that must be told its port (Prometheus). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
