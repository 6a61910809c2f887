import type { Finding } from '../model/finding.js';
import type { Snapshot } from '../model/snapshot.js';
import type { SnapshotManifest } from '../model/snapshot-manifest.js';

type Partial = Snapshot['meta']['partial'];

/** Why a snapshot's data is partial, one line per missing part; null when it is complete. */
export function partialOf(manifest: SnapshotManifest): Partial {
  if (manifest.status === undefined || manifest.status.complete) return null;
  const reasons = manifest.status.missing.map(
    (m) => `${m.source}${m.line === undefined ? '' : `:${m.line}`}: ${m.message}`,
  );
  return { reasons: reasons.length > 0 ? reasons : ['the recording is marked incomplete'] };
}

/**
 * Findings drawn from partial data say so themselves, as their first evidence: a finding read alone (an
 * MCP tool's answer, one line of a report) must not pass for a judgment on the whole deployment.
 */
export function markPartial(findings: readonly Finding[], partial: Partial): Finding[] {
  if (partial === null) return [...findings];
  const count = partial.reasons.length;
  const evidence = {
    description: `partial data: this finding may be wrong, and others may be missing (${count} part(s) of the snapshot could not be read${count > 1 ? ', first' : ''}: ${partial.reasons[0]})`,
  };
  return findings.map((finding) => ({ ...finding, evidence: [evidence, ...finding.evidence] }));
}
