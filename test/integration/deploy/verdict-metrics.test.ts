import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { packageRoot } from '../../../core/package-root.js';
import { PrometheusClient } from '../../../plugins/metrics/prometheus-client.js';
import { freePort } from '../free-port.js';
import { serveHttp, TOKEN } from '../mcp/mcp-client.js';

const PROMETHEUS = '/usr/bin/prometheus';
const PROMTOOL = '/usr/bin/promtool';
const available = existsSync(PROMETHEUS) && existsSync(PROMTOOL);
if (!available && process.env.CI === 'true')
  throw new Error(
    `CI=true but ${PROMETHEUS} or ${PROMTOOL} is missing: .ci/run installs the prometheus package`,
  );
if (!available)
  console.warn(`verdict metrics tests skipped: ${PROMETHEUS} is absent (apt-get install prometheus)`);
const describePrometheus = available ? describe : describe.skip;

interface Rule {
  alert: string;
  expr: string;
}
const ruleFile = parse(
  readFileSync(join(packageRoot(), 'deploy', 'monitoring', 'prometheus-rule.yaml'), 'utf8'),
) as {
  spec: { groups: { name: string; rules: Rule[] }[] };
};
const alert = (name: string) => ruleFile.spec.groups.flatMap((g) => g.rules).find((r) => r.alert === name)!;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `serve --http` on the demo scraped by Debian's real Prometheus with the bearer token, as the
 * ServiceMonitor of deploy/monitoring does; the PrometheusRule's groups loaded as rules, evaluated there.
 */
describePrometheus('the verdicts on /metrics, scraped and alerted on by a real Prometheus', () => {
  let server: Awaited<ReturnType<typeof serveHttp>>;
  let prometheus: ChildProcess;
  let client: PrometheusClient;
  let prometheusUrl: string;
  const dir = mkdtempSync(join(tmpdir(), 'ptp-mcp-verdicts-'));

  beforeAll(async () => {
    server = await serveHttp([], { PTP_MCP_TOKEN: TOKEN });
    writeFileSync(join(dir, 'token'), TOKEN);
    writeFileSync(join(dir, 'rules.yml'), stringify({ groups: ruleFile.spec.groups }));
    writeFileSync(
      join(dir, 'prometheus.yml'),
      stringify({
        global: { scrape_interval: '1s', evaluation_interval: '1s' },
        rule_files: [join(dir, 'rules.yml')],
        scrape_configs: [
          {
            job_name: 'ptp-mcp',
            authorization: { type: 'Bearer', credentials_file: join(dir, 'token') },
            static_configs: [{ targets: [new URL(server.url).host] }],
          },
        ],
      }),
    );
    const port = await freePort();
    prometheus = spawn(PROMETHEUS, [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
    ]);
    prometheusUrl = `http://127.0.0.1:${port}`;
    client = new PrometheusClient({ url: prometheusUrl, timeoutMs: 5000 });
    for (let i = 0; i < 300; i++) {
      const scraped = await client.query('ptp_mcp_node_health', Date.now()).catch(() => []);
      if (scraped.length > 0) break;
      await sleep(100);
    }
  }, 60_000);

  afterAll(() => {
    prometheus?.kill('SIGTERM');
    server?.process.kill('SIGTERM');
  });

  it('promtool accepts the PrometheusRule’s groups', () => {
    const result = spawnSync(PROMTOOL, ['check', 'rules', join(dir, 'rules.yml')], { encoding: 'utf8' });
    expect(result.status, result.stdout + result.stderr).toBe(0);
  });

  it('holds the demo’s verdicts: each node’s health, its clock class, its holdover, the findings by rule', async () => {
    const now = Date.now();
    const health = await client.query('ptp_mcp_node_health == 1', now);
    expect(Object.fromEntries(health.map((s) => [s.labels.node, s.labels.state]))).toEqual({
      'bc-1': 'HEALTHY',
      'bc-2': 'CRITICAL',
      'gm-1': 'HEALTHY',
      'worker-1': 'HEALTHY',
      'worker-2': 'MODERATE',
      'worker-3': 'HEALTHY',
    });
    expect(health[0]!.labels).toMatchObject({ cluster: 'demo-cluster', job: 'ptp-mcp' });
    const cluster = await client.query('ptp_mcp_cluster_health == 1', now);
    expect(cluster.map((s) => s.labels.state)).toEqual(['CRITICAL']);
    const classes = await client.query('ptp_mcp_node_clock_class', now);
    expect(Object.fromEntries(classes.map((s) => [s.labels.node, s.samples[0]![1]]))).toMatchObject({
      'gm-1': 6,
      'bc-2': 135,
      'worker-1': 255,
    });
    const holdover = await client.query('ptp_mcp_holdover_seconds > 0', now);
    expect(holdover.map((s) => [s.labels.node, s.samples[0]![1]])).toEqual([['bc-2', 113.999]]);
    const critical = await client.query('sum by (node, rule) (ptp_mcp_findings{severity="critical"})', now);
    expect(critical.map((s) => `${s.labels.node} ${s.labels.rule}`).sort()).toEqual([
      'bc-2 fault/port-faulty-now',
      'bc-2 fault/upstream-lost',
    ]);
    const offsets = await client.query('ptp_mcp_offset_abs_p99_ns{node="worker-2",process="ptp4l"}', now);
    expect(offsets[0]!.samples[0]![1]).toBeGreaterThan(100);
    expect((await client.query('ptp_mcp_diagnosis_success', now))[0]!.samples[0]![1]).toBe(1);
  });

  it('the alerts select the CRITICAL node and the degraded clock class, and Prometheus fires them', async () => {
    const now = Date.now();
    for (const name of ['PtpNodeCritical', 'PtpClockClassDegraded']) {
      const selected = await client.query(alert(name).expr, now);
      expect(
        selected.map((s) => s.labels.node),
        name,
      ).toEqual(['bc-2']);
    }
    // 114 s of holdover at the end of the demo's data: within the example's 300 s.
    expect(await client.query(alert('PtpLongHoldover').expr, now)).toEqual([]);
    // The rules as Prometheus evaluates them: pending (their `for` has not passed), for bc-2 alone.
    let alerts: { labels: { alertname: string; node?: string } }[] = [];
    for (let i = 0; i < 50 && alerts.length < 2; i++) {
      const answer = await fetch(`${prometheusUrl}/api/v1/alerts`);
      alerts = ((await answer.json()) as { data: { alerts: typeof alerts } }).data.alerts;
      await sleep(200);
    }
    expect(alerts.map((a) => `${a.labels.alertname} ${a.labels.node}`).sort()).toEqual([
      'PtpClockClassDegraded bc-2',
      'PtpNodeCritical bc-2',
    ]);
  });
});
