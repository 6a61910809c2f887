import { readFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import type { SourceWarning } from '../model/snapshot-manifest.js';
import { Suppression } from '../rules/pack-schema.js';

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

/** A `--suppressions` file: `suppressions: [ { rule, reason, match? } ]`; problems are file:line errors. */
export async function readSuppressionsFile(
  path: string,
): Promise<{ suppressions: Suppression[]; errors: SourceWarning[] }> {
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw Object.assign(new Error(`cannot read ${path}: ${error.code ?? error.message}`), { source: path });
  });
  const document = parseDocument(text, { prettyErrors: false });
  if (document.errors[0])
    return {
      suppressions: [],
      errors: [{ source: path, message: `YAML: ${document.errors[0].message.split('\n')[0]}` }],
    };
  const result = SuppressionsFile.safeParse(document.toJS());
  if (!result.success) {
    const issue = result.error.issues[0]!;
    return {
      suppressions: [],
      errors: [{ source: path, message: `${issue.path.join('.') || 'file'}: ${issue.message}` }],
    };
  }
  return { suppressions: result.data.suppressions, errors: [] };
}
