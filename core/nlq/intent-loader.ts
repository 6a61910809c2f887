import { dirname } from 'node:path';
import { closestName } from '../rules/closest-name.js';
import { PackError } from '../rules/pack-error.js';
import { resolvePackReference } from '../rules/pack-loader.js';
import { declaresKind, type Locate, readYamlFile } from '../rules/yaml-file.js';
import { templateProblem } from './answer-text.js';
import { placeholders } from './argument-template.js';
import { ExamplePack, type ExampleSet } from './example-pack.js';
import { IntentPack, type IntentSet, SLOT_NAMES } from './intent-pack.js';

export const BUILT_IN_INTENTS = 'nlq-intents';

const DEFAULT_SCORING = {
  minScore: 3,
  patternWeight: 4,
  slotWeight: 0.25,
  exampleWeight: 0,
  exampleNeighbours: 2,
};

export interface IntentLoadOptions {
  /** The MCP tools that exist: an intent naming another is refused (with "did you mean"). */
  tools?: readonly string[];
  /** Where relative user pack paths start; the working directory by default. */
  relativeTo?: string;
}

/**
 * The built-in intents (rules/nlq-intents.yaml) with each user pack merged over them in order: an intent
 * with an existing id replaces it, `enabled: false` removes it, new ones are added. Any problem is a
 * PackError with file:line:column.
 */
export function loadIntents(userPacks: readonly string[] = [], options: IntentLoadOptions = {}): IntentSet {
  let merged = loadResolved(resolvePackReference(BUILT_IN_INTENTS), [], options);
  for (const reference of userPacks) {
    const user = loadResolved(resolvePackReference(reference, options.relativeTo), [], options);
    merged = {
      pack: mergeInto(merged.pack, user.pack),
      files: [...merged.files, ...user.files],
      examples: [...merged.examples, ...user.examples],
    };
  }
  const { spec } = merged.pack;
  const intents = spec.intents.filter((intent) => intent.enabled);
  return {
    intents,
    scoring: { ...DEFAULT_SCORING, ...definedOnly(spec.scoring) },
    outOfScope: spec.outOfScope,
    synonyms: spec.synonyms,
    exampleSets: [
      ...exampleSets(
        merged.examples,
        spec.intents.map((intent) => intent.tool),
      ),
      {
        file: merged.files.at(-1)!,
        nodes: [],
        interfaces: [],
        examples: intents.flatMap((intent) =>
          intent.examples.map((question) => ({ question, tools: [intent.tool] })),
        ),
      },
    ],
    files: [...new Set(merged.files)],
  };
}

/**
 * The example files read, each once; examples of a tool no intent calls are a PackError at their line (a
 * misspelt tool, or examples no intent could ever be chosen by).
 */
function exampleSets(loaded: readonly LoadedExamples[], tools: readonly string[]): ExampleSet[] {
  const files = new Set<string>();
  const sets: ExampleSet[] = [];
  for (const { file, pack, position } of loaded) {
    if (files.has(file)) continue;
    files.add(file);
    for (const [index, example] of pack.spec.examples.entries()) {
      for (const [i, tool] of [example.tool, ...example.alt].entries()) {
        if (tools.includes(tool)) continue;
        const [line, column] = position([
          'spec',
          'examples',
          index,
          ...(i === 0 ? ['tool'] : ['alt', i - 1]),
        ]);
        const hint = didYouMean(tool, [...new Set(tools)]);
        throw new PackError(file, line, column, `"${tool}": no intent calls this tool${hint}`);
      }
    }
    sets.push({
      file,
      nodes: pack.spec.nodes,
      interfaces: pack.spec.interfaces,
      examples: pack.spec.examples.map(({ q, tool, alt }) => ({ question: q, tools: [tool, ...alt] })),
    });
  }
  return sets;
}

/** Whether a file is a file of intent examples (`kind: IntentExamples`); false when it cannot be read. */
export function isIntentExamplesFile(file: string): boolean {
  return declaresKind(file, 'IntentExamples');
}

/**
 * Checks a file of intent examples as an intents pack naming it in `exampleSets` would load it over the
 * built-in intents (or those of `intentPacks`): its shape, and that an intent calls every tool it names.
 */
export function validateIntentExamples(
  reference: string,
  options: IntentLoadOptions & { intentPacks?: readonly string[] } = {},
): { file: string; name: string; version: string; examples: number } {
  const file = resolvePackReference(reference, options.relativeTo);
  const { data: pack, position } = readYamlFile(file, ExamplePack, 'intent examples file');
  const tools = loadIntents(options.intentPacks ?? [], options).intents.map((intent) => intent.tool);
  exampleSets([{ file, pack, position }], tools);
  return {
    file,
    name: pack.metadata.name,
    version: pack.metadata.version,
    examples: pack.spec.examples.length,
  };
}

/**
 * Whether a pack file is an intent pack (`kind: IntentPack`) rather than a rule pack; false when it
 * cannot be read, for the rule pack loader to say why.
 */
export function isIntentPackFile(file: string): boolean {
  return declaresKind(file, 'IntentPack');
}

