import { isMap, isScalar, isSeq, type LineCounter, type Scalar, type Node as YamlNode } from 'yaml';
import type { ZodIssue } from 'zod';
import { PtpConfig, PtpProfile } from '../model/ptp-config.js';
import type { SourceWarning } from '../model/snapshot-manifest.js';
import { parseKubeYaml } from './kube-yaml.js';
import { MAX_USER_YAML_VALUES } from './yaml-documents.js';

/** Where a profile field is written in the YAML file, and where a block scalar's text starts. */
export interface FieldPosition {
  line: number;
  column: number;
  /** For `ptp4lConf: |` and the like: the file line of the text's first line and its indentation. */
  block?: { firstLine: number; indent: number };
}

export interface PositionedProfile {
  profile: PtpProfile;
  index: number;
  line: number;
  fields: Map<string, FieldPosition>;
}

export interface PositionedPtpConfig {
  ptpConfig: PtpConfig;
  line: number;
  profiles: PositionedProfile[];
}

export interface PtpConfigYaml {
  configs: PositionedPtpConfig[];
  /** Documents that are not a valid PtpConfig (or not YAML): file:line and what is wrong. */
  errors: SourceWarning[];
  /** Objects of other kinds, left alone. */
  otherKinds: string[];
}

/**
 * Reads the PtpConfigs of a YAML file (several documents, `List` kinds) keeping the position of every
 * profile field, so a finding about `domainNumber` inside a `ptp4lConf` block points at its own line.
 */
export function parsePtpConfigYaml(text: string, file: string): PtpConfigYaml {
  const { objects, errors, lineCounter } = parseKubeYaml(text, file, MAX_USER_YAML_VALUES);
  const result: PtpConfigYaml = { configs: [], errors, otherKinds: [] };
  for (const { object, line, node } of objects) {
    const kind = (object as { kind?: unknown } | null)?.kind;
    if (kind === undefined && isBareProfile(object)) {
      const bare = bareProfile(object, file, line, node, text, lineCounter);
      if ('error' in bare) result.errors.push(bare.error);
      else result.configs.push(bare.config);
      continue;
    }
    if (kind !== 'PtpConfig') {
      result.otherKinds.push(typeof kind === 'string' ? kind : '(no kind)');
      continue;
    }
    const parsed = PtpConfig.safeParse(object);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      result.errors.push({
        source: file,
        line: lineAt(node, issue, lineCounter) ?? line,
        message: `PtpConfig: ${describe(issue)}`,
      });
      continue;
    }
    result.configs.push({
      ptpConfig: parsed.data,
      line,
      profiles: profilesOf(parsed.data, node, text, lineCounter),
    });
  }
  return result;
}

/**
 * A PtpProfile on its own, as linuxptp-daemon's test data and design documents keep them: no kind, a
 * name and what the daemon would run. Linted as the one profile of an unnamed PtpConfig.
 */
function isBareProfile(object: unknown): boolean {
  if (object === null || typeof object !== 'object' || Array.isArray(object)) return false;
  const fields = object as Record<string, unknown>;
  return (
    typeof fields.name === 'string' &&
    ['ptp4lConf', 'ptp4lOpts', 'ts2phcConf', 'phc2sysOpts'].some((key) => typeof fields[key] === 'string')
  );
}

function bareProfile(
  object: unknown,
  file: string,
  line: number,
  node: YamlNode,
  text: string,
  lineCounter: LineCounter,
): { config: PositionedPtpConfig } | { error: SourceWarning } {
  const parsed = PtpProfile.safeParse(object);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return {
      error: {
        source: file,
        line: lineAt(node, issue, lineCounter) ?? line,
        message: `PtpProfile: ${describe(issue)}`,
      },
    };
  }
  const ptpConfig = PtpConfig.parse({
    kind: 'PtpConfig',
    metadata: { name: '(profile)' },
    spec: { profile: [parsed.data], recommend: [] },
  });
  return {
    config: { ptpConfig, line, profiles: [positionedProfile(parsed.data, 0, node, text, lineCounter)] },
  };
}

