import type { LogView, NodeView } from '../core/reports/dashboard/view-schema.js';
import { clockClassChart, offsetChart } from './charts.js';
import { badge, duration, el, utc } from './dom.js';
import { lanesCanvas } from './lanes.js';

type Cell = Node | string;

function table(name: string, headers: string[], rows: Cell[][], empty: string): HTMLElement {
  if (rows.length === 0) return el('p', { class: 'muted', 'data-table': name }, empty);
  return el(
    'table',
    { 'data-table': name },
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        headers.map((h) => el('th', {}, h)),
      ),
    ),
    el(
      'tbody',
      {},
      rows.map((row) =>
        el(
          'tr',
          {},
          row.map((cell) => el('td', {}, cell)),
        ),
      ),
    ),
  );
}

/** The width the charts draw at: the page's, so that the server reduces offsets to one pair per pixel. */
export function chartWidth(): number {
  return Math.max(400, Math.min(1600, document.documentElement.clientWidth - 60));
}

/** One node: its row, offsets against the threshold, clock class, states, ports, episodes and findings. */
export function nodePage(view: NodeView, back: () => void): HTMLElement {
  const width = chartWidth();
  const row = view.row;
  const summary = el(
    'div',
    { class: 'facts' },
    badge(row.health),
    ` ${row.role} · `,
    badge(row.state),
    ` · class ${row.clockClass ?? '—'} · grandmaster ${row.grandmaster ?? '—'}${row.grandmasterLocal ? ' (itself)' : ''}`,
    ` · |offset| ${row.offsetAbsNs ?? '—'} ns${row.offsetProcess ? ` (${row.offsetProcess}, last minute)` : ''}`,
    ` · threshold ±${view.thresholdNs} ns${view.thresholdDeclared ? '' : ' (default)'}`,
  );
  return el(
    'div',
    { class: 'node-page', 'data-node': row.node },
    el(
      'p',
      {},
      el(
        'a',
        {
          href: '#/',
          onclick: (e) => {
            e.preventDefault();
            back();
          },
        },
        '← all nodes',
      ),
    ),
    el('h2', {}, row.node),
    summary,
    el(
      'section',
      { class: 'card' },
      offsetChart(view.timeline, view.thresholdNs, width),
      clockClassChart(view.timeline, width),
      lanesCanvas(view.timeline, width),
    ),
    el(
      'section',
      { class: 'card' },
      el('h3', {}, 'Findings'),
      view.findings.length === 0
        ? el('p', { class: 'muted' }, 'No findings.')
        : el(
            'div',
            { 'data-table': 'findings' },
            view.findings.map((f) =>
              el(
                'div',
                { class: 'finding' },
                el('p', {}, badge(f.severity), ' ', el('strong', {}, f.title), ` (${f.rule})`),
                el('p', {}, f.message),
                f.evidence.length > 0 &&
                  el(
                    'ul',
                    {},
                    f.evidence.map((e) =>
                      el(
                        'li',
                        {},
                        `${e.description}${e.value !== undefined ? `: ${e.value}` : ''}${e.time ? ` (${e.time})` : ''}`,
                      ),
                    ),
                  ),
                f.remediation && el('p', { class: 'remediation' }, 'Remediation: ', f.remediation),
              ),
            ),
          ),
    ),
    el(
      'section',
      { class: 'card' },
      el('h3', {}, 'Ports'),
      table(
        'ports',
        ['profile', 'port', 'state', 'since', 'transitions'],
        view.ports.map((p) => [
          p.configTag ?? '—',
          p.port,
          badge(p.state),
          utc(p.since),
          String(p.transitions),
        ]),
        'No ports in the data.',
      ),
      el('h3', {}, 'GNSS, DPLL and clock states'),
      table(
        'states',
        ['process', 'interface', 'state', 'since', 'values'],
        view.states.map((s) => [
          s.process,
          s.iface,
          badge(s.state),
          utc(s.since),
          Object.entries(s.values)
            .map(([k, v]) => `${k} ${v}`)
            .join(', '),
        ]),
        'No GNSS, DPLL or daemon states in the data.',
      ),
      el('h3', {}, 'Sync-loss and holdover episodes'),
      table(
        'episodes',
        ['kind', 'what', 'start', 'end', 'duration', 'outcome'],
        view.episodes.map((e) => [
          e.kind,
          e.what,
          utc(e.start),
          utc(e.end),
          duration(e.durationMs),
          badge(e.outcome),
        ]),
        'No episodes.',
      ),
    ),
  );
}

/** One log on one time axis: offsets, servo states, ports, daemon states and faults. */
export function logPage(view: LogView): HTMLElement {
  const width = chartWidth();
  return el(
    'div',
    { class: 'log-page' },
    el('h2', {}, view.source),
    el(
      'p',
      { class: 'facts' },
      `${view.lines.total} lines, ${view.lines.parsed} understood, ${view.lines.unparsed} not understood`,
    ),
    view.warnings.length > 0 &&
      el(
        'ul',
        { class: 'warnings' },
        view.warnings.map((w) => el('li', {}, w)),
      ),
    el(
      'section',
      { class: 'card' },
      offsetChart(view.timeline, null, width),
      clockClassChart(view.timeline, width),
      lanesCanvas(view.timeline, width),
    ),
    el(
      'section',
      { class: 'card' },
      el('h3', {}, 'Faults'),
      table(
        'faults',
        ['time', 'process', 'kind', 'detail'],
        view.faults.map((f) => [utc(f.time), f.process, f.kind, f.detail]),
        'No faults in the log.',
      ),
    ),
  );
}
