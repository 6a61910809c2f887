import { PMC_GET_IDS } from '../sources/exec-allowlist.js';
import type { SlotName, Slots } from './intent-pack.js';
import { words } from './keyword-match.js';
import { findNode } from './node-slot.js';
import { overlaps, type Span, STOP_WORDS, tokens } from './question-tokens.js';
import { findTimeWindow } from './time-window.js';

export interface SlotOptions {
  knownNodes?: readonly string[] | undefined;
  knownInterfaces?: readonly string[] | undefined;
  /** Whether a word names something the intents talk about (so "on holdover" names no node). */
  isVocabulary?: (word: string) => boolean;
  /** The end of the data: dates "since 08:00" and makes a start a duration back from it. */
  now?: Date | undefined;
}

export interface Extraction {
  slots: Slots;
  /** The question in lower case with the names found replaced by `{node}`, `{window}`...: for patterns. */
  masked: string;
  /** The question's words without the names found: for keywords. */
  words: string[];
}

const PROCESSES = new Map([
  ['ptp4l', 'ptp4l'],
  ['phc2sys', 'phc2sys'],
  ['ts2phc', 'ts2phc'],
  ['gnss', 'gnss'],
  ['gps', 'gnss'],
  ['dpll', 'dpll'],
  ['synce4l', 'synce4l'],
]);
const SEVERITIES = new Map([
  ['critical', 'critical'],
  ['moderate', 'moderate'],
  ['minor', 'minor'],
  ['info', 'info'],
  ['informational', 'info'],
]);
/**
 * Log levels as search_logs takes them: "errors in the log" asks for lines at error or worse ("the
 * frequency error" asks for no level).
 */
const LEVELS = new Map([
  ['errors', 'error'],
  ['warning', 'warning'],
  ['warnings', 'warning'],
  ['warn', 'warning'],
  ['notice', 'notice'],
  ['notices', 'notice'],
]);
/** Linux interface names as systemd, udev and older kernels give them, VLANs included. */
const INTERFACE =
  /^(?:eth\d+|eno\d+(?:np\d+)?|ens\d+(?:f\d+)?(?:np\d+|d\d+)?|enp\d+s\d+(?:f\d+)?(?:np\d+|d\d+)?|enx[0-9a-f]{12}|ib\d+|bond\d+|p\d+p\d+|em\d+)(?:v\d+)?(?:\.\d+)?$/;
const IFNAME = /^[a-z][a-z0-9_.-]{0,14}$/;
/**
 * The pmc GETs the exec allowlist permits, as written (`PARENT_DATA_SET`, `time_status_np`, "parent data
 * set"); an ID without underscore (DOMAIN, TIME, PRIORITY1) only in capitals, or it is a plain word.
 */
const PMC_ID = new RegExp(
  `(?<![\\w])(${[...PMC_GET_IDS]
    .sort((a, b) => b.length - a.length)
    .map((id) => (id.includes('_') ? id.toLowerCase().replace(/_/g, '[_ ]') : id))
    .join('|')})(?![\\w])`,
  'g',
);
/** Rule ids: `g8275.1/domain-range`, `fault-severity/holdover` (not paths, not `ptp4l/phc2sys`). */
const RULE_ID = /(?<![\w/.-])([a-z][a-z0-9.-]{2,}(?:\/[a-z0-9][a-z0-9._-]*)+)/g;
const QUOTED = /"([^"]+)"|(?<=^|[\s(])'([^']+)'(?=$|[\s?.!,:;)])/g;
const SEARCHED_FOR =
  /\b(?:search|grep|find|look)\b.*?\b(?:for|containing|matching|with|mentioning)\s+(.+?)(?=\s+(?:on|in|from|over|during|since|within|at|across)\s|[\s?.!]*$)/g;
/** "log lines on bc-2 that say FAULT_DETECTED": what lines of a log say. */
const SAYING =
  /\b(?:lines?|logs?|messages?)\b.*?\b(?:say|says|saying|contain|containing|mention|mentioning|matching)\s+(.+?)(?=\s+(?:on|in|from|over|during|since|within|at|across)\s|[\s?.!]*$)/g;
/** A command of the exec allowlist written without quotes: "run ethtool -T ens2f1 on bc-2". */
const COMMAND = /\b(?:run|execute|exec)\s+((?:ethtool|ls|cat)\s.+?)(?=\s+(?:on|at|for)\s|[\s?.!]*$)/g;
/** "find FAULTY in bc-2's log": one word looked for in something. */
const FOUND_IN =
  /\b(?:find|grep|look for)\s+(?!(?:the|a|an|all|any|every|out|me)\s)(\S+)\s+(?:in|on|inside)\s/g;
/** "grep HOLDOVER bc-2": the word grep is given (a node name after it is the node, not the text). */
const GREP_WORD = /\bgrep\s+(?!(?:the|a|an|all|any|every|for|logs?|in|on|through|its|their)\b)([^\s?!]+)/g;
const PROFILE_AFTER = /\bprofile\s+([a-z0-9][\w.-]*)/g;
const PROFILE_BEFORE = /\b([a-z0-9][\w.-]*)\s+profile\b/g;
/** Standards and plain words next to "profile" that name no profile ("the G.8275.1 profile"). */
const NOT_A_PROFILE =
  /^(?:g\.?8275|ieee|1588|itu|ptp|telecom|default|power|enterprise|this|that|the|my|which|what|each|every|same|other)/;

