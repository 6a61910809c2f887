import { describe, expect, it } from 'vitest';
import { decodeUtf8Text, firstInvalidUtf8, sniffTextEncoding } from '../../../core/io/text-encoding.js';

const text = 'ptp4l[5196.895]: master offset -6 s2 freq +1120 path delay 2187\n';
const utf16le = (s: string, bom: boolean) =>
  Buffer.concat([Buffer.from(bom ? [0xff, 0xfe] : []), Buffer.from(s, 'utf16le')]);
const utf16be = (s: string) => utf16le(s, false).swap16();

describe('sniffTextEncoding', () => {
  it.each([
    ['UTF-8', Buffer.from(text), 'utf-8'],
    ['UTF-8 with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'utf-8'],
    ['UTF-16LE with a BOM (PowerShell >)', utf16le(text, true), 'utf-16le'],
    ['UTF-16LE without a BOM', utf16le(text, false), 'utf-16le'],
    ['UTF-16BE without a BOM', utf16be(text), 'utf-16be'],
    ['UTF-32LE with a BOM', Buffer.from([0xff, 0xfe, 0, 0, 0x70, 0, 0, 0]), 'utf-32le'],
    [
      'a copytruncate gap of NULs before UTF-8',
      Buffer.concat([Buffer.alloc(8192), Buffer.from(text)]),
      'utf-8',
    ],
    ['nothing but a copytruncate gap', Buffer.alloc(8192), 'utf-8'],
    ['binary', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0x41, 0x42]), 'binary'],
  ])('%s', (_name, bytes, encoding) => {
    expect(sniffTextEncoding(bytes)).toBe(encoding);
  });
});

describe('decodeUtf8Text', () => {
  it('drops a UTF-8 byte order mark', () => {
    expect(decodeUtf8Text(Buffer.from(`\uFEFF${text}`), 'a.conf')).toBe(text);
  });

  it('names UTF-16 and how to convert it', () => {
    expect(() => decodeUtf8Text(utf16le(text, true), 'a.log')).toThrow(
      'a.log: is UTF-16 (little-endian) text; ptp-mcp reads UTF-8: convert it first (iconv -f UTF-16LE -t UTF-8)',
    );
  });

  it('names the line of the first byte that is not UTF-8', () => {
    const bytes = Buffer.concat([
      Buffer.from('[global]\ndomainNumber 24\n# caf'),
      Buffer.from([0xe9]),
      Buffer.from('\n'),
    ]);
    expect(() => decodeUtf8Text(bytes, 'a.conf')).toThrow('a.conf: line 3: byte 0xe9 is not valid UTF-8');
  });

  it('names a NUL byte past the first 4 KB, which the sniff does not see', () => {
    const bytes = Buffer.from(`${'# padding\n'.repeat(500)}a: 1\0\n`);
    expect(() => decodeUtf8Text(bytes, 'a.yaml')).toThrow(
      'a.yaml: line 501: a NUL byte: binary data, not text',
    );
  });
});

describe('firstInvalidUtf8', () => {
  it.each([
    ['ASCII', [0x41, 0x42], -1],
    ['two-byte é', [0xc3, 0xa9], -1],
    ['four-byte emoji', [0xf0, 0x9f, 0x95, 0x90], -1],
    ['an overlong slash', [0x41, 0xc0, 0xaf], 1],
    ['a surrogate', [0xed, 0xa0, 0x80], 0],
    ['a sequence cut short', [0x41, 0xe2, 0x82], 1],
    ['a lone continuation byte', [0x80], 0],
  ])('%s', (_name, bytes, offset) => {
    expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(offset);
  });
});
