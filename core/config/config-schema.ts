import { z } from 'zod';

const SEVERITY = z.enum(['critical', 'moderate', 'minor', 'info']);
const DURATION = z
  .string()
  .regex(/^\d+(?:\.\d+)?(?:ms|s|m|h|d)$/, 'a duration such as 30s, 15m or 2h')
  .describe('a duration: a number and ms, s, m, h or d');
const PATHS = z.array(z.string().min(1)).describe('paths, relative to the config file');

/**
 * `ptp-mcp.config.yaml`: what a team would otherwise repeat on every command line. Every key is optional;
 * a flag given on the command line overrides its key. Paths are relative to the file's folder.
 */
export const ConfigFileSchema = z
  .strictObject({
    apiVersion: z.literal('ptp-mcp/v1'),
    kind: z.literal('Config'),
    packs: z
      .strictObject({
        add: z
          .array(z.string().min(1))
          .optional()
          .describe(
            'rule packs as --pack takes them: a built-in pack by name, or a file relative to the config file (lint runs them instead of the detected standard pack; diagnose beside the runtime packs)',
          ),
        replace: z
          .record(z.string(), z.string().min(1))
          .optional()
          .describe('a built-in pack name → the pack file used instead of it'),
        disable: z.array(z.string().min(1)).optional().describe('built-in packs not used at all'),
      })
      .optional(),
    suppressions: z.string().min(1).optional().describe('the suppressions file of lint'),
    linuxptpVersion: z
      .string()
      .min(1)
      .optional()
      .describe('the linuxptp release configs are checked against'),
    failOn: SEVERITY.optional().describe('the severity from which lint and diagnose exit 1'),
    sarif: z
      .strictObject({
        helpUri: z
          .string()
          .regex(/^https?:\/\/\S+$/, 'an http(s) URL, such as https://wiki.example/ptp/{rule}')
          .optional()
          .describe(
            "each rule's helpUri in lint's SARIF: {rule} is the rule id, {pack} its pack (ptp-mcp publishes no rule pages; without it a rule has its help text only)",
          ),
      })
      .optional(),
    plugins: z
      .array(z.string().min(1))
      .optional()
      .describe(
        'plugin modules to load after the built-in ones (docs/plugins.md): a file or folder relative to the config file, or a package name',
      ),
    toolsets: z
      .array(z.string().min(1))
      .optional()
      .describe('the MCP toolsets served (default: all but exec)'),
    allowExec: z
      .boolean()
      .optional()
      .describe('serve the exec toolset (the cluster role must grant pods/exec)'),
    sources: z
      .strictObject({
        default: z.string().min(1).optional().describe('the --source when none is given'),
        kubeconfig: z.string().min(1).optional(),
        contexts: z
          .array(z.string().min(1))
          .optional()
          .describe('kubeconfig contexts a fleet diagnosis reads'),
        namespace: z.string().min(1).optional().describe('where the PTP operator runs (openshift-ptp)'),
        timeout: DURATION.optional().describe('the deadline of a whole read of a source'),
        snapshotRoots: PATHS.optional().describe('folders under which MCP clients may name dir: snapshots'),
        packDirs: PATHS.optional().describe('folders from which MCP clients may name rule packs'),
      })
      .optional(),
    server: z
      .strictObject({
        host: z.string().min(1).optional(),
        port: z.number().int().min(0).max(65_535).optional(),
        tokenFile: z
          .string()
          .min(1)
          .optional()
          .describe('the bearer token of serve --http, read from this file'),
        allowedHosts: z.array(z.string().min(1)).optional(),
        allowedOrigins: z.array(z.string().min(1)).optional(),
        stateless: z.boolean().optional(),
        watchInterval: DURATION.optional(),
        sessionIdle: DURATION.optional().describe('an HTTP session unused this long ends'),
      })
      .optional(),
  })
  .describe('ptp-mcp.config.yaml: settings every ptp-mcp command reads (flags override them)');

export type PtpMcpConfig = z.infer<typeof ConfigFileSchema>;
