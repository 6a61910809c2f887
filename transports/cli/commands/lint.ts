import { DEFAULT_LINUXPTP_VERSION, lintConfigs } from '../../../core/lint/lint-run.js';
import { LinuxptpVersionError, linuxptpTarget } from '../../../core/lint/linuxptp-version.js';
import { SEVERITIES } from '../../../core/model/finding.js';
import { packageVersion } from '../../../core/package-root.js';
import { NUMBER_OPTIONS, numberOption, oneOf, parseCommandArgs } from '../args.js';
import { CliError } from '../cli-error.js';
import { renderGithub } from '../format/lint/lint-github.js';
import { renderJunit } from '../format/lint/lint-junit.js';
import { renderSarif } from '../format/lint/lint-sarif.js';
import { lintSummary } from '../format/lint/lint-summary.js';
import { renderLintText } from '../format/lint/lint-text.js';
import type { CliIo } from '../io.js';

const FORMATS = ['text', 'json', 'sarif', 'junit', 'github'] as const;
const USAGE = `usage: ptp-mcp lint <files or folders...> [--pack NAME|PATH]... [--format ${FORMATS.join('|')}]
                    [--fail-on ${SEVERITIES.join('|')}] [--suppressions FILE] [--linuxptp-version ${DEFAULT_LINUXPTP_VERSION}]
                    [--phc IFACE=INDEX]...   (the "PTP Hardware Clock" ethtool -T reports: boundary_clock_jbod checks)`;

/**
 * `ptp-mcp lint`: exit 0 when no finding reaches --fail-on (moderate by default), 1 when one does, 2 when
 * an input or a pack cannot be read.
 */
export async function lintCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      pack: { type: 'string', multiple: true },
      format: { type: 'string' },
      'fail-on': { type: 'string' },
      suppressions: { type: 'string' },
      'linuxptp-version': { type: 'string' },
      phc: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
  );
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length === 0) throw new CliError(`lint needs files or folders to check\n${USAGE}`);
  const format = oneOf(values.format, FORMATS, 'format', 'text');
  const failOn = oneOf(values['fail-on'], SEVERITIES, 'fail-on', 'moderate');
  const version = values['linuxptp-version'];
  try {
    if (version !== undefined) linuxptpTarget(version);
  } catch (error) {
    if (error instanceof LinuxptpVersionError) throw new CliError(`--linuxptp-version: ${error.message}`);
    throw error;
  }
  const result = await lintConfigs({
    paths: positionals,
    packs: values.pack,
    suppressionsFile: values.suppressions,
    linuxptpVersion: version,
    phcs: values.phc ? phcsOf(values.phc) : undefined,
  });
  const summary = lintSummary(result, failOn);
  // JSON carries it as linuxptp.notice and text prints it; the other machine formats have no place for it.
  if (result.linuxptp.notice && format !== 'text' && format !== 'json')
    io.stderr(`ptp-mcp: notice: ${result.linuxptp.notice}\n`);
  if (format === 'json') io.stdout(`${JSON.stringify({ summary, ...result }, null, 2)}\n`);
  else if (format === 'sarif') io.stdout(renderSarif(result, packageVersion()));
  else if (format === 'junit') io.stdout(renderJunit(result, failOn));
  else if (format === 'github') io.stdout(renderGithub(result, failOn));
  else io.stdout(renderLintText(result, failOn));
  // Entries of a folder passed over (a FIFO, a device, a link to a folder): on stderr whatever the format.
  for (const warning of result.warnings)
    io.stderr(`ptp-mcp: warning: ${warning.source}: ${warning.message}\n`);
  if (result.errors.length > 0) {
    // Machine formats keep stdout clean; the errors also go to stderr so a CI log shows them.
    if (format !== 'text')
      for (const error of result.errors)
        io.stderr(
          `ptp-mcp: ${error.source}${error.line !== undefined ? `:${error.line}` : ''}: ${error.message}\n`,
        );
    return 2;
  }
  // As ESLint does for a pattern matching nothing: a gate that checked no config must not pass.
  if (result.files.length === 0) {
    io.stderr(
      `ptp-mcp: no PtpConfig YAML (.yaml, .yml) nor linuxptp config (.conf, .cfg, .config) in ${positionals.join(', ')}: nothing was linted\n`,
    );
    return 2;
  }
  return summary.failing > 0 ? 1 : 0;
}

/** `--phc ens3f0=7`: the PHC index of an interface, as ethtool -T prints it ("PTP Hardware Clock: 7"). */
function phcsOf(values: string[]): Record<string, number> {
  const phcs: Record<string, number> = {};
  for (const value of values) {
    const match = /^([\w.@:-]{1,64})=(.*)$/.exec(value);
    if (!match) throw new CliError(`--phc ${value}: expected IFACE=INDEX, e.g. --phc ens3f0=7\n${USAGE}`);
    phcs[match[1]!] = numberOption(match[2], `phc ${match[1]}=INDEX`, NUMBER_OPTIONS.phcIndex)!;
  }
  return phcs;
}
