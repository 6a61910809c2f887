import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../../core/package-root.js';
import { PrometheusClient } from '../../../plugins/metrics/prometheus-client.js';
import { latest, ptpSeries } from '../../../plugins/metrics/ptp-series.js';

const PROMETHEUS = '/usr/bin/prometheus';
const available = existsSync(PROMETHEUS);
if (!available && process.env.CI === 'true')
  throw new Error(`CI=true but ${PROMETHEUS} is missing: .ci/run installs the prometheus package`);
const describePrometheus = available ? describe : describe.skip;
if (!available)
  console.warn(`Prometheus tests skipped: ${PROMETHEUS} is absent (apt-get install prometheus)`);

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/**
 * Debian's real Prometheus scraping a fixture exporter on loopback: the daemon's metrics of the demo's
 * bc-2, whose ptp4l offset steps on each scrape, then read back through the client as PTP series.
 */
describePrometheus('plugins/metrics against a real Prometheus', () => {
  let exporter: Server;
  let prometheus: ChildProcess;
  let url: string;
  let scrapes = 0;
  const text = readFileSync(
    join(packageRoot(), 'fixtures', 'clusters', 'demo', 'nodes', 'bc-2', 'metrics.prom'),
    'utf8',
  );

  beforeAll(async () => {
    exporter = createServer((_request, response) => {
      scrapes++;
      response.setHeader('content-type', 'text/plain; version=0.0.4');
      // The offset of the ptp4l instance steps by 10 ns per scrape: a series that changes.
      response.end(
        `${text}openshift_ptp_offset_ns{from="master",iface="ens2f1",node="bc-2",process="ptp4l"} ${scrapes * 10}\n`,
      );
    });
    await new Promise<void>((resolve) => exporter.listen(0, '127.0.0.1', resolve));
    const exporterPort = (exporter.address() as AddressInfo).port;
    const dir = mkdtempSync(join(tmpdir(), 'ptp-mcp-prometheus-'));
    writeFileSync(
      join(dir, 'prometheus.yml'),
      `global:\n  scrape_interval: 1s\nscrape_configs:\n  - job_name: linuxptp-daemon\n    static_configs:\n      - targets: ['127.0.0.1:${exporterPort}']\n`,
    );
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    prometheus = spawn(PROMETHEUS, [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
    ]);
    for (let i = 0; i < 150 && scrapes < 4; i++) await new Promise((resolve) => setTimeout(resolve, 100));
  }, 30_000);

  afterAll(async () => {
    prometheus?.kill('SIGTERM');
    await new Promise<void>((resolve) => exporter.close(() => resolve()));
  });

  it('reads the PTP metrics as decoded series: ptp4l offsets over time, the clock state, the class', async () => {
    expect(scrapes).toBeGreaterThanOrEqual(4);
    const client = new PrometheusClient({ url, timeoutMs: 5000 });
    // The range is the time the samples were scraped in; the points carry Prometheus' own times.
    const to = Date.now();
    let series: Awaited<ReturnType<typeof ptpSeries>> = [];
    for (let i = 0; i < 30; i++) {
      series = await ptpSeries(client, {
        node: 'bc-2',
        metrics: ['offset_ns', 'clock_state', 'clock_class'],
        from: to - 60_000,
        to: Date.now(),
        stepSeconds: 1,
      });
      if ((series.find((s) => s.metric === 'offset_ns' && s.process === 'ptp4l')?.points.length ?? 0) >= 3)
        break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const offsets = series.find(
      (s) => s.metric === 'offset_ns' && s.process === 'ptp4l' && s.iface === 'ens2f1',
    )!;
    expect(offsets.labels).toMatchObject({ node: 'bc-2', from: 'master', job: 'linuxptp-daemon' });
    const values = offsets.points.map((p) => p.value);
    expect(values.length).toBeGreaterThanOrEqual(3);
    expect(values.every((v) => v % 10 === 0)).toBe(true);
    expect(Math.max(...values)).toBeGreaterThan(Math.min(...values));
    const states = series.filter((s) => s.metric === 'clock_state');
    expect(states.map((s) => `${s.process}:${s.points.at(-1)!.decoded}`)).toEqual(
      expect.arrayContaining(['phc2sys:LOCKED']),
    );
    expect(latest(series).find((m) => m.metric === 'clock_class')?.value).toBe(135);
  });

  it('answers an instant query, and refuses a bad one with Prometheus’ own message', async () => {
    const client = new PrometheusClient({ url, timeoutMs: 5000 });
    const up = await client.query('up{job="linuxptp-daemon"}', Date.now());
    expect(up[0]!.samples[0]![1]).toBe(1);
    await expect(client.query('openshift_ptp_offset_ns{', Date.now())).rejects.toThrow(
      /api\/v1\/query: bad_data: /,
    );
  });
});
