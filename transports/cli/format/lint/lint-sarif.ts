import { createHash } from 'node:crypto';
import type { LintResult } from '../../../../core/lint/lint-run.js';
import type { Finding, Severity } from '../../../../core/model/finding.js';
import { relativePath } from './lint-summary.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  moderate: 'warning',
  minor: 'note',
  info: 'note',
};

/**
 * What a finding is, without its line: the rule, the file, what it is about (profile, port...) and the key
 * it points at. Code scanning matches alerts across commits by it, so lines inserted above a finding keep
 * its alert (a line number in it made every such edit close the alert and open a new one).
 */
function fingerprint(finding: Finding): string {
  const { subject, location } = finding;
  const about = [
    subject.cluster,
    subject.node,
    subject.profile,
    subject.process,
    subject.iface,
    subject.port,
  ];
  const parts = [finding.rule, location ? relativePath(location.file) : '', ...about, location?.key];
  return createHash('sha256')
    .update(parts.map((part) => part ?? '').join('\u0000'))
    .digest('hex');
}

/**
 * A rule's help as code scanning shows it beside an alert: its title, remediation and references, from the
 * pack. ptp-mcp publishes no page per rule, so this text is the help; a link is only what a team configures.
 */
function ruleHelp(finding: Finding): { text: string; markdown: string } {
  const references = finding.references ?? [];
  const origin = `Rule ${finding.rule} of the rule pack ${finding.pack}.`;
  const text = [
    finding.title,
    finding.remediation,
    references.length > 0 ? `References: ${references.join('; ')}` : undefined,
    origin,
  ];
  const markdown = [
    `**${escapeMarkdown(finding.title)}**`,
    finding.remediation === undefined ? undefined : escapeMarkdown(finding.remediation),
    references.length > 0
      ? `References:\n${references.map((reference) => `- ${/^https?:\/\/\S+$/.test(reference) ? `<${reference}>` : escapeMarkdown(reference)}`).join('\n')}`
      : undefined,
    `Rule \`${finding.rule}\` of the rule pack \`${finding.pack}\`.`,
  ];
  const join = (parts: (string | undefined)[]) => parts.filter((part) => part !== undefined).join('\n\n');
  return { text: join(text), markdown: join(markdown) };
}

/** Pack text is plain: characters markdown would read as markup are shown as they are. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|]/g, (character) => `\\${character}`);
}

export interface SarifOptions {
  /** Config `sarif.helpUri`: a URL with {rule} and {pack}, each rule's page on the team's own site. */
  helpUri?: string;
}

/** SARIF 2.1.0 for GitHub code scanning and other viewers; suppressed findings carry their justification. */
export function renderSarif(result: LintResult, version: string, options: SarifOptions = {}): string {
  const all: { finding: Finding; reason?: string; inSource?: boolean }[] = [
    ...result.findings.map((finding) => ({ finding })),
    ...result.suppressed,
  ];
  const rules = [...new Map(all.map(({ finding }) => [finding.rule, finding])).values()];
  const ruleIndex = new Map(rules.map((finding, index) => [finding.rule, index]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ptp-mcp',
            version,
            rules: rules.map((finding) => ({
              id: finding.rule,
              name: finding.rule.replace(/[^A-Za-z0-9]+/g, '-'),
              shortDescription: { text: finding.title },
              help: ruleHelp(finding),
              ...(options.helpUri
                ? {
                    helpUri: options.helpUri
                      .replaceAll('{rule}', finding.rule)
                      .replaceAll('{pack}', finding.pack),
                  }
                : {}),
              defaultConfiguration: { level: LEVEL[finding.severity] },
              properties: {
                pack: finding.pack,
                severity: finding.severity,
                references: finding.references ?? [],
              },
            })),
          },
        },
        results: all.map(({ finding, reason, inSource }) => ({
          ruleId: finding.rule,
          ruleIndex: ruleIndex.get(finding.rule)!,
          level: LEVEL[finding.severity],
          message: { text: finding.message },
          locations: finding.location
            ? [
                {
                  physicalLocation: {
                    artifactLocation: { uri: relativePath(finding.location.file) },
                    region: {
                      startLine: finding.location.line ?? 1,
                      startColumn: finding.location.column ?? 1,
                    },
                  },
                },
              ]
            : [],
          partialFingerprints: { 'ptpMcpFinding/v1': fingerprint(finding) },
          // A `# ptp-mcp-ignore` comment is in the file itself; a suppressions file or pack is not.
          ...(reason !== undefined
            ? { suppressions: [{ kind: inSource ? 'inSource' : 'external', justification: reason }] }
            : {}),
        })),
        invocations: [
          {
            executionSuccessful: result.errors.length === 0,
            toolExecutionNotifications: result.errors.map((error) => ({
              level: 'error',
              message: { text: error.message },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: relativePath(error.source) },
                    ...(error.line !== undefined ? { region: { startLine: error.line } } : {}),
                  },
                },
              ],
            })),
          },
        ],
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
