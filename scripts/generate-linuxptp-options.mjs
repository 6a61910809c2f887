#!/usr/bin/env node
/**
 * Generates core/rules/data/linuxptp-option-table.ts: linuxptp's option table (config.c `config_tab`) at each
 * release tag: every option's name, type, default, range or enum names, and whether port sections may set it,
 * plus the deprecated names config.c renames (check_deprecated_options). Only these facts are written, no
 * linuxptp code. Constants in the macros (INT_MAX, UINT8_MAX, DBL_MAX, CLOCK_CLASS_THRESHOLD_DEFAULT, ...)
 * are resolved from the C limits and from the #defines of the headers at the same tag.
 *
 * usage: node scripts/generate-linuxptp-options.mjs [linuxptp git dir] [output file]
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const GIT_DIR = process.argv[2] ?? '/work/.mirror/richardcochran+linuxptp/repo';
const OUTPUT = process.argv[3] ?? 'core/rules/data/linuxptp-option-table.ts';
/** Release tags the lint supports; HEAD is added as "unreleased" (options not in a release yet). */
const RELEASE_TAGS = ['v3.1.1', 'v4.0', 'v4.1', 'v4.2', 'v4.3', 'v4.4'];

/** <limits.h>, <stdint.h>, <float.h>, <sys/stat.h> and <syslog.h> (glibc, x86_64). */
const C_CONSTANTS = {
  INT_MAX: 2147483647,
  INT_MIN: -2147483648,
  INT8_MIN: -128,
  INT8_MAX: 127,
  INT16_MIN: -32768,
  INT16_MAX: 32767,
  INT32_MIN: -2147483648,
  INT32_MAX: 2147483647,
  UINT8_MAX: 255,
  UINT16_MAX: 65535,
  UINT32_MAX: 4294967295,
  DBL_MAX: Number.MAX_VALUE,
  DBL_MIN: 2.2250738585072014e-308,
  S_IRUSR: 0o400,
  S_IWUSR: 0o200,
  S_IRGRP: 0o40,
  S_IWGRP: 0o20,
  S_IROTH: 0o4,
  S_IWOTH: 0o2,
  LOG_EMERG: 0,
  LOG_ALERT: 1,
  LOG_CRIT: 2,
  LOG_ERR: 3,
  LOG_WARNING: 4,
  LOG_NOTICE: 5,
  LOG_INFO: 6,
  LOG_DEBUG: 7,
};

