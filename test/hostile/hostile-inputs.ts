import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';

/**
 * The hostile inputs of issue 10, made at test time (FIFOs, sockets and links are never committed).
 * Each is what a user may really hand ptp-mcp by mistake: a device, a pipe, a folder, a file in another
 * encoding, a YAML document built to exhaust a parser, a file or line far too large, a log out of order.
 */
export type HostileKind =
  | 'dev-zero'
  | 'fifo'
  | 'socket'
  | 'folder'
  | 'empty'
  | 'alias-bomb'
  | 'deep-nesting'
  | 'duplicate-keys'
  | 'invalid-utf8'
  | 'utf16le-bom'
  | 'utf16le'
  | 'huge-line'
  | 'over-cap'
  | 'binary'
  | 'backwards-times';

/** Paths nothing can be read from: reading them would hang (FIFO), never end (/dev/zero) or fail. */
export const UNREADABLE_KINDS = ['dev-zero', 'fifo', 'socket', 'folder'] as const satisfies HostileKind[];
/** Regular files every YAML reader must refuse, each with its own message naming file and line. */
export const BROKEN_YAML_KINDS = [
  'alias-bomb',
  'duplicate-keys',
  'deep-nesting',
  'utf16le-bom',
  'invalid-utf8',
] as const satisfies HostileKind[];
/** The kinds every reader refuses in the same words (hostile-messages `refusal`). */
export const REFUSED_KINDS = [...UNREADABLE_KINDS, ...BROKEN_YAML_KINDS];
export type RefusedKind = (typeof REFUSED_KINDS)[number];

/** The size of the one huge line (issue 10: "a single 50 MB line"). */
const HUGE_LINE_BYTES = 50 * 1024 * 1024;
/** One byte past the 4 MB cap of configurations, packs and other small user files. */
const OVER_CAP_BYTES = 4 * 1024 * 1024 + 1;

/** "Billion laughs": nine levels of ten aliases, 10^9 strings once expanded, under 1 KB written. */
export const ALIAS_BOMB = `${[
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'
    .split('')
    .map((name, i) => `${name}: &${name} [${Array(10).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
].join('\n')}\n`;

/** A flow sequence nested 10,000 deep under a key (20 KB: block style would take 100 MB of indentation). */
function deepNesting(): string {
  return `spec: ${'['.repeat(10_000)}1${']'.repeat(10_000)}\n`;
}

/** Text that ends with a line end (or is empty), so that more lines can follow it. */
function ended(text: string): string {
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}

/** The base's first top-level key: its name, its line (from 1) and the whole line. */
export function firstTopLevelKey(base: string): { key: string; line: number; text: string } {
  const lines = base.split('\n');
  const index = lines.findIndex((line) => /^[A-Za-z]\w*:/.test(line));
  if (index < 0) throw new Error('duplicate-keys needs a base with a top-level key');
  const text = lines[index]!;
  return { key: text.slice(0, text.indexOf(':')), line: index + 1, text };
}

/** The base with its first line that holds a top-level key repeated at the end. */
function duplicateKeys(base: string): string {
  return `${ended(base)}${firstTopLevelKey(base).text}\n`;
}

/** The base with a Latin-1 comment (a lone 0xE9) and stray bytes on line 2, as a file saved in Latin-1 would be. */
function invalidUtf8(base: string): Buffer {
  const [first, ...rest] = base.split('\n');
  return Buffer.concat([
    Buffer.from(`${first}\n# caf`),
    Buffer.from([0xe9, 0x20, 0xff, 0xfe, 0xc0, 0x80]),
    Buffer.from(`\n${rest.join('\n')}`),
  ]);
}

/** The base, then one line of HUGE_LINE_BYTES comment characters. */
function hugeLine(base: string): Buffer {
  const line = Buffer.alloc(HUGE_LINE_BYTES, 'x');
  line.write('# ');
  return Buffer.concat([Buffer.from(ended(base)), line, Buffer.from('\n')]);
}

/** The base padded with comment lines to exactly OVER_CAP_BYTES: valid text, one byte too many. */
function overCap(base: string): Buffer {
  const head = Buffer.from(ended(base));
  const padding = Buffer.alloc(OVER_CAP_BYTES - head.length, '#');
  for (let i = 79; i < padding.length; i += 80) padding[i] = 0x0a;
  padding[padding.length - 1] = 0x0a;
  return Buffer.concat([head, padding]);
}

/** 64 KB of deterministic junk with NULs, starting like an ELF binary. */
function binary(): Buffer {
  const bytes = Buffer.alloc(64 * 1024);
  let state = 0x2545f491;
  for (let i = 0; i < bytes.length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  bytes.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0], 0);
  return bytes;
}

/** The base's lines in reverse order: every timestamp earlier than the one before it. */
function backwardsTimes(base: string): string {
  return `${base.replace(/\n$/, '').split('\n').reverse().join('\n')}\n`;
}

function contents(kind: HostileKind, base: string): string | Buffer {
  switch (kind) {
    case 'empty':
      return '';
    case 'alias-bomb':
      return ALIAS_BOMB;
    case 'deep-nesting':
      return deepNesting();
    case 'duplicate-keys':
      return duplicateKeys(base);
    case 'invalid-utf8':
      return invalidUtf8(base);
    case 'utf16le-bom':
      return Buffer.from(`\ufeff${base}`, 'utf16le');
    case 'utf16le':
      return Buffer.from(base, 'utf16le');
    case 'huge-line':
      return hugeLine(base);
    case 'over-cap':
      return overCap(base);
    case 'binary':
      return binary();
    case 'backwards-times':
      return backwardsTimes(base);
    default:
      throw new Error(`${kind} is not a file's contents`);
  }
}

/** The Unix sockets made so far: a socket file lives while its server listens. */
const sockets: Server[] = [];

/**
 * Makes the hostile input `kind` at `path`. `base` is a valid file of the kind the command expects
 * (a config, a pack, a log), which the text variants derive from; the rest ignore it.
 */
export async function writeHostileInput(path: string, kind: HostileKind, base = ''): Promise<void> {
  switch (kind) {
    case 'dev-zero':
      symlinkSync('/dev/zero', path);
      return;
    case 'fifo':
      execFileSync('mkfifo', [path]);
      return;
    case 'folder':
      mkdirSync(path);
      return;
    case 'socket': {
      const server = createServer();
      sockets.push(server);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(path, resolve);
      });
      return;
    }
    default:
      writeFileSync(path, contents(kind, base));
  }
}

/**
 * Makes each of `kinds` in `dir`, named `<kind><extension>` (the extension a command looks for: .yaml,
 * .test.yaml, .conf), and returns their paths.
 */
export async function writeHostileInputs<Kind extends HostileKind>(
  dir: string,
  kinds: readonly Kind[],
  extension: string,
  base = '',
): Promise<Record<Kind, string>> {
  const paths = Object.fromEntries(kinds.map((kind) => [kind, join(dir, `${kind}${extension}`)]));
  for (const kind of kinds) await writeHostileInput(paths[kind]!, kind, base);
  return paths as Record<Kind, string>;
}

/** Closes the servers behind the sockets writeHostileInput made. */
export async function closeHostileSockets(): Promise<void> {
  await Promise.all(sockets.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
}
