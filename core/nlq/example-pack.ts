import { z } from 'zod';

const TOOL = z.string().regex(/^[a-z][a-z0-9_]*$/, 'an MCP tool name such as analyze_holdover');

/**
 * Questions labelled with the MCP tool that answers them (rules/nlq-examples.yaml): the router compares a
 * question with them (example-similarity.ts), so wording no pattern or keyword foresaw still finds the
 * tool whose questions it resembles; the intents' own scores choose among that tool's intents. Labelled
 * by tool, not intent, because that is what people who never saw the intents can say. An intents pack
 * names its example files in `spec.exampleSets`.
 */
export const ExamplePack = z.strictObject({
  apiVersion: z.literal('ptp-mcp/v1'),
  kind: z.literal('IntentExamples'),
  metadata: z.strictObject({
    name: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'lower-case letters, digits, . and -'),
    version: z.string().default('0.0.0'),
    description: z.string().optional(),
  }),
  spec: z.strictObject({
    /**
     * The node and interface names of the cluster the questions were written about: read as `{node}` and
     * `{interface}` in them, as a question's names are read from the source it asks about.
     */
    nodes: z.array(z.string().min(1)).default([]),
    interfaces: z.array(z.string().min(1)).default([]),
    /** Questions, each with the MCP tool that answers it and others that answer it as well. */
    examples: z.array(
      z.strictObject({
        q: z.string().min(1),
        tool: TOOL,
        /** Tools that answer it just as well (a node's clock class is in several): alike for them too. */
        alt: z.array(TOOL).default([]),
      }),
    ),
  }),
});
export type ExamplePack = z.infer<typeof ExamplePack>;

/** An example file as the intent set holds it: its questions and the names they were written about. */
export const ExampleSet = z.object({
  file: z.string(),
  nodes: z.array(z.string()),
  interfaces: z.array(z.string()),
  /** Each question with the tools that answer it: its own first, then the alternatives. */
  examples: z.array(z.object({ question: z.string(), tools: z.array(z.string()) })),
});
export type ExampleSet = z.infer<typeof ExampleSet>;
