import type { ClusterView, NodeView } from '../core/reports/dashboard/view-schema.js';
import { clusterTable, INITIAL_TABLE_STATE, type TableState } from './cluster-table.js';
import { badge, el, markRendered, utc } from './dom.js';
import { hierarchyGraph } from './hierarchy.js';
import { chartWidth, nodePage } from './node-page.js';

/** Where the views come from: the embedded data of a report, or the server's /api of the live dashboard. */
export interface ViewSource {
  cluster(): Promise<ClusterView>;
  node(name: string, width: number): Promise<NodeView>;
  /** What the header says of the data: "report", "live", "reconnecting…". */
  status(): string;
}

/** The cluster page and the node pages, routed by the URL's hash (`#/node/NAME`) so a report works offline. */
export class App {
  private table: TableState = INITIAL_TABLE_STATE;
  private rendering = 0;

  constructor(
    private readonly root: HTMLElement,
    private readonly source: ViewSource,
  ) {
    window.addEventListener('hashchange', () => void this.render());
  }

  /** Draws the page the hash names, from fresh views (the live dashboard calls it on each update). */
  async render(): Promise<void> {
    const ticket = ++this.rendering;
    const node = /^#\/node\/(.+)$/.exec(location.hash)?.[1];
    try {
      const cluster = await this.source.cluster();
      const page = node
        ? nodePage(await this.source.node(decodeURIComponent(node), chartWidth()), () => this.go(''))
        : this.clusterPage(cluster);
      // A newer render began meanwhile: its page replaces this one.
      if (ticket !== this.rendering) return;
      this.root.replaceChildren(this.header(cluster), page);
      markRendered(ticket);
    } catch (error) {
      if (ticket !== this.rendering) return;
      this.root.replaceChildren(
        el('p', { class: 'error', role: 'alert' }, String((error as Error).message ?? error)),
      );
    }
  }

  private go(node: string): void {
    location.hash = node ? `#/node/${encodeURIComponent(node)}` : '#/';
  }

  private header(cluster: ClusterView): HTMLElement {
    const time = cluster.dataTime;
    return el(
      'header',
      {},
      el('h1', {}, `PTP · ${cluster.cluster}`, ' ', badge(cluster.health)),
      el(
        'p',
        { class: 'data-time', 'data-time': time.last ?? '' },
        `data ${utc(time.first)} → ${utc(time.last)}`,
        time.recordedAt ? ` · recorded ${time.recordedAt}` : '',
        ` · ${cluster.origin} · ${this.source.status()}`,
      ),
      cluster.partial && el('p', { class: 'error' }, `Partial data: ${cluster.partial.join('; ')}`),
    );
  }

  private clusterPage(cluster: ClusterView): HTMLElement {
    return el(
      'div',
      { class: 'cluster-page' },
      clusterTable(
        cluster,
        this.table,
        (state) => {
          this.table = state;
          void this.render();
        },
        (node) => this.go(node),
      ),
      hierarchyGraph(cluster, (node) => this.go(node)),
      cluster.clusterFindings.length > 0 &&
        el(
          'section',
          { class: 'card' },
          el('h2', {}, 'Cluster findings'),
          cluster.clusterFindings.map((f) => el('p', {}, badge(f.severity), ' ', f.message)),
        ),
    );
  }
}
