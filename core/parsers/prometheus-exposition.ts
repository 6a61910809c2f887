import type { MetricFamily, MetricSample, MetricsText } from '../model/metrics.js';

const TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);
const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const MAX_DIAGNOSTICS = 100;

/**
 * Parses the Prometheus text exposition format 0.0.4: HELP and TYPE lines, samples with quoted label
 * values (escaped `\\`, `\"`, `\n`; commas and braces inside quotes), +Inf/-Inf/NaN, optional timestamps.
 * A malformed line is counted and described; nothing throws.
 */
export function parsePrometheusText(text: string): MetricsText {
  const families = new Map<string, MetricFamily>();
  const samples: MetricSample[] = [];
  const result: MetricsText = { families: [], samples, unparsedLines: 0, diagnostics: [] };
  const bad = (line: number, message: string) => {
    result.unparsedLines++;
    if (result.diagnostics.length < MAX_DIAGNOSTICS) result.diagnostics.push({ line, message });
  };
  const family = (name: string) => {
    let found = families.get(name);
    if (!found) {
      found = { name };
      families.set(name, found);
    }
    return found;
  };
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/\r$/, '').trim();
    const number = index + 1;
    if (line === '') return;
    if (line.startsWith('#')) {
      const meta = /^#\s+(HELP|TYPE)\s+([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\s+(.*))?$/.exec(line);
      if (!meta) return; // other comments are allowed
      if (meta[1] === 'HELP') family(meta[2]!).help = unescapeHelp(meta[3] ?? '');
      else if (TYPES.has(meta[3] ?? '')) family(meta[2]!).type = meta[3] as MetricFamily['type'];
      else bad(number, `unknown metric type "${meta[3] ?? ''}"`);
      return;
    }
    const sample = parseSample(line, number);
    if (typeof sample === 'string') bad(number, sample);
    else samples.push(sample);
  });
  result.families = [...families.values()];
  return result;
}

function parseSample(line: string, number: number): MetricSample | string {
  const name = NAME.exec(line)?.[0];
  if (!name) return 'not a metric name';
  let pos = name.length;
  const labels: Record<string, string> = {};
  if (line[pos] === '{') {
    pos++;
    for (;;) {
      while (line[pos] === ' ') pos++;
      if (line[pos] === '}') {
        pos++;
        break;
      }
      const labelName = /^[a-zA-Z_][a-zA-Z0-9_]*/.exec(line.slice(pos, pos + 200))?.[0];
      if (!labelName) return `bad label name at column ${pos + 1}`;
      pos += labelName.length;
      while (line[pos] === ' ') pos++;
      if (line[pos] !== '=' || line[pos + 1] !== '"') return `expected ="…" after label ${labelName}`;
      pos += 2;
      let value = '';
      for (;;) {
        const char = line[pos];
        if (char === undefined) return `unterminated value of label ${labelName}`;
        pos++;
        if (char === '"') break;
        if (char === '\\') {
          const next = line[pos++];
          value += next === 'n' ? '\n' : next === undefined ? '' : next;
        } else {
          value += char;
        }
      }
      labels[labelName] = value;
      while (line[pos] === ' ') pos++;
      if (line[pos] === ',') pos++;
      else if (line[pos] !== '}') return `expected , or } after label ${labelName}`;
    }
  }
  const rest = line.slice(pos).trim().split(/\s+/);
  if (rest[0] === undefined || rest[0] === '') return 'no value';
  const value = parseValue(rest[0]);
  if (value === undefined) return `bad value "${rest[0].slice(0, 40)}"`;
  const sample: MetricSample = { name, labels, value, line: number };
  if (rest[1] !== undefined) {
    if (!/^-?\d+$/.test(rest[1])) return `bad timestamp "${rest[1].slice(0, 40)}"`;
    sample.timestampMs = Number(rest[1]);
  }
  if (rest.length > 2) return 'unexpected text after the timestamp';
  return sample;
}

function parseValue(text: string): number | undefined {
  if (text === '+Inf' || text === 'Inf') return Number.POSITIVE_INFINITY;
  if (text === '-Inf') return Number.NEGATIVE_INFINITY;
  if (text === 'NaN') return Number.NaN;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return undefined;
  return Number(text);
}

/** HELP text escapes only backslash and line feed. */
function unescapeHelp(text: string): string {
  return text.replace(/\\(\\|n)/g, (_, char: string) => (char === 'n' ? '\n' : char));
}
