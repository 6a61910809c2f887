import uplotCss from 'uplot/dist/uPlot.min.css';
import type { NodeView, ReportData } from '../core/reports/dashboard/view-schema.js';
import { App } from './app.js';
import { el, markRendered } from './dom.js';
import { startLive } from './live.js';
import { logPage } from './node-page.js';
import css from './style.css';

/**
 * The dashboard's one bundle: a report (`diagnose --format html`, `logs analyze --format html`) carries
 * its data in `#ptp-data`; without it the page is the live dashboard of `serve --http` and asks /api.
 */
function main(): void {
  document.head.append(el('style', {}, uplotCss), el('style', {}, css));
  const root = document.getElementById('app')!;
  const embedded = document.getElementById('ptp-data');
  if (!embedded) {
    void startLive(root);
    return;
  }
  const data = JSON.parse(embedded.textContent ?? '') as ReportData;
  if (data.kind === 'log') {
    root.replaceChildren(logPage(data));
    markRendered(1);
    return;
  }
  void new App(root, {
    cluster: async () => data.cluster,
    node: async (name: string): Promise<NodeView> => {
      const view = data.nodes[name];
      if (!view) throw new Error(`no node "${name}" in this report`);
      return view;
    },
    status: () => 'report',
  }).render();
}

main();
