import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawNode } from '../../../core/sources/raw-cluster.js';
import { scenariosDir } from '../../../plugins/snapshot/index.js';
import { SnapshotFolderSource } from '../../../plugins/snapshot/snapshot-folder.js';
import { fleetOf } from '../../../simulate/fleet.js';
import { type KubeApiServer, startKubeApiServer } from '../../../simulate/kube-api-server.js';
import { simulatorKubeconfig } from '../../../simulate/kubeconfig.js';
import { SimulatedCluster } from '../../../simulate/simulated-cluster.js';
import { CLI } from '../cli-run.js';
import { drawnPixels, launchChromium, pageErrors, screenshot, skipWithoutChromium } from './chromium.js';

const TOKEN = 'dashboard-test-token-0123456789';
const naturally = new Intl.Collator('en', { numeric: true, sensitivity: 'base' }).compare;
/** 44 copies of the healthy scenario's 4 nodes: worker-1-0 … worker-1-10, for the natural order. */
const NODES = 44;

/**
 * The simulated Kubernetes API held in this process, so that the test can change what it serves while
 * `serve --http` (the built CLI, another process) watches it.
 */
async function simulatedCluster(): Promise<{
  cluster: SimulatedCluster;
  api: KubeApiServer;
  kubeconfig: string;
}> {
  const source = new SnapshotFolderSource(join(scenariosDir(), 'healthy'), 'scenario:healthy');
  const raw = fleetOf(await source.collect(), NODES);
  const cluster = new SimulatedCluster('healthy', raw.manifest.spec.namespace, raw);
  const api = await startKubeApiServer({
    cluster,
    token: 'simulated-api-token',
    now: Date.parse(raw.manifest.spec.recordedAt!),
  });
  const kubeconfig = join(mkdtempSync(join(tmpdir(), 'ptp-mcp-dashboard-')), 'kubeconfig');
  writeFileSync(kubeconfig, simulatorKubeconfig(api.url, 'simulated-api-token', raw.manifest.spec.namespace));
  return { cluster, api, kubeconfig };
}

/**
 * A port of the node goes FAULTY a second after the last line of its daemon log (a copy of the healthy
 * scenario's worker-1), in a new stream: the API server keeps whole logs by the stream's name.
 */
function portGoesFaulty(node: RawNode): void {
  const daemon = node.logs.daemon!;
  const recorded = readFileSync(
    join(scenariosDir(), 'healthy', 'nodes', 'worker-1', 'logs', 'linuxptp-daemon-container.log'),
    'utf8',
  );
  const mono = Math.max(...[...recorded.matchAll(/ptp4l\[(\d+\.\d+)\]/g)].map((m) => Number(m[1]))) + 1;
  node.logs = {
    ...node.logs,
    daemon: {
      name: `${daemon.name} (then FAULTY)`,
      async *open() {
        yield* daemon.open();
        yield Buffer.from(
          `ptp4l[${mono.toFixed(3)}]: [ptp4l.0.config:5] port 1 (ens1f0): SLAVE to FAULTY on FAULT_DETECTED (FT_UNSPECIFIED)\n`,
        );
      },
    },
  };
}

