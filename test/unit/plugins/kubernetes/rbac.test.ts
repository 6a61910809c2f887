import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { packageRoot } from '../../../../core/package-root.js';

interface Rule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
}

/** What the Kubernetes source asks of the API server (plugins/kubernetes/cluster-source.ts). */
const NEEDED: [scope: 'cluster' | 'namespace', group: string, resource: string, verb: string][] = [
  ['cluster', '', 'nodes', 'list'],
  ['namespace', '', 'pods', 'list'],
  ['namespace', '', 'events', 'list'],
  ['namespace', 'apps', 'daemonsets', 'get'],
  ['namespace', 'ptp.openshift.io', 'ptpconfigs', 'list'],
  ['namespace', 'ptp.openshift.io', 'nodeptpdevices', 'list'],
  ['namespace', 'ptp.openshift.io', 'ptpoperatorconfigs', 'list'],
  ['namespace', 'ptp.openshift.io', 'hardwareconfigs', 'list'],
  ['namespace', '', 'pods/log', 'get'],
  ['namespace', '', 'pods/proxy', 'get'],
  ['namespace', '', 'pods/exec', 'create'],
];

describe('deploy/rbac.yaml', () => {
  const documents = parseAllDocuments(readFileSync(join(packageRoot(), 'deploy', 'rbac.yaml'), 'utf8')).map(
    (d) => d.toJS(),
  );
  const rulesOf = (kind: string) =>
    documents.filter((d) => d.kind === kind).flatMap((d) => d.rules as Rule[]);

  it('grants every request the Kubernetes source makes, and nothing that writes', () => {
    for (const [scope, group, resource, verb] of NEEDED) {
      const rules = rulesOf(scope === 'cluster' ? 'ClusterRole' : 'Role');
      const granted = rules.some(
        (r) => r.apiGroups.includes(group) && r.resources.includes(resource) && r.verbs.includes(verb),
      );
      expect(granted, `${verb} ${group}/${resource}`).toBe(true);
    }
    const verbs = [...rulesOf('Role'), ...rulesOf('ClusterRole')].flatMap((r) => r.verbs);
    expect(verbs.filter((v) => !['get', 'list', 'create'].includes(v))).toEqual([]);
    // create only for exec: the allowlisted read-only commands.
    expect(
      [...rulesOf('Role'), ...rulesOf('ClusterRole')]
        .filter((r) => r.verbs.includes('create'))
        .flatMap((r) => r.resources),
    ).toEqual(['pods/exec']);
  });
});
