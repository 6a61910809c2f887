import { stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { walkFolder } from '../io/folder-walk.js';
import { FileReadError, nonRegularKind, notRegularFileError } from '../io/regular-file.js';
import { readUtf8File } from '../io/text-encoding.js';
import type { SourceWarning } from '../model/snapshot-manifest.js';
import { parsePtpConfigYaml } from '../parsers/ptp-config-yaml.js';
import type { ProfileInput } from '../rules/facts/profile-facts.js';

/** A file too large to be a configuration is refused rather than read (a 50 MB YAML would stall the gate). */
export const MAX_CONFIG_BYTES = 4 * 1024 * 1024;
const YAML = new Set(['.yaml', '.yml']);
const LINUXPTP = new Set(['.conf', '.cfg', '.config']);

export interface LintInputs {
  profiles: ProfileInput[];
  /** The files read, with what they held. */
  files: { path: string; kind: 'ptpconfig' | 'linuxptp'; profiles: number; text: string }[];
  /** Problems that keep a file from being linted: exit code 2. */
  errors: SourceWarning[];
  /** Entries of a folder passed over with a reason (FIFOs, devices, sockets, links to folders): no exit 2. */
  warnings: SourceWarning[];
  /** Files of a folder that were passed over (YAML without a PtpConfig). */
  skipped: string[];
}

/**
 * Reads what `lint` is given: PtpConfig YAML files (several documents, List kinds) and raw linuxptp
 * configs (.conf/.cfg/.config), folders walked recursively. A file named on the command line must hold
 * something to lint and be a regular file; one found in a folder walk without a PtpConfig is passed
 * over, and one that is a FIFO, device or socket is a warning (core/io/folder-walk.ts).
 */
export async function readLintInputs(paths: readonly string[]): Promise<LintInputs> {
  const inputs: LintInputs = { profiles: [], files: [], errors: [], warnings: [], skipped: [] };
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    const kind = info && !info.isDirectory() ? nonRegularKind(info) : undefined;
    if (!info) {
      inputs.errors.push({ source: path, message: 'no such file or folder' });
    } else if (kind) {
      inputs.errors.push({ source: path, message: notRegularFileError(path, kind).reason });
    } else if (info.isDirectory()) {
      const walk = await walkFolder(path, {
        wanted: (name) => isConfigFile(name),
        ignored: (name) => name.startsWith('.') || name === 'node_modules',
      });
      inputs.warnings.push(...walk.warnings);
      for (const file of walk.files) await readOne(file, inputs, false);
    } else {
      await readOne(path, inputs, true);
    }
  }
  return inputs;
}

function isConfigFile(name: string): boolean {
  return YAML.has(extname(name)) || LINUXPTP.has(extname(name));
}

async function readOne(path: string, inputs: LintInputs, named: boolean): Promise<void> {
  if (!isConfigFile(path)) {
    if (named)
      inputs.errors.push({
        source: path,
        message: 'not a PtpConfig YAML (.yaml, .yml) nor a linuxptp config (.conf, .cfg, .config)',
      });
    return;
  }
  let text: string;
  try {
    text = await readUtf8File(path, MAX_CONFIG_BYTES, 'a configuration');
  } catch (error) {
    if (!(error instanceof FileReadError)) throw error;
    inputs.errors.push({ source: path, message: error.reason });
    return;
  }
  const parsed = profilesOfText(text, path, LINUXPTP.has(extname(path)) ? 'linuxptp' : 'ptpconfig');
  inputs.errors.push(...parsed.errors);
  if (parsed.profiles.length === 0) {
    if (parsed.errors.length > 0) return;
    if (named)
      inputs.errors.push({ source: path, message: `no PtpConfig in this file (it holds ${parsed.holds})` });
    else inputs.skipped.push(path);
    return;
  }
  inputs.profiles.push(...parsed.profiles);
  inputs.files.push({ path, kind: parsed.kind, profiles: parsed.profiles.length, text });
}

/**
 * The profiles a configuration's text holds: a raw linuxptp config is one profile (ptp4l, or ts2phc
 * when its options are ts2phc.* or it has an [nmea] section); a YAML holds the profiles of its PtpConfigs.
 */
export function profilesOfText(
  text: string,
  file: string,
  kind: 'ptpconfig' | 'linuxptp',
): { kind: 'ptpconfig' | 'linuxptp'; profiles: ProfileInput[]; errors: SourceWarning[]; holds: string } {
  if (kind === 'linuxptp') {
    // An sa_file holds only [security_association] sections, read by sad.c sad_create, not by config.c.
    // Headers are read line by line, as sad.c does: a pattern crossing lines was quadratic on `[` lines.
    const sections = [...text.matchAll(/^[^\S\n]*\[([^\]\n]*)\][^\S\n]*$/gm)].map((match) =>
      match[1]!.trim().toLowerCase(),
    );
    if (sections.length > 0 && sections.every((section) => section === 'security_association'))
      return {
        kind,
        profiles: [],
        errors: [],
        holds:
          'a security association file (sa_file, read by linuxptp sad.c), not a ptp4l, phc2sys or ts2phc config',
      };
    // Blanks up to the line's end only: `^\s*` ran on through every following blank line, quadratic.
    const ts2phc = /^[^\S\n]*(ts2phc\.\S+|\[nmea\])/m.test(text) || basename(file).includes('ts2phc');
    const profile = ts2phc
      ? { name: basename(file), ts2phcConf: text }
      : { name: basename(file), ptp4lConf: text };
    return { kind, profiles: [{ file, profile }], errors: [], holds: 'a linuxptp config' };
  }
  const parsed = parsePtpConfigYaml(text, file);
  const profiles: ProfileInput[] = parsed.configs.flatMap(({ ptpConfig, profiles: positioned }) =>
    positioned.map(({ profile, fields, line }) => ({
      file,
      profile,
      ptpConfig: ptpConfig.metadata.name ?? '(unnamed)',
      fields,
      line,
    })),
  );
  const holds =
    parsed.otherKinds.length > 0 ? `only ${[...new Set(parsed.otherKinds)].join(', ')}` : 'nothing';
  return { kind, profiles, errors: parsed.errors, holds };
}
