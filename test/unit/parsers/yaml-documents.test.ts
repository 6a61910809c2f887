import { describe, expect, it } from 'vitest';
import {
  MAX_USER_YAML_VALUES,
  MAX_YAML_DEPTH,
  parseYamlDocuments,
} from '../../../core/parsers/yaml-documents.js';
import { ALIAS_BOMB } from '../../hostile/hostile-inputs.js';

const flow = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;
const block = (depth: number) =>
  `${Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} 1\n`;

describe('parseYamlDocuments', () => {
  it('reads every document of a stream, as data and as nodes', () => {
    const { documents, problems } = parseYamlDocuments('a: 1\n---\nb: [x, y]\n');
    expect(problems).toEqual([]);
    expect(documents.map((d) => d.value)).toEqual([{ a: 1 }, { b: ['x', 'y'] }]);
  });

  it('a bad document is a problem at its line; the others are read', () => {
    const { documents, problems } = parseYamlDocuments('a: 1\n---\nb: [unclosed\n---\nc: 3\n');
    expect(documents.map((d) => d.value)).toEqual([{ a: 1 }, { c: 3 }]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.line).toBe(4); // where the unclosed `[` is found to be unclosed
  });

  it('a duplicate key is a problem at the second key, naming the first', () => {
    const { documents, problems } = parseYamlDocuments('a: 1\nb:\n  c: 2\n  c: 3\n---\nok: true\n');
    expect(problems).toEqual([{ line: 4, column: 3, message: 'duplicate key "c" (first at line 3)' }]);
    expect(documents.map((d) => d.value)).toEqual([{ ok: true }]);
  });

  it('keys of different types are different keys; 20,000 keys are checked in linear time', () => {
    expect(parseYamlDocuments('1: a\n"1": b\n').problems).toEqual([]);
    const many = Array.from({ length: 20_000 }, (_, i) => `k${i}: ${i}`).join('\n');
    // The yaml package's own uniqueKeys check takes about 10 s for these; this must not.
    const { problems } = parseYamlDocuments(`${many}\nk7: again\n`);
    expect(problems).toEqual([{ line: 20_001, column: 1, message: 'duplicate key "k7" (first at line 8)' }]);
  });

  it('an alias bomb is refused at the alias that expands it too far', () => {
    const { documents, problems } = parseYamlDocuments(ALIAS_BOMB);
    expect(documents).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(
      /^alias \*\w expands the document past 10,000 nodes \(an alias bomb\)/,
    );
    expect(problems[0]!.line).toBeGreaterThan(2);
    // Four levels of ten: 11,110 nodes from four lines.
    const small = parseYamlDocuments(ALIAS_BOMB.split('\n').slice(0, 4).join('\n'));
    expect(small.problems.map((p) => p.line)).toEqual([4]);
  });

  it('aliases used with measure are fine, more than the yaml package allows by default', () => {
    const text = `x: &x {fact: a, operator: equals, value: 1}\nrules:\n${Array(150).fill('  - *x').join('\n')}\n`;
    const { documents, problems } = parseYamlDocuments(text);
    expect(problems).toEqual([]);
    expect((documents[0]!.value as { rules: unknown[] }).rules).toHaveLength(150);
  });

  it('an alias inside the node it names, or without an anchor, is a problem at the alias', () => {
    expect(parseYamlDocuments('a: 1\nb: &x [1, *x]\n').problems).toEqual([
      { line: 2, column: 11, message: 'alias *x is inside the node it refers to' },
    ]);
    const [unresolved] = parseYamlDocuments('a: 1\nb: *nowhere\n').problems;
    expect(unresolved!.line).toBe(2);
    expect(unresolved!.message).toMatch(/nowhere/);
  });

  it(`nesting up to ${MAX_YAML_DEPTH} levels is read, deeper is refused at its line`, () => {
    expect(parseYamlDocuments(flow(MAX_YAML_DEPTH)).problems).toEqual([]);
    expect(parseYamlDocuments(block(MAX_YAML_DEPTH)).problems).toEqual([]);
    const [deepFlow] = parseYamlDocuments(`a: 1\n---\n${flow(MAX_YAML_DEPTH + 1)}\n`).problems;
    expect(deepFlow).toEqual({
      line: 3,
      column: MAX_YAML_DEPTH + 2,
      message: 'nested more than 64 levels deep: this document and the rest are not read',
    });
    expect(parseYamlDocuments(block(MAX_YAML_DEPTH + 1)).problems[0]!.line).toBe(MAX_YAML_DEPTH + 1);
  });

  it('a document deeper than allowed keeps the documents before it', () => {
    const { documents, problems } = parseYamlDocuments(`a: 1\n---\n${'['.repeat(4_000_000)}\n`);
    expect(documents.map((d) => d.value)).toEqual([{ a: 1 }]);
    expect(problems.map((p) => p.line)).toEqual([3]);
  });

  it('a file a person writes holds at most MAX_USER_YAML_VALUES values; the documents before stay', () => {
    const values = (n: number) => `list: [${Array(n).fill('1').join(',')}]\n`;
    // The key, the sequence and its 1,000 items.
    expect(parseYamlDocuments(values(1000), 1002).problems).toEqual([]);
    const { documents, problems } = parseYamlDocuments(`a: 1\n---\n${values(1000)}`, 1002);
    expect(documents.map((d) => d.value)).toEqual([{ a: 1 }]);
    expect(problems).toMatchObject([
      { line: 3, message: 'more than 1,002 values: this document and the rest are not read' },
    ]);
    // 4 MB of `[1,1,…]`: refused before the parser builds 1.5 million nodes.
    const [huge] = parseYamlDocuments(values(1_500_000), MAX_USER_YAML_VALUES).problems;
    expect(huge!.message).toBe('more than 200,000 values: this document and the rest are not read');
  });

  it('a 4 MB scalar is data like any other', () => {
    const { documents, problems } = parseYamlDocuments(`a: ${'x'.repeat(4 * 1024 * 1024)}\n`);
    expect(problems).toEqual([]);
    expect((documents[0]!.value as { a: string }).a).toHaveLength(4 * 1024 * 1024);
  });
});
