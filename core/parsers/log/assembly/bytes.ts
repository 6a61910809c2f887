/** Reading bytes of the window: single bytes, 16 at a time with SIMD, up to 8 as one number. */

@inline export function at(p: usize): u32 {
  return <u32>load<u8>(p);
}

@inline export function isDigit(code: u32): bool {
  return code - 48 < 10;
}

/** An ASCII letter (a byte with the case bit set is a lower-case letter when it falls in a..z). */
@inline export function isLetter(code: u32): bool {
  return (code | 32) - 97 < 26;
}

/** A letter, a digit or `_`: the bytes of a word (`frequency_status`). */
@inline export function isWordByte(code: u32): bool {
  return isLetter(code) || isDigit(code) || code == 95;
}

/** Two decimal digits, or -1. */
@inline export function twoDigits(p: usize): i32 {
  const tens = at(p) - 48;
  const ones = at(p + 1) - 48;
  return tens < 10 && ones < 10 ? <i32>(tens * 10 + ones) : -1;
}

/** The first `byte` at or after `from`, or `stop`; reads up to 15 bytes past `stop`. */
@inline export function find(byte: u8, from: usize, stop: usize): usize {
  const wanted = i8x16.splat(<i8>byte);
  for (let p = from; p < stop; p += 16) {
    const mask = i8x16.bitmask(i8x16.eq(v128.load(p), wanted));
    if (mask != 0) return min(p + <usize>ctz<u32>(mask), stop);
  }
  return stop;
}

/** The first byte other than a space at or after `from`, or `stop`. */
@inline export function skipSpaces(from: usize, stop: usize): usize {
  const space = i8x16.splat(32);
  for (let p = from; p < stop; p += 16) {
    const mask = ~i8x16.bitmask(i8x16.eq(v128.load(p), space)) & 0xffff;
    if (mask != 0) return min(p + <usize>ctz<u32>(mask), stop);
  }
  return stop;
}

/**
 * Whether the `length` (≤ 8) bytes at p are a text given as its bytes in a little-endian number
 * (AssemblyScript has no constant byte strings: each constant is written beside its text).
 */
@inline export function bytesAre(p: usize, text: u64, length: i32): bool {
  const mask: u64 = length == 8 ? <u64>-1 : (<u64>1 << (<u64>length * 8)) - 1;
  return (load<u64>(p) & mask) == text;
}

/** bytesAre for texts of up to 16 bytes, given as two numbers (the second for the bytes after eight). */
@inline export function textAt(p: usize, first: u64, second: u64, length: i32): bool {
  return length <= 8 ? bytesAre(p, first, length) : bytesAre(p, first, 8) && bytesAre(p + 8, second, length - 8);
}

@inline export function sameBytes(a: usize, b: usize, length: i32): bool {
  let i: i32 = 0;
  for (; i + 8 <= length; i += 8) if (load<u64>(a + <usize>i) != load<u64>(b + <usize>i)) return false;
  if (i >= length) return true;
  const mask: u64 = (<u64>1 << (<u64>(length - i) * 8)) - 1;
  return ((load<u64>(a + <usize>i) ^ load<u64>(b + <usize>i)) & mask) == 0;
}

/** Where the last readInteger stopped, and what it read. */
export let integerEnd: usize = 0;
export let integer: f64 = 0;

/** Skips spaces, reads an optionally signed integer as the JavaScript number parseLogLine gives. */
export function readInteger(from: usize, end: usize): bool {
  let p = skipSpaces(from, end);
  let negative = false;
  const sign = at(p);
  if (p < end && (sign == 45 || sign == 43)) {
    negative = sign == 45;
    p++;
  }
  const digitsStart = p;
  let value: f64 = 0;
  while (p < end && isDigit(at(p))) value = value * 10 + <f64>(at(p++) - 48);
  if (p == digitsStart) return false;
  integer = negative && value != 0 ? -value : value;
  integerEnd = p;
  return true;
}
