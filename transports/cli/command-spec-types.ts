/**
 * The shape of a command's definition (command-spec.ts): parsing, `--help` and shell completion are all
 * made from it, so a flag that parses is a flag that help lists and the shell completes.
 */

/** One option of a command. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  /** Given several times, each value kept (`--pack a --pack b`). */
  multiple?: boolean;
  /** A one-letter alias (`-q`). */
  short?: string;
  /** What it does, in one line of help. */
  description: string;
  /** How help names its value (FILE, DURATION, NAME); choices are shown instead when given. */
  value?: string;
  /** The values it takes: help shows them, the shell completes them, the command checks against them. */
  choices?: readonly string[];
  /** What the shell completes its value with when it has no choices. */
  complete?: 'file' | 'folder';
  /** Help follows its description with the `--source` forms of the plugins in effect (built-in and the config's). */
  listsSources?: true;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** One command (or `group command`, such as `rules list`). */
export interface CommandSpec {
  name: string;
  /** One line: what it is for (the top-level help lists it). */
  summary: string;
  /** The positional arguments as the usage line shows them, such as `<file|->`; none when absent. */
  args?: string;
  /** What the shell completes positional arguments with. */
  argsComplete?: 'file' | 'folder';
  /** More positional arguments than this are refused (0: none). */
  maxArgs?: number;
  options: OptionSpecs;
  /**
   * Which of the options every command accepts it reads: how to reach a cluster (`--kubeconfig`...),
   * what `--source host` reads (`--ptp4l-config`...). Help lists those groups.
   */
  reads?: readonly ('cluster' | 'host')[];
  /** Paragraphs of help after the options: what the options cannot say in a line. */
  notes?: readonly string[];
  /** Complete command lines, each a working example. */
  examples: readonly string[];
  /** Every exit code and what it means. */
  exitCodes: Readonly<Record<number, string>>;
}

/** The parsed values of a command's options, typed from its definition. */
export type OptionValues<O extends OptionSpecs> = {
  [K in keyof O]?: O[K]['type'] extends 'boolean'
    ? boolean
    : O[K] extends { multiple: true }
      ? string[]
      : string;
} & { help?: boolean };
