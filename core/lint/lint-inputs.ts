import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
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
  /** Files of a folder that were passed over (YAML without a PtpConfig). */
  skipped: string[];
}

/**
 * Reads what `lint` is given: PtpConfig YAML files (several documents, List kinds) and raw linuxptp
 * configs (.conf/.cfg/.config), folders walked recursively. A file named on the command line must hold
 * something to lint; one found in a folder walk without a PtpConfig is passed over.
 */
export async function readLintInputs(paths: readonly string[]): Promise<LintInputs> {
  const inputs: LintInputs = { profiles: [], files: [], errors: [], skipped: [] };
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) {
      inputs.errors.push({ source: path, message: 'no such file or folder' });
    } else if (info.isDirectory()) {
      for (const file of await walk(path)) await readOne(file, inputs, false);
    } else {
      await readOne(path, inputs, true);
    }
  }
  return inputs;
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(full)));
    else if (YAML.has(extname(entry.name)) || LINUXPTP.has(extname(entry.name))) files.push(full);
  }
  return files;
}

async function readOne(path: string, inputs: LintInputs, named: boolean): Promise<void> {
  const extension = extname(path);
  if (!YAML.has(extension) && !LINUXPTP.has(extension)) {
    if (named)
      inputs.errors.push({
        source: path,
        message: 'not a PtpConfig YAML (.yaml, .yml) nor a linuxptp config (.conf, .cfg, .config)',
      });
    return;
  }
  const info = await stat(path);
  if (info.size > MAX_CONFIG_BYTES) {
    inputs.errors.push({
      source: path,
      message: `${(info.size / 1e6).toFixed(1)} MB: larger than a configuration can be (${MAX_CONFIG_BYTES / 1024 / 1024} MB), not read`,
    });
    return;
  }
  const bytes = await readFile(path);
  if (bytes.includes(0)) {
    inputs.errors.push({ source: path, message: 'binary file (NUL bytes), not a configuration' });
    return;
  }
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const parsed = profilesOfText(text, path, LINUXPTP.has(extension) ? 'linuxptp' : 'ptpconfig');
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
    const sections = [...text.matchAll(/^\s*\[([^\]]*)\]\s*$/gm)].map((match) =>
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
    const ts2phc = /^\s*(ts2phc\.\S+|\[nmea\])/m.test(text) || basename(file).includes('ts2phc');
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