/** Checks an intent pack as a server would load it over the built-in one; any problem is a PackError. */
export function validateIntentPack(
  reference: string,
  options: IntentLoadOptions = {},
): { file: string; name: string; version: string; intents: number; merged: number } {
  const file = resolvePackReference(reference, options.relativeTo);
  const { pack } = loadResolved(file, [], options);
  const builtIn = file === resolvePackReference(BUILT_IN_INTENTS);
  const merged = loadIntents(builtIn ? [] : [file], options);
  return {
    file,
    name: pack.metadata.name,
    version: pack.metadata.version,
    intents: pack.spec.intents.length,
    merged: merged.intents.length,
  };
}

interface LoadedExamples {
  file: string;
  pack: ExamplePack;
  position: Locate;
}

interface Resolved {
  pack: IntentPack;
  files: string[];
  /** The example files the packs name, the inherited ones first. */
  examples: LoadedExamples[];
}

function loadResolved(file: string, chain: string[], options: IntentLoadOptions): Resolved {
  if (chain.includes(file)) {
    throw new PackError(file, undefined, undefined, `extends cycle: ${[...chain, file].join(' -> ')}`);
  }
  const { data: pack, position } = readYamlFile(file, IntentPack, 'intent pack');
  check(pack, file, position, options);
  let merged = pack;
  const files: string[] = [];
  const examples: LoadedExamples[] = [];
  for (const [index, reference] of pack.spec.extends.entries()) {
    let parent: Resolved;
    try {
      parent = loadResolved(resolvePackReference(reference, dirname(file)), [...chain, file], options);
    } catch (error) {
      if (error instanceof PackError && error.unreadable) {
        const [line, column] = position(['spec', 'extends', index]);
        throw new PackError(file, line, column, `extends "${reference}": ${error.detail} (${error.file})`);
      }
      throw error;
    }
    merged = mergeInto(parent.pack, merged);
    files.push(...parent.files);
    examples.push(...parent.examples);
  }
  for (const [index, reference] of pack.spec.exampleSets.entries()) {
    const examplesFile = resolvePackReference(reference, dirname(file));
    try {
      const { data, position: at } = readYamlFile(examplesFile, ExamplePack, 'intent examples file');
      examples.push({ file: examplesFile, pack: data, position: at });
    } catch (error) {
      if (error instanceof PackError && error.unreadable) {
        const [line, column] = position(['spec', 'exampleSets', index]);
        throw new PackError(
          file,
          line,
          column,
          `exampleSets "${reference}": ${error.detail} (${error.file})`,
        );
      }
      throw error;
    }
  }
  return { pack: merged, files: [...files, file], examples };
}

/** The child's intents replace the parent's of the same id (in the parent's order); new ones follow. */
function mergeInto(parent: IntentPack, child: IntentPack): IntentPack {
  const byId = new Map(child.spec.intents.map((intent) => [intent.id, intent]));
  const intents = parent.spec.intents.map((intent) => byId.get(intent.id) ?? intent);
  const parentIds = new Set(parent.spec.intents.map((intent) => intent.id));
  intents.push(...child.spec.intents.filter((intent) => !parentIds.has(intent.id)));
  return {
    ...child,
    spec: {
      ...child.spec,
      scoring: { ...parent.spec.scoring, ...definedOnly(child.spec.scoring) },
      outOfScope: [...new Set([...parent.spec.outOfScope, ...child.spec.outOfScope])],
      synonyms: { ...parent.spec.synonyms, ...child.spec.synonyms },
      intents,
    },
  };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Ids are unique, placeholders name declared slots, answer templates use known filters, tools exist. */
function check(pack: IntentPack, file: string, position: Locate, options: IntentLoadOptions): void {
  const fail = (path: (string | number)[], message: string): never => {
    const [line, column] = position(path);
    throw new PackError(file, line, column, message);
  };
  const seen = new Set<string>();
  for (const [index, intent] of pack.spec.intents.entries()) {
    const at = ['spec', 'intents', index];
    if (seen.has(intent.id)) fail([...at, 'id'], `duplicate intent id "${intent.id}"`);
    seen.add(intent.id);
    const declared = new Set([...intent.slots.required, ...intent.slots.optional]);
    for (const [name, template] of Object.entries(intent.arguments)) {
      for (const slot of placeholders(template)) {
        if (declared.has(slot as never)) continue;
        const known = (SLOT_NAMES as readonly string[]).includes(slot);
        const hint = known ? '' : didYouMean(slot, [...SLOT_NAMES]);
        fail(
          [...at, 'arguments', name],
          known
            ? `argument "${name}" uses slot "${slot}", which is not in slots.required or slots.optional`
            : `argument "${name}": unknown slot "${slot}"${hint} (known: ${SLOT_NAMES.join(', ')})`,
        );
      }
    }
    for (const [part, answer] of (intent.answer ?? []).entries()) {
      for (const key of ['say', 'none'] as const) {
        const problem = answer[key] === undefined ? undefined : templateProblem(answer[key]);
        if (problem) fail([...at, 'answer', part, key], problem);
      }
    }
    if (options.tools && !options.tools.includes(intent.tool)) {
      fail([...at, 'tool'], `unknown tool "${intent.tool}"${didYouMean(intent.tool, [...options.tools])}`);
    }
  }
}

function didYouMean(name: string, known: string[]): string {
  const suggestion = closestName(name, known);
  return suggestion ? `: did you mean ${suggestion}?` : '';
}