/** The slots of a question, each the first of its kind, found in an order that keeps them apart. */
export function extractSlots(question: string, options: SlotOptions = {}): Extraction {
  const normalized = question.normalize('NFKC').replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
  const text = normalized.toLowerCase();
  // Quoted text keeps its case (a log search); offsets only line up if lower-casing kept the length.
  const original = text.length === normalized.length ? normalized : text;
  const claimed: (Span & { slot: SlotName; masks: boolean })[] = [];
  const slots: Slots = {};
  const take = (slot: SlotName, span: Span, value: string, masks = true): boolean => {
    if (slots[slot] !== undefined || overlaps(span, claimed)) return false;
    slots[slot] = value;
    claimed.push({ ...span, slot, masks });
    return true;
  };
  const spanOf = (m: RegExpMatchArray, group: number): Span => {
    const start = m.index! + m[0].indexOf(m[group]!);
    return { start, end: start + m[group]!.length };
  };

  for (const m of text.matchAll(QUOTED)) {
    const group = m[1] !== undefined ? 1 : 2;
    const span = spanOf(m, group);
    if (take('text', { start: m.index, end: m.index + m[0].length }, original.slice(span.start, span.end))) {
      break;
    }
  }
  const window = findTimeWindow(text, options.now);
  if (window && !overlaps(window, claimed)) {
    // A stretch between two times reads `{until}` in the masked question, a window counted back `{window}`.
    claimed.push({ ...window, slot: window.until ? 'until' : 'window', masks: true });
    if (window.duration) slots.window = window.duration;
    if (window.since) slots.since = window.since;
    if (window.until) slots.until = window.until;
  }
  for (const m of text.matchAll(RULE_ID)) {
    const first = m[1]!.split('/')[0]!;
    if (!PROCESSES.has(first) && !['dev', 'var', 'sys', 'run', 'etc', 'proc'].includes(first)) {
      if (take('rule', spanOf(m, 1), m[1]!.replace(/\.+$/, ''))) break;
    }
  }
  // Lower-cased IDs match the text, capitals the original.
  for (const m of [...text.matchAll(PMC_ID), ...original.matchAll(PMC_ID)]) {
    if (take('query', spanOf(m, 1), m[1]!.replace(/ /g, '_').toUpperCase())) break;
  }
  const nodeNames = new Set((options.knownNodes ?? []).map((name) => name.toLowerCase()));
  for (const pattern of [SEARCHED_FOR, FOUND_IN, SAYING, COMMAND, GREP_WORD]) {
    for (const m of text.matchAll(pattern)) {
      if (pattern === GREP_WORD && nodeNames.has(m[1]!)) continue;
      const span = spanOf(m, 1);
      if (take('text', span, original.slice(span.start, span.end))) break;
    }
  }

  const all = tokens(text);
  const free = all.filter((t) => !overlaps(t, claimed));
  const knownInterfaces = new Set((options.knownInterfaces ?? []).map((name) => name.toLowerCase()));
  const iface =
    free.find((t) => knownInterfaces.has(t.text)) ??
    free.find((t) => INTERFACE.test(t.text)) ??
    free.find(
      (t) =>
        ['interface', 'port', 'nic', 'iface'].includes(all[all.indexOf(t) - 1]?.text ?? '') &&
        IFNAME.test(t.text) &&
        /\d/.test(t.text) &&
        !STOP_WORDS.has(t.text),
    );
  if (iface) take('interface', iface, iface.text);

  for (const pattern of [PROFILE_AFTER, PROFILE_BEFORE]) {
    for (const m of text.matchAll(pattern)) {
      const name = m[1]!;
      if (STOP_WORDS.has(name) || NOT_A_PROFILE.test(name) || PROCESSES.has(name)) continue;
      // A profile's name has a digit or a separator (`00-tgm`, `bc_profile`): "profile applies" names none.
      if (!/[\d_.-]/.test(name)) continue;
      const span = spanOf(m, 1);
      if (take('profile', span, original.slice(span.start, span.end))) break;
    }
  }

  const isVocabulary = options.isVocabulary ?? (() => false);
  const node = findNode(text, all, claimed, {
    knownNodes: options.knownNodes,
    isVocabulary: (word) => PROCESSES.has(word) || SEVERITIES.has(word) || isVocabulary(word),
  });
  if (node) take('node', node, node.value);

  for (const t of all) {
    const process = PROCESSES.get(t.text);
    if (process) take('process', t, process, false);
    const severity = SEVERITIES.get(t.text);
    if (severity) take('severity', t, severity, false);
    const level = LEVELS.get(t.text);
    if (level) take('level', t, level, false);
  }

  const masking = claimed.filter((span) => span.masks).sort((a, b) => b.start - a.start);
  let masked = text;
  let plain = text;
  for (const span of masking) {
    masked = `${masked.slice(0, span.start)}{${span.slot}}${masked.slice(span.end)}`;
    plain = `${plain.slice(0, span.start)} ${plain.slice(span.end)}`;
  }
  return { slots, masked, words: words(plain) };
}
