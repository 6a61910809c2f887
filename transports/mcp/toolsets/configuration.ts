import { z } from 'zod';
import {
  DEFAULT_LINUXPTP_VERSION,
  LinuxptpVersionError,
  linuxptpTarget,
} from '../../../core/lint/linuxptp-version.js';
import { textKind } from '../../../core/lint/text-kind.js';
import { SEVERITIES, severityRank } from '../../../core/model/finding.js';
import { defineTool, sourceArgs, sourceOf, ToolInputError } from '../tool.js';
import { cappedFindings, cappedFindingsOutput, truncationLine } from './capped-findings.js';
import { allowedPacks } from './diagnosis-args.js';

/** The same engine as `ptp-mcp lint`, for a configuration given inline or read from the cluster. */
export const configurationTools = [
  defineTool({
    name: 'validate_ptp_config',
    title: 'Validate a PTP configuration',
    description:
      'Checks a PtpConfig (YAML) or a ptp4l.conf against rule packs, as `ptp-mcp lint` does in CI: linuxptp’s option table (unknown, misspelt, too-new options), the standard of the profile (ITU-T G.8275.1/.2, IEEE 1588 default) or the packs named, phc2sys against the ptp4l domain, thresholds. Give `content`, or `name` to read a PtpConfig from the cluster.',
    input: {
      ...sourceArgs,
      content: z.string().max(4_000_000).optional().describe('A PtpConfig YAML or a ptp4l.conf, as text'),
      name: z.string().optional().describe('A PtpConfig of the source, by name, instead of content'),
      packs: z
        .array(z.string())
        .optional()
        .describe(
          'Rule packs to check against (built-in names, or files of the server’s packs folders); by default the profile’s standard',
        ),
      linuxptpVersion: z
        .string()
        .regex(/^\d+(\.\d+)*$/)
        .default(DEFAULT_LINUXPTP_VERSION)
        .describe('The linuxptp release the config will run on (3.1.1 or newer)'),
      failOn: z.enum(SEVERITIES).default('moderate').describe('What counts as failing'),
    },
    output: {
      passed: z.boolean(),
      ...cappedFindingsOutput,
      suppressed: z.number().int(),
      profiles: z.array(z.object({ profile: z.string(), packs: z.array(z.string()), reason: z.string() })),
      errors: z.array(z.string()),
      linuxptp: z.object({ version: z.string(), table: z.string(), notice: z.string().nullable() }),
    },
    async run(args, context) {
      try {
        linuxptpTarget(args.linuxptpVersion);
      } catch (error) {
        if (error instanceof LinuxptpVersionError) throw new ToolInputError(error.message);
        throw error;
      }
      let text = args.content;
      let name = 'inline';
      if (text === undefined) {
        if (args.name === undefined)
          throw new ToolInputError('give content (the configuration) or name (a PtpConfig of the source)');
        const snapshot = await context.cache.snapshot({ source: sourceOf(args, context) });
        const config = snapshot.cluster.ptpConfigs.find((c) => c.metadata.name === args.name);
        if (!config)
          throw new ToolInputError(
            `no PtpConfig "${args.name}"; there are: ${snapshot.cluster.ptpConfigs.map((c) => c.metadata.name).join(', ')}`,
          );
        text = (await import('../../../core/reports/yaml-text.js')).yamlText(config);
        name = `ptpconfig/${args.name}`;
      }
      const kind = textKind(text);
      // The lint engine (parsers, json-rules-engine) loads with the first check, not with the server.
      const { lintOffThread } = await import('../../../core/work/off-thread.js');
      const packs = args.packs && (await allowedPacks(args.packs, context));
      // On a work thread: a lint of megabytes takes a core for seconds, the server keeps answering.
      const result = await lintOffThread({
        text,
        name: kind === 'ptpconfig' ? `${name}.yaml` : `${name}.conf`,
        kind,
        request: { packs: packs?.map((p) => p.file), linuxptpVersion: args.linuxptpVersion },
      });
      // Packs are shown by the name the call gave, never by their file on this machine.
      const shown = (file: string) => packs?.find((p) => p.file === file)?.reference ?? file;
      const failing = result.findings.filter((f) => severityRank(f.severity) >= severityRank(args.failOn));
      const errors = result.errors.map(
        (e) => `${e.line !== undefined ? `line ${e.line}: ` : ''}${e.message}`,
      );
      const passed = failing.length === 0 && errors.length === 0;
      const capped = cappedFindings(result.findings);
      return {
        result: {
          passed,
          ...capped,
          suppressed: result.suppressed.length,
          profiles: result.profiles.map((p) => ({
            profile: p.profile,
            packs: p.packs.map(shown),
            reason: p.reason,
          })),
          errors,
          linuxptp: result.linuxptp,
        },
        summary: [
          ...(result.linuxptp.notice ? [`notice: ${result.linuxptp.notice}`] : []),
          `${passed ? 'passes' : 'fails'}: ${result.findings.length} finding(s), ${failing.length} at or above ${args.failOn}${errors.length ? `, ${errors.length} error(s)` : ''}`,
          ...errors,
          ...truncationLine(capped),
          ...result.findings
            .slice(0, 15)
            .map(
              (f) =>
                `${f.severity} ${f.rule}${f.location?.line ? ` (line ${f.location.line})` : ''}: ${f.message}`,
            ),
        ].join('\n'),
      };
    },
  }),
];