function profilesOf(
  config: PtpConfig,
  node: YamlNode,
  text: string,
  lineCounter: LineCounter,
): PositionedProfile[] {
  const profileSeq = isMap(node)
    ? (node.getIn(['spec', 'profile'], true) as YamlNode | undefined)
    : undefined;
  return config.spec.profile.map((profile, index) => {
    const item = isSeq(profileSeq) ? (profileSeq.items[index] as YamlNode | undefined) : undefined;
    return positionedProfile(profile, index, item, text, lineCounter);
  });
}

/** A profile with the position of each of its fields (and of the text of its block scalars). */
function positionedProfile(
  profile: PtpProfile,
  index: number,
  item: YamlNode | undefined,
  text: string,
  lineCounter: LineCounter,
): PositionedProfile {
  const fields = new Map<string, FieldPosition>();
  if (isMap(item)) {
    for (const pair of item.items) {
      if (!isScalar(pair.key) || !pair.key.range) continue;
      const keyPosition = lineCounter.linePos(pair.key.range[0]);
      const position: FieldPosition = { line: keyPosition.line, column: keyPosition.col };
      const value = pair.value as Scalar | null;
      if (
        isScalar(value) &&
        value.range &&
        (value.type === 'BLOCK_LITERAL' || value.type === 'BLOCK_FOLDED')
      ) {
        const block = blockStart(text, value.range[0], lineCounter);
        if (block) position.block = block;
      }
      fields.set(String(pair.key.value), position);
    }
  }
  const line = item?.range ? lineCounter.linePos(item.range[0]).line : 1;
  return { profile, index, line, fields };
}

/**
 * A block scalar's header (`|`, `|-`, `|2`) ends its line; the text starts on the next non-empty line,
 * indented by the explicit indicator or by that line's own indentation.
 */
function blockStart(text: string, headerOffset: number, lineCounter: LineCounter): FieldPosition['block'] {
  const headerEnd = text.indexOf('\n', headerOffset);
  if (headerEnd < 0) return undefined;
  const header = text.slice(headerOffset, headerEnd);
  const explicit = /^[|>](?:[+-]?(\d)|(\d)[+-]?)/.exec(header);
  const headerLine = lineCounter.linePos(headerOffset).line;
  const firstContent = firstNonEmptyLine(text, headerEnd + 1);
  if (firstContent === undefined) return undefined;
  const parentIndent = leadingSpaces(text.slice(text.lastIndexOf('\n', headerOffset) + 1, headerOffset));
  const indicator = explicit?.[1] ?? explicit?.[2];
  const indent = indicator !== undefined ? parentIndent + Number(indicator) : leadingSpaces(firstContent);
  return { firstLine: headerLine + 1, indent };
}

/** Reads line by line from `start`: splitting the rest of the file for each block scalar was quadratic. */
function firstNonEmptyLine(text: string, start: number): string | undefined {
  for (let from = start; ; ) {
    const end = text.indexOf('\n', from);
    const line = text.slice(from, end < 0 ? text.length : end);
    if (line.trim() !== '') return line;
    if (end < 0) return undefined;
    from = end + 1;
  }
}

function leadingSpaces(line: string): number {
  return line.length - line.trimStart().length;
}

function lineAt(node: YamlNode, issue: ZodIssue, lineCounter: LineCounter): number | undefined {
  if (!isMap(node)) return undefined;
  for (let depth = issue.path.length; depth > 0; depth--) {
    const found = node.getIn(issue.path.slice(0, depth) as (string | number)[], true) as YamlNode | undefined;
    if (found?.range) return lineCounter.linePos(found.range[0]).line;
  }
  return undefined;
}

function describe(issue: ZodIssue): string {
  return `${issue.path.join('.') || 'object'}: ${issue.message}`;
}
