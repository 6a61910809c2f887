import { firstTopLevelKey, type HostileKind, type RefusedKind } from './hostile-inputs.js';

/**
 * What a message about each input must say (besides the file's name), so a test can tell a refusal for
 * the right reason from an unrelated error. Loose on purpose: commands word it in their own way.
 */
export const HOSTILE_REASON: Record<HostileKind, RegExp> = {
  'dev-zero': /device|not a regular file|\/dev\/zero/i,
  fifo: /FIFO|named pipe|not a regular file/i,
  socket: /socket|not a regular file/i,
  folder: /folder|directory|not a regular file/i,
  empty: /empty|missing|expected|no (data|lines|content)/i,
  'alias-bomb': /alias/i,
  'deep-nesting': /nest|deep|depth/i,
  'duplicate-keys': /duplicate|unique/i,
  'invalid-utf8': /UTF-8/i,
  'utf16le-bom': /UTF-16/i,
  utf16le: /UTF-16/i,
  'huge-line': /\d\s?MB|too long|long line|larger than/i,
  'over-cap': /\d\s?MB|too large|larger than/i,
  binary: /binary|NUL/i,
  'backwards-times': /backward|goes back|went back|out of order|not in time order|earlier than/i,
};

/** A YAML problem at a place of the file (`:line`, `:line:column` or `:line: `), then its message. */
const atLine = (message: string) => new RegExp(`:\\d+(:\\d+)?:? .*${message}`);

/**
 * The exact words of the refusal of `kind` made from `base` (core/io and core/parsers/yaml-documents say
 * them the same way for every reader), after the file's name.
 */
export function refusal(kind: RefusedKind, base: string): RegExp {
  switch (kind) {
    case 'dev-zero':
      return /is a character device, not a regular file: not read/;
    case 'fifo':
      return /is a FIFO \(named pipe\), not a regular file: not read/;
    case 'socket':
      return /is a socket, not a regular file: not read/;
    case 'folder':
      return /is a folder, not a regular file: not read/;
    case 'alias-bomb':
      return atLine('alias \\*\\w expands the document past 10,000 nodes \\(an alias bomb\\)');
    case 'duplicate-keys': {
      const { key, line } = firstTopLevelKey(base);
      return atLine(`duplicate key "${key}" \\(first at line ${line}\\)`);
    }
    case 'deep-nesting':
      return atLine('nested more than 64 levels deep');
    case 'utf16le-bom':
      return /is UTF-16 \(little-endian\) text; ptp-mcp reads UTF-8/;
    case 'invalid-utf8':
      // writeHostileInput puts a Latin-1 "é" (0xE9) first on line 2.
      return /line 2: byte 0xe9 is not valid UTF-8/;
  }
}
