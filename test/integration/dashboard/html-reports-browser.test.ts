import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../../core/package-root.js';
import { runBuiltCli } from '../cli-run.js';
import { drawnPixels, launchChromium, pageErrors, screenshot, skipWithoutChromium } from './chromium.js';

const naturally = new Intl.Collator('en', { numeric: true, sensitivity: 'base' }).compare;

interface DiagnosisJson {
  nodes: { node: string; role: string; syncState: string; clockClass: { current: number | null } }[];
  health: { nodes: Record<string, string> };
  findings: { subject: { node?: string } }[];
}

/** A report opened from its file with every request that is not the file itself refused and counted. */
async function openOffline(context: BrowserContext, file: string, hash = '') {
  const page = await context.newPage();
  const errors = pageErrors(page);
  const fetched: string[] = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    fetched.push(url);
    return route.abort();
  });
  await page.goto(`${pathToFileURL(file).href}${hash}`);
  await page.waitForSelector('body[data-rendered]');
  return { page, errors, fetched };
}

function tableRows(page: Page) {
  return page.$$eval('tr[data-node]', (rows) =>
    rows.map((row) => {
      const cell = (col: string) => row.querySelector(`[data-col="${col}"]`)!.textContent!.trim();
      return {
        node: row.getAttribute('data-node')!,
        health: cell('health'),
        role: cell('role'),
        state: cell('state'),
        clockClass: cell('clockClass'),
      };
    }),
  );
}

describe.skipIf(skipWithoutChromium())('HTML reports in a real headless chromium', () => {
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  const folder = mkdtempSync(join(tmpdir(), 'ptp-mcp-html-'));
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('diagnose --format html: the node table is the JSON diagnosis, one box per node, every chart drawn, offline', async () => {
    const json = runBuiltCli(['diagnose', '--format', 'json']);
    expect(json.code, json.stderr).toBe(0);
    const diagnosis = JSON.parse(json.stdout) as DiagnosisJson;
    const file = join(folder, 'diagnosis.html');
    const html = runBuiltCli(['diagnose', '--format', 'html', '--out', file]);
    expect(html.code, html.stderr).toBe(0);
    expect(html.stdout).toBe('');

    const { page, errors, fetched } = await openOffline(browser.context, file);
    const names = diagnosis.nodes.map((n) => n.node).sort(naturally);
    expect(await tableRows(page)).toEqual(
      names.map((name) => {
        const node = diagnosis.nodes.find((n) => n.node === name)!;
        return {
          node: name,
          health: diagnosis.health.nodes[name],
          role: node.role,
          state: node.syncState,
          clockClass: String(node.clockClass.current ?? '—'),
        };
      }),
    );
    const boxes = await page.$$eval('g.node-box', (gs) => gs.map((g) => g.getAttribute('data-node')!));
    expect(boxes.sort(naturally)).toEqual(names);
    await screenshot(page, 'cluster');
    await screenshot(page, 'hierarchy', '#hierarchy');

    // Filters: by health, then by a part of the name.
    await page.selectOption('[data-filter="health"]', 'CRITICAL');
    expect((await tableRows(page)).map((r) => r.node)).toEqual(
      names.filter((n) => diagnosis.health.nodes[n] === 'CRITICAL'),
    );
    await page.selectOption('[data-filter="health"]', '');
    await page.fill('[data-filter="text"]', 'worker');
    await page.press('[data-filter="text"]', 'Enter');
    expect((await tableRows(page)).map((r) => r.node)).toEqual(names.filter((n) => n.includes('worker')));

    for (const name of names) {
      await page.evaluate(`location.hash = ${JSON.stringify(`#/node/${name}`)}`);
      await page.waitForSelector(`.node-page[data-node="${name}"]`);
      const charts = await drawnPixels(page);
      expect(charts.map((c) => c.chart)).toEqual(['offsets', 'clock-class', 'lanes']);
      for (const chart of charts) expect(chart, `${name} ${chart.chart}`).toMatchObject({ canvases: 1 });
      for (const chart of charts) expect(chart.drawn, `${name} ${chart.chart}`).toBeGreaterThan(100);
      expect(await page.locator('.finding').count()).toBe(
        diagnosis.findings.filter((f) => f.subject.node === name).length,
      );
      if (name === 'bc-2') await screenshot(page, 'node');
    }
    expect(errors).toEqual([]);
    expect(fetched).toEqual([]);
  });

  it('logs analyze --format html: offsets, servo states, port transitions and faults of a log on one time axis', async () => {
    const log = join(packageRoot(), 'fixtures/clusters/demo/nodes/bc-2/logs/linuxptp-daemon-container.log');
    const analysis = runBuiltCli(['logs', 'analyze', log, '--format', 'json']);
    const faults = (JSON.parse(analysis.stdout) as { processes: { faults: unknown[] }[] }).processes.flatMap(
      (p) => p.faults,
    ).length;
    expect(faults).toBeGreaterThan(0);
    // To stdout (diagnose's test writes with --out).
    const html = runBuiltCli(['logs', 'analyze', log, '--format', 'html']);
    expect(html.code, html.stderr).toBe(0);
    const file = join(folder, 'log.html');
    writeFileSync(file, html.stdout);

    const { page, errors, fetched } = await openOffline(browser.context, file);
    const charts = await drawnPixels(page);
    expect(charts.map((c) => c.chart)).toEqual(['offsets', 'clock-class', 'lanes']);
    for (const chart of charts) expect(chart.drawn, chart.chart).toBeGreaterThan(100);
    expect(await page.locator('[data-table="faults"] tbody tr').count()).toBe(faults);
    await screenshot(page, 'log');
    expect(errors).toEqual([]);
    expect(fetched).toEqual([]);
  });
});
