import type { ClusterView, NodeRow } from '../core/reports/dashboard/view-schema.js';
import { badge, duration, el, naturalCompare, utc } from './dom.js';

const HEALTH_ORDER = ['HEALTHY', 'UNKNOWN', 'MINOR', 'MODERATE', 'CRITICAL'];

interface Column {
  key: string;
  title: string;
  cell(row: NodeRow): Node | string;
  compare(a: NodeRow, b: NodeRow): number;
}

const byNumber = (value: (row: NodeRow) => number | null) => (a: NodeRow, b: NodeRow) =>
  (value(a) ?? Number.POSITIVE_INFINITY) - (value(b) ?? Number.POSITIVE_INFINITY);
const byText = (value: (row: NodeRow) => string | null) => (a: NodeRow, b: NodeRow) =>
  naturalCompare(value(a) ?? '', value(b) ?? '');

const COLUMNS: Column[] = [
  { key: 'node', title: 'node', cell: (r) => r.node, compare: byText((r) => r.node) },
  {
    key: 'health',
    title: 'health',
    cell: (r) => badge(r.health),
    compare: (a, b) => HEALTH_ORDER.indexOf(b.health) - HEALTH_ORDER.indexOf(a.health),
  },
  { key: 'role', title: 'role', cell: (r) => r.role, compare: byText((r) => r.role) },
  { key: 'state', title: 'state', cell: (r) => badge(r.state), compare: byText((r) => r.state) },
  {
    key: 'grandmaster',
    title: 'grandmaster',
    cell: (r) => (r.grandmaster ? `${r.grandmaster}${r.grandmasterLocal ? ' (itself)' : ''}` : '—'),
    compare: byText((r) => r.grandmaster),
  },
  {
    key: 'clockClass',
    title: 'class',
    cell: (r) => (r.clockClass === null ? '—' : String(r.clockClass)),
    compare: byNumber((r) => r.clockClass),
  },
  {
    key: 'offset',
    title: '|offset| ns',
    cell: (r) =>
      r.offsetAbsNs === null ? '—' : `${r.offsetAbsNs}${r.offsetProcess ? ` (${r.offsetProcess})` : ''}`,
    compare: byNumber((r) => r.offsetAbsNs),
  },
  {
    key: 'holdover',
    title: 'holdover',
    cell: (r) =>
      r.holdover
        ? `${r.holdover.outcome}, ${duration(r.holdover.durationMs)} from ${utc(r.holdover.start)}`
        : '—',
    compare: byText((r) => r.holdover?.outcome ?? null),
  },
  {
    key: 'findings',
    title: 'findings',
    cell: (r) => String(r.findings),
    compare: byNumber((r) => -r.findings),
  },
];

export interface TableState {
  text: string;
  health: string;
  role: string;
  state: string;
  sort: string;
  descending: boolean;
}

export const INITIAL_TABLE_STATE: TableState = {
  text: '',
  health: '',
  role: '',
  state: '',
  sort: 'node',
  descending: false,
};

/** Every node at a glance, filtered and sorted (node names in natural order); a click opens its page. */
export function clusterTable(
  view: ClusterView,
  state: TableState,
  onChange: (state: TableState) => void,
  onNode: (node: string) => void,
): HTMLElement {
  const choices = (values: string[]) => ['', ...[...new Set(values)].sort(naturalCompare)];
  const select = (key: 'health' | 'role' | 'state', values: string[]) =>
    el(
      'select',
      {
        'data-filter': key,
        onchange: (e) => onChange({ ...state, [key]: (e.target as HTMLSelectElement).value }),
      },
      choices(values).map((v) => el('option', { value: v, selected: v === state[key] }, v || `any ${key}`)),
    );
  const search = el('input', {
    type: 'search',
    placeholder: 'node name',
    'data-filter': 'text',
    value: state.text,
    onchange: (e) => onChange({ ...state, text: (e.target as HTMLInputElement).value }),
  });
  const rows = view.nodes.filter(
    (r) =>
      r.node.toLowerCase().includes(state.text.toLowerCase()) &&
      (!state.health || r.health === state.health) &&
      (!state.role || r.role === state.role) &&
      (!state.state || r.state === state.state),
  );
  const column = COLUMNS.find((c) => c.key === state.sort) ?? COLUMNS[0]!;
  rows.sort((a, b) => {
    const order = column.compare(a, b) || naturalCompare(a.node, b.node);
    return state.descending ? -order : order;
  });
  const header = el(
    'tr',
    {},
    COLUMNS.map((c) =>
      el(
        'th',
        {
          'data-sort': c.key,
          onclick: () =>
            onChange({ ...state, sort: c.key, descending: state.sort === c.key && !state.descending }),
        },
        c.title,
        state.sort === c.key ? (state.descending ? ' ▾' : ' ▴') : '',
      ),
    ),
  );
  const body = rows.map((row) =>
    el(
      'tr',
      { 'data-node': row.node, class: 'clickable', onclick: () => onNode(row.node) },
      COLUMNS.map((c) => el('td', { 'data-col': c.key }, c.cell(row))),
    ),
  );
  return el(
    'section',
    { class: 'card', id: 'nodes' },
    el('h2', {}, `Nodes (${rows.length} of ${view.nodes.length})`),
    el(
      'div',
      { class: 'filters' },
      search,
      select(
        'health',
        view.nodes.map((r) => r.health),
      ),
      select(
        'role',
        view.nodes.map((r) => r.role),
      ),
      select(
        'state',
        view.nodes.map((r) => r.state),
      ),
    ),
    el('table', { class: 'nodes' }, el('thead', {}, header), el('tbody', {}, body)),
  );
}