describe.skipIf(skipWithoutChromium())('the dashboard of serve --http in a real headless chromium', () => {
  let simulated: Awaited<ReturnType<typeof simulatedCluster>>;
  let server: ChildProcess;
  let url: string;
  let browser: Awaited<ReturnType<typeof launchChromium>>;

  beforeAll(async () => {
    simulated = await simulatedCluster();
    const folder = mkdtempSync(join(tmpdir(), 'ptp-mcp-dashboard-token-'));
    writeFileSync(join(folder, 'token'), TOKEN);
    server = spawn(process.execPath, [
      CLI,
      'serve',
      '--http',
      '--port',
      '0',
      '--source',
      'cluster',
      '--kubeconfig',
      simulated.kubeconfig,
      '--token-file',
      join(folder, 'token'),
      '--watch-interval',
      '2s',
    ]);
    let stderr = '';
    server.stderr!.on('data', (chunk) => {
      stderr += chunk;
    });
    for (let i = 0; i < 100 && !/at (http:\S+)\/mcp/.test(stderr); i++)
      await new Promise((r) => setTimeout(r, 100));
    url = /at (http:\S+)\/mcp/.exec(stderr)?.[1] ?? '';
    if (!url) throw new Error(`serve did not start: ${stderr}`);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    server?.kill('SIGTERM');
    await simulated?.api.close();
  });

  it('gives no data without the token: the page loads empty, every /api route answers 401', async () => {
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<script src="/assets/dashboard.js"></script>');
    expect(html).not.toMatch(/worker|gm-1|bc-1/);
    expect((await fetch(`${url}/assets/dashboard.js`)).status).toBe(200);
    for (const path of ['/api/cluster', '/api/nodes/worker-1-0', '/api/events']) {
      const attempts: Record<string, string>[] = [{}, { Authorization: 'Bearer wrong-token-wrong-token' }];
      for (const headers of attempts) {
        const response = await fetch(`${url}${path}`, { headers });
        expect(response.status, path).toBe(401);
        expect(await response.text()).not.toMatch(/worker|gm-1|bc-1/);
      }
    }
    // Another site's page cannot read it either (Origin checked as for /mcp).
    const foreign = await fetch(`${url}/api/cluster`, {
      headers: { Authorization: `Bearer ${TOKEN}`, Origin: 'http://evil.example' },
    });
    expect(foreign.status).toBe(403);
  });

  it('asks for the token once per tab, shows every node in natural order and follows the cluster live', async () => {
    const page = await browser.context.newPage();
    const errors = pageErrors(page);
    await page.goto(`${url}/`);
    await page.fill('#token', TOKEN);
    await page.click('button[type="submit"]');
    // The first reading of the cluster (44 nodes through the API server) on a loaded machine can take a while.
    await page.waitForSelector('tr[data-node]', { timeout: 60_000 });
    const names = await page.$$eval('tr[data-node]', (rows) => rows.map((r) => r.getAttribute('data-node')!));
    expect(names).toHaveLength(NODES);
    expect(names).toEqual([...names].sort(naturally));
    expect(names.indexOf('worker-1-2')).toBeLessThan(names.indexOf('worker-1-10'));
    expect(await page.locator('g.node-box').count()).toBe(NODES);
    expect(await page.locator('.data-time').textContent()).toMatch(/^data 2026-\d\d-\d\d \d\d:\d\d:\d\dZ → /);
    // The token is the tab's: in sessionStorage, never in localStorage; a reload does not ask again.
    expect(await page.evaluate('[sessionStorage.getItem("ptp-mcp-token"), localStorage.length]')).toEqual([
      TOKEN,
      0,
    ]);
    await page.reload();
    await page.waitForSelector('tr[data-node]', { timeout: 60_000 });
    await screenshot(page, 'live-cluster');

    const health = page.locator('tr[data-node="worker-1-0"] [data-col="health"]');
    expect(await health.textContent()).toBe('HEALTHY');
    portGoesFaulty(simulated.cluster.nodes.get('worker-1-0')!);
    await expect.poll(() => health.textContent(), { timeout: 60_000, interval: 250 }).not.toBe('HEALTHY');
    expect(await page.locator('tr[data-node="worker-1-1"] [data-col="health"]').textContent()).toBe(
      'HEALTHY',
    );

    await page.click('tr[data-node="worker-1-0"]');
    await page.waitForSelector('.node-page[data-node="worker-1-0"]');
    for (const chart of await drawnPixels(page)) expect(chart.drawn, chart.chart).toBeGreaterThan(100);
    expect(await page.locator('[data-table="ports"]').textContent()).toContain('FAULTY');
    await screenshot(page, 'live-node');
    expect(errors).toEqual([]);
  }, 120_000);
});
