import type { KubeNode } from '../model/kubernetes.js';
import type { PtpConfig, PtpProfile, PtpRecommend } from '../model/ptp-config.js';

export interface AppliedProfile {
  /** The profile as defined in its PtpConfig. */
  profile: PtpProfile;
  /** The PtpConfig that defines it. */
  ptpConfig: string;
  /** The name the operator renders: `<PtpConfig>_<profile>`. */
  qualifiedName: string;
}

export interface Recommendation {
  /** What the operator applies to the node, sorted by qualified name as it does. */
  applied: AppliedProfile[];
  /** The priority of the winning recommend entries (null: no entry matches the node). */
  priority: number | null;
  /** Recommended profile names no PtpConfig defines: the operator then applies nothing to the node. */
  missing: string[];
}

/**
 * Which profiles the PTP operator applies to a node, as ptp-operator controllers/recommend.go decides:
 * the recommend entries of all PtpConfigs sorted by priority (0 first); the first matching entry fixes
 * the priority and every matching entry of that priority adds its profile. An entry without `match`
 * never matches; `nodeName` must equal the node's name; `nodeLabel` is compared with label *keys* only
 * (so `node-role.kubernetes.io/worker=` with a trailing `=` matches nothing). A profile name is looked
 * up in every PtpConfig (each definition applies, qualified by its PtpConfig); if one recommended name
 * is defined nowhere, the operator fails for the node and applies none.
 */
export function recommendProfiles(node: KubeNode, ptpConfigs: readonly PtpConfig[]): Recommendation {
  const labels = node.metadata.labels ?? {};
  const matched = entriesOf(ptpConfigs)
    .filter((entry) => entry.matches(node.metadata.name ?? '', labels))
    .map((entry) => entry.recommend);
  if (matched.length === 0) return { applied: [], priority: null, missing: [] };

  const priority = matched[0]!.priority;
  const names = new Set(matched.filter((entry) => entry.priority === priority).map((entry) => entry.profile));
  const applied: AppliedProfile[] = [];
  for (const config of ptpConfigs) {
    for (const profile of config.spec.profile) {
      if (!names.has(profile.name)) continue;
      const ptpConfig = config.metadata.name ?? '';
      applied.push({ profile, ptpConfig, qualifiedName: `${ptpConfig}_${profile.name}` });
    }
  }
  const missing = [...names].filter((name) => !applied.some((a) => a.profile.name === name)).sort();
  if (missing.length > 0) return { applied: [], priority, missing };
  applied.sort((a, b) =>
    a.qualifiedName < b.qualifiedName ? -1 : a.qualifiedName > b.qualifiedName ? 1 : 0,
  );
  return { applied, priority, missing };
}

interface RecommendEntry {
  recommend: PtpRecommend;
  matches(nodeName: string, labels: Record<string, string>): boolean;
}

/**
 * The recommend entries of a set of PtpConfigs by priority, each with its node names in a set: computed once
 * per set, since a fleet's entries name thousands of nodes and every node asks.
 */
const entriesByConfigs = new WeakMap<readonly PtpConfig[], RecommendEntry[]>();

function entriesOf(ptpConfigs: readonly PtpConfig[]): RecommendEntry[] {
  let entries = entriesByConfigs.get(ptpConfigs);
  if (!entries) {
    entries = ptpConfigs
      .flatMap((config) => config.spec.recommend)
      .sort((a, b) => a.priority - b.priority)
      .map((recommend) => {
        const rules = recommend.match ?? [];
        const names = new Set(rules.flatMap((rule) => (rule.nodeName === undefined ? [] : [rule.nodeName])));
        const nodeLabels = rules.flatMap((rule) => (rule.nodeLabel === undefined ? [] : [rule.nodeLabel]));
        return {
          recommend,
          matches: (nodeName, labels) =>
            names.has(nodeName) || nodeLabels.some((label) => Object.hasOwn(labels, label)),
        };
      });
    entriesByConfigs.set(ptpConfigs, entries);
  }
  return entries;
}
