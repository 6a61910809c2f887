/**
 * `npm run bench:dashboard`: a day of 16 Hz offsets (1,382,400 samples) drawn in the node page of the
 * dashboard's bundle in headless chromium, beside the same page given every sample (no downsampling),
 * in the same run. The server's part (the min/max per pixel reduction of core/analysis/downsample.ts,
 * through the node view's own timeline builder) is timed apart; the page's part is the time from
 * navigation to the frame after the charts are drawn (the page's `ptp-drawn` mark), HTML and JSON
 * parsing included. Goal: under a second for the two parts together.
 */
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { SampleSeries } from '../../core/model/sample-series.js';
import { timelineView } from '../../core/reports/dashboard/timeline-view.js';
import type { NodeView, ReportData, TimelineView } from '../../core/reports/dashboard/view-schema.js';
import { htmlReport } from '../../core/reports/html-page.js';
import { launchChromium } from './headless-chromium.js';

const HZ = 16;
const DAY_MS = 24 * 3600 * 1000;
const START = Date.UTC(2026, 10, 20);
/** The node page's chart width in the benchmark's 1280-pixel window (web/node-page.ts chartWidth). */
const WIDTH = 1220;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** A locked ptp4l: a few ns of noise, a start-up transient, and an upstream hiccup every hour. */
function daySeries(): SampleSeries {
  const count = (DAY_MS / 1000) * HZ;
  const series = new SampleSeries(count);
  let seed = 12345;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (let i = 0; i < count; i++) {
    const second = i / HZ;
    const transient = second < 30 ? 500_000 * Math.exp(-second / 3) : 0;
    const hiccup = second % 3600 < 5 && second > 60 ? 250 : 0;
    const offset = Math.round((random() - 0.5) * 16 + transient + hiccup * random());
    series.pushNumbers(START + (i * 1000) / HZ, second, offset, 2, -1200 + random() * 4);
  }
  return series;
}

const ROW = {
  node: 'worker-1',
  health: 'HEALTHY' as const,
  role: 'T-TSC',
  state: 'LOCKED',
  syncSource: 'ptp4l ptp4l.0.config',
  grandmaster: 'b49691.fffe.05f38c',
  grandmasterLocal: false,
  clockClass: 255,
  offsetAbsNs: 8,
  offsetProcess: 'ptp4l',
  holdover: null,
  findings: 0,
};
const DATA_TIME = { first: START, last: START + DAY_MS, recordedAt: null };

/** What /api/nodes/worker-1 would answer for this day. */
function nodeView(timeline: TimelineView): NodeView {
  return {
    kind: 'node',
    origin: 'bench',
    dataTime: DATA_TIME,
    row: ROW,
    thresholdNs: 100,
    thresholdDeclared: false,
    timeline,
    ports: [],
    states: [],
    episodes: [],
    findings: [],
  };
}

/** A report of one node: its node page is the dashboard's, drawn by the same bundle. */
function page(timeline: TimelineView): ReportData {
  return {
    kind: 'diagnosis',
    cluster: {
      kind: 'cluster',
      origin: 'bench',
      cluster: 'bench',
      dataTime: DATA_TIME,
      health: 'HEALTHY',
      partial: null,
      nodes: [ROW],
      hierarchy: [],
      clusterFindings: [],
      warnings: 0,
    },
    nodes: { 'worker-1': nodeView(timeline) },
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
  const runs = Number(values.runs);
  const series = daySeries();
  const input = {
    range: { from: START, to: START + DAY_MS },
    processes: [],
    series: new Map([['ptp4l|ptp4l.0.config', series]]),
    clockClassChanges: [{ time: { wall: START }, line: 1, clockClass: 255, previous: null }],
    width: WIDTH,
  };
  const serverMs: number[] = [];
  let reduced: TimelineView | undefined;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    reduced = timelineView(input);
    serverMs.push(performance.now() - started);
  }
  const { wall, offset } = series.columns();
  const times = [...wall];
  const offsets = [...offset].map(Math.abs);
  const every: TimelineView = {
    ...reduced!,
    offsets: [{ ...reduced!.offsets[0]!, time: times, min: offsets, max: offsets }],
  };
  const folder = mkdtempSync(join(tmpdir(), 'ptp-mcp-bench-dashboard-'));
  const files = {
    downsampled: join(folder, 'downsampled.html'),
    every: join(folder, 'every-sample.html'),
  };
  // What the server also does for the dashboard: the view as the JSON of /api/nodes/NODE.
  const jsonMs = { downsampled: [] as number[], every: [] as number[] };
  for (let i = 0; i < runs; i++) {
    for (const [variant, view] of [
      ['downsampled', reduced!],
      ['every', every],
    ] as const) {
      const started = performance.now();
      JSON.stringify(nodeView(view));
      jsonMs[variant].push(performance.now() - started);
    }
  }
  writeFileSync(files.downsampled, htmlReport('bench', page(reduced!)));
  writeFileSync(files.every, htmlReport('bench', page(every)));

  const browser = await launchChromium();
  const drawnMs = { downsampled: [] as number[], every: [] as number[] };
  try {
    for (let i = 0; i < runs; i++) {
      for (const variant of ['downsampled', 'every'] as const) {
        const tab = await browser.context.newPage();
        await tab.goto(`${pathToFileURL(files[variant]).href}#/node/worker-1`);
        await tab.waitForSelector('body[data-drawn]', { timeout: 300_000 });
        drawnMs[variant].push(
          await tab.evaluate(() => performance.getEntriesByName('ptp-drawn')[0]!.startTime),
        );
        await tab.close();
      }
    }
  } finally {
    await browser.close();
  }
  const mb = (file: string) => (statSync(file).size / 1e6).toFixed(1);
  const server = { downsampled: median(serverMs) + median(jsonMs.downsampled), every: median(jsonMs.every) };
  const total = server.downsampled + median(drawnMs.downsampled);
  console.log(
    `A day of ${HZ} Hz offsets: ${series.length.toLocaleString('en')} samples, chart ${WIDTH} px wide, median of ${runs}\n`,
  );
  console.log(
    '| node page | points drawn | page | server ms (reduction + JSON) | page drawn ms | total ms |',
  );
  console.log('|---|---|---|---|---|---|');
  console.log(
    `| every sample (reference) | ${times.length.toLocaleString('en')} | ${mb(files.every)} MB | ${server.every.toFixed(0)} | ${median(drawnMs.every).toFixed(0)} | ${(server.every + median(drawnMs.every)).toFixed(0)} |`,
  );
  console.log(
    `| min/max per pixel (ptp-mcp) | ${(reduced!.offsets[0]!.time.length * 2).toLocaleString('en')} | ${mb(files.downsampled)} MB | ${server.downsampled.toFixed(0)} | ${median(drawnMs.downsampled).toFixed(0)} | ${total.toFixed(0)} |`,
  );
  console.log(`\ngoal: under 1000 ms: ${total < 1000 ? 'met' : 'NOT met'} (${total.toFixed(0)} ms)`);
}

await main();
