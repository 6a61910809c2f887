import { z } from 'zod';
import type { SourceWarning } from '../model/snapshot-manifest.js';
import { PackError } from '../rules/pack-error.js';
import { Suppression } from '../rules/pack-schema.js';
import { readYamlFile } from '../rules/yaml-file.js';

const IGNORE_COMMENT = /#\s*ptp-mcp-ignore\b(.*)$/;

/**
 * `# ptp-mcp-ignore RULE reason…` comments, in a PtpConfig YAML or inside its ptp4lConf, or in a raw
 * linuxptp config: each suppresses that rule's findings in that file. The reason is required.
 */
export function commentSuppressions(
  text: string,
  file: string,
): { suppressions: Suppression[]; errors: SourceWarning[] } {
  const suppressions: Suppression[] = [];
  const errors: SourceWarning[] = [];
  text.split('\n').forEach((line, index) => {
    const comment = IGNORE_COMMENT.exec(line);
    if (!comment) return;
    const [rule, ...reason] = comment[1]!.trim().split(/\s+/);
    if (!rule || reason.join(' ').trim() === '') {
      errors.push({
        source: file,
        line: index + 1,
        message: 'ptp-mcp-ignore needs a rule id and a reason: # ptp-mcp-ignore RULE why',
      });
      return;
    }
    suppressions.push({ rule, reason: reason.join(' '), match: { file } });
  });
  return { suppressions, errors };
}

const SuppressionsFile = z.strictObject({
  apiVersion: z.literal('ptp-mcp/v1').optional(),
  kind: z.literal('Suppressions').optional(),
  suppressions: z.array(Suppression),
});

/** A list of rule ids, reasons and matches: 1 MB is thousands of entries. */
const MAX_SUPPRESSIONS_BYTES = 1024 * 1024;

/**
 * A `--suppressions` file: `suppressions: [ { rule, reason, match? } ]`; problems (and a file that
 * cannot be read: missing, not a regular file, over the cap, not UTF-8) are file:line errors.
 */
export function readSuppressionsFile(path: string): { suppressions: Suppression[]; errors: SourceWarning[] } {
  try {
    return {
      suppressions: readYamlFile(path, SuppressionsFile, 'suppressions file', MAX_SUPPRESSIONS_BYTES).data
        .suppressions,
      errors: [],
    };
  } catch (error) {
    if (!(error instanceof PackError)) throw error;
    const warning: SourceWarning = { source: path, message: error.detail };
    if (error.line !== undefined) warning.line = error.line;
    return { suppressions: [], errors: [warning] };
  }
}
