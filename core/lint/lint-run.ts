import { applyPackPolicy, type PackPolicy, runnablePacks } from '../config/pack-policy.js';
import type { Finding } from '../model/finding.js';
import type { SourceWarning } from '../model/snapshot-manifest.js';
import { configEvaluations, profileLabel } from '../rules/facts/config-evaluations.js';
import { PackCache } from '../rules/pack-cache.js';
import type { Suppression } from '../rules/pack-schema.js';
import { type SuppressedFinding, sortFindings } from '../rules/rule-engine.js';
import { SuppressionIndex } from '../rules/suppression-index.js';
import { type LintInputs, profilesOfText, readLintInputs } from './lint-inputs.js';
import { DEFAULT_LINUXPTP_VERSION, type LinuxptpTarget, linuxptpTarget } from './linuxptp-version.js';
import { type ProfileSummary, standardPackFor } from './profile-standard.js';
import { commentSuppressions, readSuppressionsFile } from './suppressions.js';

export interface LintRequest {
  paths: string[];
  /** Packs (names or paths) for every profile; by default each profile gets its standard's pack. */
  packs?: string[];
  suppressionsFile?: string;
  /** The linuxptp release the configs will run on; OpenShift 4.x ships 4.4. */
  linuxptpVersion?: string;
  /** The PHC index of each interface (ethtool -T), when the hardware is known: boundary_clock_jbod checks. */
  phcs?: Record<string, number | null>;
  /** Built-in packs disabled or replaced (the config file's packs.disable and packs.replace). */
  packPolicy?: PackPolicy;
  /** Pack files of the config's plugins (PtpService.pluginPacks): run for every profile, beside its packs. */
  pluginPacks?: string[];
}

export interface LintResult {
  files: { path: string; kind: 'ptpconfig' | 'linuxptp'; profiles: number }[];
  /** The packs each profile was linted with, and why (the decision row of profile-standard.ts, or --pack). */
  profiles: { file: string; profile: string; packs: string[]; reason: string }[];
  packs: { name: string; version: string; file: string }[];
  findings: Finding[];
  /** `inSource`: a `# ptp-mcp-ignore` comment of the file itself suppresses it (SARIF's kind inSource). */
  suppressed: (SuppressedFinding & { inSource?: boolean })[];
  /** Inputs that could not be linted (exit 2), with file and line. */
  errors: SourceWarning[];
  /** Entries of a folder passed over (FIFOs, devices, sockets, links to folders): named, no exit 2. */
  warnings: SourceWarning[];
  skipped: string[];
  /** The linuxptp version asked for, the option table it was checked against, and a notice when they differ. */
  linuxptp: LinuxptpTarget;
}

export { DEFAULT_LINUXPTP_VERSION } from './linuxptp-version.js';

/** Lints PtpConfigs and linuxptp configs against rule packs: the CI gate (`ptp-mcp lint`). */
export async function lintConfigs(request: LintRequest): Promise<LintResult> {
  return lintInputs(await readLintInputs(request.paths), request);
}

/**
 * Lints a configuration given as text (an MCP client's, or one read from a cluster): a PtpConfig YAML
 * or a raw linuxptp config, named `name` in the findings.
 */
export async function lintText(
  text: string,
  name: string,
  kind: 'ptpconfig' | 'linuxptp',
  request: Omit<LintRequest, 'paths'>,
): Promise<LintResult> {
  const parsed = profilesOfText(text, name, kind);
  const errors = [...parsed.errors];
  if (parsed.profiles.length === 0 && errors.length === 0)
    errors.push({ source: name, message: `no PtpConfig in it (it holds ${parsed.holds})` });
  return lintInputs(
    {
      profiles: parsed.profiles,
      files: [{ path: name, kind, profiles: parsed.profiles.length, text }],
      errors,
      warnings: [],
      skipped: [],
    },
    { ...request, paths: [] },
  );
}

async function lintInputs(inputs: LintInputs, request: LintRequest): Promise<LintResult> {
  const errors = [...inputs.errors];
  const suppressions: Suppression[] = [];
  if (request.suppressionsFile) {
    const file = readSuppressionsFile(request.suppressionsFile);
    append(suppressions, file.suppressions);
    append(errors, file.errors);
  }
  const inline: Suppression[] = [];
  for (const file of inputs.files) {
    const comments = commentSuppressions(file.text, file.path);
    append(inline, comments.suppressions);
    append(errors, comments.errors);
  }
  append(suppressions, inline);
  const inlineIndex = new SuppressionIndex(inline);

  const packCache = new PackCache();
  const suppressionIndex = new SuppressionIndex(suppressions);

  const findings: Finding[] = [];
  const suppressed: LintResult['suppressed'] = [];
  const profiles: LintResult['profiles'] = [];
  const linuxptpVersion = request.linuxptpVersion ?? DEFAULT_LINUXPTP_VERSION;
  // Throws LinuxptpVersionError (a usage error) for a version older than every table.
  const linuxptp = linuxptpTarget(linuxptpVersion);
  for (const input of inputs.profiles) {
    const evaluations = configEvaluations(request.phcs ? { ...input, phcs: request.phcs } : input, {
      linuxptpVersion,
    });
    // Every evaluation carries the profile summary; a profile that runs no ptp4l has only option evaluations.
    const summary = [...(evaluations.ptp4lProfile ?? []), ...(evaluations.option ?? [])][0]?.facts.profile;
    const choice = summary ? standardPackFor(summary as ProfileSummary) : undefined;
    const requested = request.packs && request.packs.length > 0;
    const packs = applyPackPolicy(
      [...(requested ? request.packs! : [choice?.pack ?? 'linuxptp-config']), ...(request.pluginPacks ?? [])],
      request.packPolicy,
    );
    const runsPtp4l = (evaluations.ptp4lProfile ?? []).length > 0;
    const reason = requested
      ? 'requested (--pack)'
      : runsPtp4l && choice
        ? choice.reason
        : 'no ptp4l in this profile: only its options are checked';
    profiles.push({ file: input.file, profile: profileLabel(input), packs, reason });
    for (const { evaluator } of runnablePacks(packCache, packs, request.packPolicy)) {
      const result = await evaluator.evaluate(evaluations, suppressionIndex);
      append(findings, result.findings);
      for (const entry of result.suppressed)
        suppressed.push(inlineIndex.find(entry.finding, input.file) ? { ...entry, inSource: true } : entry);
    }
  }
  return {
    files: inputs.files.map(({ path, kind, profiles: count }) => ({ path, kind, profiles: count })),
    profiles,
    packs: packCache.summaries(),
    findings: sortFindings(findings),
    suppressed,
    errors,
    warnings: inputs.warnings,
    skipped: inputs.skipped,
    linuxptp,
  };
}

/** One at a time: spreading 100,000 items into push() overflows the stack. */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}