function git(...args) {
  return execFileSync('git', ['-C', GIT_DIR, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

function withoutComments(text) {
  return text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/[^\n]*/g, '');
}

/** `#define NAME value` lines (no function-like macros) of config.c and every header at `ref`. */
function defines(ref, configText) {
  const headers = git('grep', '-h', '^#define', ref, '--', '*.h');
  const table = new Map();
  for (const text of [headers, configText]) {
    for (const match of withoutComments(text).matchAll(/^#define[ \t]+(\w+)[ \t]+([^\n\\]+)$/gm)) {
      if (!table.has(match[1])) table.set(match[1], match[2].trim());
    }
  }
  return table;
}

/** Evaluates a C constant expression of numbers, names, unary - ~, and binary | << >> + - *. */
function evaluate(expression, names, seen = new Set()) {
  const tokens = expression.match(
    /0[xX][0-9a-fA-F]+[uUlL]*|\d+\.\d*(?:[eE][-+]?\d+)?|\d+(?:[eE][-+]?\d+)?[uUlL]*|\w+|<<|>>|\S/g,
  );
  if (!tokens) throw new Error(`empty expression "${expression}"`);
  let at = 0;
  const peek = () => tokens[at];
  const next = () => tokens[at++];
  const primary = () => {
    const token = next();
    if (token === '(') {
      const value = or();
      if (next() !== ')') throw new Error(`unbalanced "${expression}"`);
      return value;
    }
    if (token === '-') return -primary();
    if (token === '+') return primary();
    if (token === '~') return ~primary();
    if (/^0[xX]/.test(token)) return Number.parseInt(token.replace(/[uUlL]+$/, ''), 16);
    if (/^0[0-7]+[uUlL]*$/.test(token)) return Number.parseInt(token.replace(/[uUlL]+$/, ''), 8);
    if (/^\d/.test(token)) return Number(token.replace(/[uUlL]+$/, ''));
    if (token in C_CONSTANTS) return C_CONSTANTS[token];
    if (names.has(token) && !seen.has(token))
      return evaluate(names.get(token), names, new Set([...seen, token]));
    throw new Error(`unknown constant ${token} in "${expression}"`);
  };
  const product = () => {
    let value = primary();
    while (peek() === '*') {
      next();
      value *= primary();
    }
    return value;
  };
  const sum = () => {
    let value = product();
    while (peek() === '+' || peek() === '-') value = next() === '+' ? value + product() : value - product();
    return value;
  };
  const shift = () => {
    let value = sum();
    while (peek() === '<<' || peek() === '>>') value = next() === '<<' ? value * 2 ** sum() : value >> sum();
    return value;
  };
  const or = () => {
    let value = shift();
    while (peek() === '|') {
      next();
      value |= shift();
    }
    return value;
  };
  const value = or();
  if (at !== tokens.length) throw new Error(`cannot read "${expression}"`);
  return value;
}

/** The arguments of each `GLOB_ITEM_X(` / `PORT_ITEM_X(` call, split at top-level commas. */
function itemCalls(table) {
  const calls = [];
  const start = /\b(GLOB|PORT)_ITEM_(INT|UIN|DBL|ENU|STR)\(/g;
  for (let match = start.exec(table); match; match = start.exec(table)) {
    const args = [];
    let depth = 0;
    let quoted = false;
    let current = '';
    let i = start.lastIndex;
    for (; i < table.length; i++) {
      const c = table[i];
      if (quoted) {
        current += c;
        if (c === '\\') current += table[++i];
        else if (c === '"') quoted = false;
      } else if (c === '"') {
        quoted = true;
        current += c;
      } else if (c === '(') {
        depth++;
        current += c;
      } else if (c === ')' && depth === 0) break;
      else if (c === ')') {
        depth--;
        current += c;
      } else if (c === ',' && depth === 0) {
        args.push(current.trim());
        current = '';
      } else current += c;
    }
    args.push(current.trim());
    start.lastIndex = i;
    calls.push({ scope: match[1] === 'GLOB' ? 'global' : 'port', kind: match[2], args });
  }
  return calls;
}

function cString(literal) {
  if (literal === 'NULL') return null;
  const match = /^"((?:[^"\\]|\\.)*)"$/.exec(literal);
  if (!match) throw new Error(`not a string literal: ${literal}`);
  return match[1].replace(/\\(.)/g, '$1');
}

const TYPES = { INT: 'int', UIN: 'uint', DBL: 'double', ENU: 'enum', STR: 'string' };

/** config_tab and the enum tables of config.c at `ref`. */
function optionTable(ref) {
  const raw = git('show', `${ref}:config.c`);
  const text = withoutComments(raw);
  const names = defines(ref, raw);
  const enums = new Map();
  for (const match of text.matchAll(/static struct config_enum (\w+)\[\]\s*=\s*\{([\s\S]*?)\};/g)) {
    const entries = [...match[2].matchAll(/\{\s*"([^"]+)"\s*,\s*([^}]+?)\s*\}/g)];
    enums.set(
      match[1],
      entries.map((entry) => ({ label: entry[1], value: entry[2] })),
    );
  }
  const body = /struct config_item config_tab\[\]\s*=\s*\{([\s\S]*?)\n\};/.exec(text);
  if (!body) throw new Error(`${ref}: no config_tab in config.c`);
  const items = {};
  for (const { scope, kind, args } of itemCalls(body[1])) {
    const name = cString(args[0]);
    const type = TYPES[kind];
    const item = { scope, type };
    if (type === 'string') item.default = cString(args[1]);
    else if (type === 'enum') {
      const table = enums.get(args[2]);
      if (!table) throw new Error(`${ref}: ${name}: no enum table ${args[2]}`);
      item.default = table.find((entry) => entry.value === args[1])?.label ?? args[1];
      item.values = table.map((entry) => entry.label);
    } else {
      const value = evaluateOrText(args[1], names);
      // C converts an int item's default to int: 0xFFFFFFFF is -1.
      item.default = typeof value === 'number' && type === 'int' ? value | 0 : value;
      item.min = evaluate(args[2], names);
      item.max = evaluate(args[3], names);
    }
    items[name] = item;
  }
  const deprecated = {};
  const check = /check_deprecated_options\([^)]*\)\s*\{([\s\S]*?)\n\}/.exec(text);
  for (const match of check?.[1].matchAll(
    /strcmp\(\*option,\s*"([^"]+)"\)\)\s*\{\s*new_option\s*=\s*"([^"]+)"/g,
  ) ?? [])
    deprecated[match[1]] = match[2];
  return { items, deprecated };
}

function evaluateOrText(expression, names) {
  try {
    return evaluate(expression, names);
  } catch {
    return expression;
  }
}

// ---- output ----

function literal(value) {
  if (value === null) return 'null';
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (value === Number.MAX_VALUE) return 'DBL_MAX';
  if (value === -Number.MAX_VALUE) return '-DBL_MAX';
  if (value === C_CONSTANTS.DBL_MIN) return 'DBL_MIN';
  return String(value).replace('e+', 'e');
}

function key(name) {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`;
}

function itemLine(name, item) {
  const scope = item.scope === 'global' ? 'G' : 'P';
  const parts = [scope, literal(item.default)];
  if (item.type === 'enum') parts.push(`[${item.values.map(literal).join(', ')}]`);
  else if (item.type !== 'string') parts.push(literal(item.min), literal(item.max));
  const call = { int: 'int', uint: 'uint', double: 'dbl', enum: 'enu', string: 'str' }[item.type];
  return `    ${key(name)}: ${call}(${parts.join(', ')}),`;
}

const tables = [];
for (const tag of RELEASE_TAGS) tables.push({ release: tag.slice(1), ref: tag, ...optionTable(tag) });
const head = git('rev-parse', '--short=7', 'HEAD').trim();
const headDate = git('log', '-1', '--format=%cs', 'HEAD').trim();
tables.push({ release: 'unreleased', ref: head, ...optionTable('HEAD') });

const out = [
  `// generated by scripts/generate-linuxptp-options.mjs from linuxptp config.c at tags ${RELEASE_TAGS.join(', ')}`,
  `// and ${head} (${headDate}, "unreleased"); do not edit. Regenerate: npm run options:generate`,
  '',
  '/** One config_tab item: GLOB_ITEM_* options are [global]-only, PORT_ITEM_* may be set per port. */',
  'export interface LinuxptpConfigItem {',
  "  scope: 'global' | 'port';",
  "  type: 'int' | 'uint' | 'double' | 'enum' | 'string';",
  '  /** The default as config.c writes it (an enum by its name); null where it has none. */',
  '  default: number | string | null;',
  '  min?: number;',
  '  max?: number;',
  '  /** The names an enum option takes (matched without regard to case). */',
  '  values?: readonly string[];',
  '}',
  '',
  '/** Option tables by release; "unreleased" is linuxptp after its newest release. */',
  `export const LINUXPTP_TABLE_RELEASES = [${tables.map((t) => literal(t.release)).join(', ')}] as const;`,
  'export type LinuxptpTableRelease = (typeof LINUXPTP_TABLE_RELEASES)[number];',
  '',
  '/** The linuxptp commit each table was read from. */',
  'export const LINUXPTP_TABLE_SOURCES: Readonly<Record<LinuxptpTableRelease, string>> = {',
  ...tables.map((t) => `  ${key(t.release)}: '${t.ref}',`),
  '};',
  '',
  'const DBL_MAX = Number.MAX_VALUE;',
  'const DBL_MIN = 2.2250738585072014e-308;',
  "const G = 'global';",
  "const P = 'port';",
  'type Item = LinuxptpConfigItem;',
  "type Scope = Item['scope'];",
  "type Value = Item['default'];",
  "function ranged(type: Item['type']) {",
  '  return (scope: Scope, d: Value, min: number, max: number): Item => ({ scope, type, default: d, min, max });',
  '}',
  "const int = ranged('int');",
  "const uint = ranged('uint');",
  "const dbl = ranged('double');",
  "const enu = (scope: Scope, d: Value, values: string[]): Item => ({ scope, type: 'enum', default: d, values });",
  "const str = (scope: Scope, d: string | null): Item => ({ scope, type: 'string', default: d });",
  '',
  '/** config_tab of each release, by option name. */',
  'export const LINUXPTP_OPTION_TABLES: Readonly<',
  '  Record<LinuxptpTableRelease, Readonly<Record<string, LinuxptpConfigItem>>>',
  '> = {',
];
for (const table of tables) {
  out.push(`  ${key(table.release)}: {`);
  for (const name of Object.keys(table.items).sort()) out.push(itemLine(name, table.items[name]));
  out.push('  },');
}
out.push('};', '');
out.push('/** Deprecated names config.c check_deprecated_options() reads as another option, by release. */');
out.push('export const LINUXPTP_RENAMED_OPTIONS: Readonly<');
out.push('  Record<LinuxptpTableRelease, Readonly<Record<string, string>>>');
out.push('> = {');
for (const table of tables) {
  out.push(`  ${key(table.release)}: {`);
  for (const [from, to] of Object.entries(table.deprecated)) out.push(`    ${key(from)}: '${to}',`);
  out.push('  },');
}
out.push('};', '');
writeFileSync(OUTPUT, out.join('\n'));
console.log(`${OUTPUT}: ${tables.map((t) => `${t.release} (${Object.keys(t.items).length})`).join(', ')}`);
