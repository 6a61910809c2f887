import { z } from 'zod';
import { regexProblem } from '../rules/user-regex.js';
import { AnswerSpec } from './answer-spec.js';
import { ExampleSet } from './example-pack.js';

/** What the matcher can find in a question; an intent declares the ones it uses. */
export const SLOT_NAMES = [
  'node',
  'interface',
  'profile',
  'process',
  'window',
  'since',
  'until',
  'severity',
  'level',
  'rule',
  'query',
  'text',
] as const;
export const SlotName = z.enum(SLOT_NAMES);
export type SlotName = z.infer<typeof SlotName>;

/** The values found in one question, by slot. */
export const Slots = z.partialRecord(SlotName, z.string());
export type Slots = z.infer<typeof Slots>;

/** A tool argument: a string (`{{slot}}` placeholders in an intent), a number, a boolean, or strings. */
export type ArgumentValue = string | number | boolean | string[];
// Not a z.union: a union's error would not say what is expected.
export const ArgumentValue = z.custom<ArgumentValue>(
  (value) =>
    ['string', 'number', 'boolean'].includes(typeof value) ||
    (Array.isArray(value) && value.every((item) => typeof item === 'string')),
  'a string (with {{slot}} placeholders), a number, a boolean, or a list of strings',
);

/** A case-insensitive regular expression over a question: it must compile and backtrack boundedly. */
const Pattern = z
  .string()
  .min(1)
  .superRefine((source, context) => {
    const problem = regexProblem(source);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });

const WORDS = /^[a-z0-9]+(?: [a-z0-9]+)*$/;
const WORD = z.string().regex(/^[a-z0-9]+$/, 'one lower-case word');

const INTENT_ID = /^[a-z0-9][a-z0-9._/-]*$/;

export const Intent = z
  .strictObject({
    id: z.string().regex(INTENT_ID, 'lower-case letters, digits and . _ / - (e.g. holdover)'),
    description: z.string().min(1),
    /** Questions it answers: documentation, test cases, and the suggestions when nothing matches. */
    examples: z.array(z.string().min(1)).min(1),
    /** Regular expressions (case-insensitive) over the question in lower case, slot values as `{node}`. */
    patterns: z.array(Pattern).default([]),
    /** Words or phrases and their weights; a word also matches its inflections and one-letter typos. */
    keywords: z
      .record(z.string().regex(WORDS, 'lower-case words separated by single spaces'), z.number().positive())
      .default({}),
    slots: z
      .strictObject({
        /** Without these the tool is not called: the plan says what is missing. */
        required: z.array(SlotName).default([]),
        optional: z.array(SlotName).default([]),
      })
      .prefault({}),
    /** The MCP tool to call. */
    tool: z.string().regex(/^[a-z][a-z0-9_]*$/, 'an MCP tool name such as analyze_holdover'),
    /** `{ node: "{{node}}", last: "{{window}}" }`: an argument whose slot was not found is left out. */
    arguments: z.record(z.string(), ArgumentValue).default({}),
    /** Arguments only the conversation holds (a config's text, a pack's YAML): the caller adds them. */
    needs: z.array(z.string().min(1)).default([]),
    /** How the answer states the value asked, from the tool's result; without it, the tool's summary. */
    answer: AnswerSpec.optional(),
    /**
     * A catch-all (the overall health): chosen only when no other intent scores enough, so "is gnss ok on
     * gm-1?" asks about GNSS although "is ... ok" is also how health is asked.
     */
    fallback: z.boolean().default(false),
    /**
     * The intent for a question that names a node but that no intent reaches ("everything you know about
     * worker-2", "something is off on bc-2"): the first such intent answers it, not a list of suggestions.
     */
    nodeDefault: z.boolean().default(false),
    /** false switches off an intent inherited from another pack. */
    enabled: z.boolean().default(true),
  })
  .refine((intent) => intent.patterns.length > 0 || Object.keys(intent.keywords).length > 0, {
    message: 'an intent needs patterns or keywords',
    path: ['patterns'],
  });
export type Intent = z.infer<typeof Intent>;

/** How matches are scored; a pack overrides what it sets, the rest comes from the pack it extends. */
export const Scoring = z.strictObject({
  /** Below this, no intent is chosen and the closest ones are suggested. */
  minScore: z.number().positive().optional(),
  /** What a matching pattern adds (once per intent, however many match). */
  patternWeight: z.number().positive().optional(),
  /** What each slot the intent declares and the question fills adds, once text has matched: a tie-breaker. */
  slotWeight: z.number().nonnegative().optional(),
  /**
   * What the likeness of the question to the example questions of an intent's tool adds, at most (a
   * likeness is 0 to 1, core/nlq/example-similarity.ts); 0 routes by patterns and keywords alone.
   */
  exampleWeight: z.number().nonnegative().optional(),
  /** How many of a tool's most alike examples its likeness is the mean of. */
  exampleNeighbours: z.number().int().positive().optional(),
  /**
   * Where no intent reaches minScore: what its likeness to the examples adds (exampleWeight × likeness)
   * chooses the best intent when it reaches this alone (minScore when not set).
   */
  likenessMinScore: z.number().positive().optional(),
});
export type Scoring = z.infer<typeof Scoring>;

export const IntentPack = z.strictObject({
  apiVersion: z.literal('ptp-mcp/v1'),
  kind: z.literal('IntentPack'),
  metadata: z.strictObject({
    name: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'lower-case letters, digits, . and -'),
    version: z.string().default('0.0.0'),
    description: z.string().optional(),
  }),
  spec: z.strictObject({
    /** Intent packs (built-in names or paths relative to this file) whose intents this one inherits. */
    extends: z.array(z.string()).default([]),
    scoring: Scoring.prefault({}),
    /** Questions no intent may answer (requests to change something): suggestions only. */
    outOfScope: z.array(Pattern).default([]),
    /**
     * Words operators abbreviate or say otherwise, and the keyword words they stand for (`freq`:
     * frequency, `rca`: root cause): a question's word is read as its replacement before keywords match.
     */
    synonyms: z
      .record(WORD, z.string().regex(WORDS, 'lower-case words separated by single spaces'))
      .default({}),
    /**
     * Files of example questions labelled with the tool that answers each (`kind: IntentExamples`,
     * built-in names or paths relative to this file): the router also weighs how alike a question is to
     * the examples of each intent's tool. They add to those of the packs this one extends.
     */
    exampleSets: z.array(z.string()).default([]),
    /** An intent with the id of an inherited one replaces it. */
    intents: z.array(Intent).default([]),
  }),
});
export type IntentPack = z.infer<typeof IntentPack>;

/** The intents in force after the built-in pack and the user's packs are merged. */
export const IntentSet = z.object({
  intents: z.array(Intent),
  scoring: z.object({
    minScore: z.number(),
    patternWeight: z.number(),
    slotWeight: z.number(),
    exampleWeight: z.number(),
    exampleNeighbours: z.number(),
    likenessMinScore: z.number().optional(),
  }),
  outOfScope: z.array(z.string()),
  synonyms: z.record(z.string(), z.string()),
  /** The example questions of the packs' example files, and of the intents' `examples`. */
  exampleSets: z.array(ExampleSet),
  /** The files merged, built-in first. */
  files: z.array(z.string()),
});
export type IntentSet = z.infer<typeof IntentSet>;
