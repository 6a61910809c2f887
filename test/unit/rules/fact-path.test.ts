import { JSONPath } from 'jsonpath-plus';
import { describe, expect, it } from 'vitest';
import { resolveFactPath } from '../../../core/rules/fact-path.js';

const facts = {
  global: { domainNumber: 24, network_transport: 'L2' },
  effective: { 'G.8275.portDS.localPriority': 128, 'with-dash': 1 },
  ports: { ens1f0: { masterOnly: 1 } },
  list: ['a', 'b'],
  nothing: null,
};

/** What the engine's default resolver (JSONPath-plus) gives: the resolver must agree with it on every path. */
const reference = (path: string) => JSONPath({ path, json: facts, wrap: false });

describe('resolveFactPath', () => {
  const paths = [
    '$',
    '$.global.domainNumber',
    '$.global',
    "$.effective['G.8275.portDS.localPriority']",
    '$.effective["G.8275.portDS.localPriority"]',
    '$.effective.with-dash',
    '$.ports.ens1f0.masterOnly',
    '$.list[1]',
    '$.list',
    '$.global.missing',
    '$.missing.deeper',
    '$.nothing.deeper',
    '$..masterOnly',
    '$.list[*]',
  ];
  for (const path of paths) {
    it(`gives what JSONPath-plus gives for ${path}`, () => {
      expect(resolveFactPath(facts, path)).toEqual(reference(path));
    });
  }

  it('reads the values a rule compares', () => {
    expect(resolveFactPath(facts, "$.effective['G.8275.portDS.localPriority']")).toBe(128);
    expect(resolveFactPath(facts, '$.global.missing')).toBeUndefined();
  });
});
