import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { recommendProfiles } from '../../../core/analysis/profile-recommendation.js';
import type { KubeNode } from '../../../core/model/kubernetes.js';
import { PtpConfig } from '../../../core/model/ptp-config.js';
import { describeCorpus, readCorpus } from '../../corpus.js';

function node(name: string, labels: Record<string, string> = {}): KubeNode {
  return { metadata: { name, labels } };
}

function ptpConfig(name: string, profiles: string[], recommend: PtpConfig['spec']['recommend']): PtpConfig {
  return {
    kind: 'PtpConfig',
    metadata: { name },
    spec: { profile: profiles.map((p) => ({ name: p })), recommend },
  };
}

describe('recommendProfiles (ptp-operator semantics)', () => {
  const oc = ptpConfig(
    'oc',
    ['slave'],
    [{ profile: 'slave', priority: 4, match: [{ nodeLabel: 'node-role.kubernetes.io/worker' }] }],
  );
  const bc = ptpConfig(
    'bc',
    ['tr', 'tt'],
    [
      { profile: 'tr', priority: 3, match: [{ nodeName: 'bc-1' }] },
      { profile: 'tt', priority: 3, match: [{ nodeName: 'bc-1' }] },
    ],
  );

  it('applies every matching profile of the best priority, qualified and sorted', () => {
    const result = recommendProfiles(node('bc-1', { 'node-role.kubernetes.io/worker': '' }), [oc, bc]);
    expect(result.priority).toBe(3);
    expect(result.applied.map((a) => a.qualifiedName)).toEqual(['bc_tr', 'bc_tt']);
  });

  it('matches nodeLabel against label keys only', () => {
    expect(
      recommendProfiles(node('w1', { 'node-role.kubernetes.io/worker': '' }), [oc]).applied,
    ).toHaveLength(1);
    const withValue = ptpConfig(
      'x',
      ['slave'],
      [{ profile: 'slave', priority: 1, match: [{ nodeLabel: 'node-role.kubernetes.io/worker=' }] }],
    );
    expect(
      recommendProfiles(node('w1', { 'node-role.kubernetes.io/worker': '' }), [withValue]).applied,
    ).toEqual([]);
  });

  it('never matches an entry without match rules', () => {
    const noMatch = ptpConfig('x', ['p'], [{ profile: 'p', priority: 0 }]);
    expect(recommendProfiles(node('a'), [noMatch])).toEqual({ applied: [], priority: null, missing: [] });
  });

  it('applies nothing when a recommended profile is defined nowhere', () => {
    const broken = ptpConfig(
      'x',
      ['p'],
      [
        { profile: 'p', priority: 0, match: [{ nodeName: 'a' }] },
        { profile: 'ghost', priority: 0, match: [{ nodeName: 'a' }] },
      ],
    );
    expect(recommendProfiles(node('a'), [broken])).toEqual({ applied: [], priority: 0, missing: ['ghost'] });
  });
});

describeCorpus('recommendProfiles on the telco reference PtpConfigs', () => {
  it('selects the boundary clock profile for a node named in the reference T-BC config', () => {
    const configs = [
      'cnf-features-deploy/PtpConfigBoundary.yaml',
      'cnf-features-deploy/PtpConfigSlave.yaml',
    ].flatMap((file) => parseAllDocuments(readCorpus(file)).map((doc) => PtpConfig.parse(doc.toJS())));
    const boundary = configs.find((c) => c.metadata.name?.includes('boundary'))!;
    const target = boundary.spec.recommend[0]!.match![0]!;
    const candidate =
      target.nodeName !== undefined ? node(target.nodeName) : node('any', { [target.nodeLabel!]: '' });
    const applied = recommendProfiles(candidate, configs).applied.map((a) => a.profile.name);
    expect(applied).toContain(boundary.spec.recommend[0]!.profile);
  });
});
