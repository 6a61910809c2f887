import { z } from 'zod';

/** One `key value` line of a linuxptp configuration file, with its position (1-based). */
export const ConfigEntry = z.object({
  key: z.string(),
  value: z.string(),
  line: z.number().int(),
  column: z.number().int(),
});
export type ConfigEntry = z.infer<typeof ConfigEntry>;

/**
 * A `[name]` section. `global`, `nmea` and `unicast_master_table` are linuxptp's own sections; any other
 * name is a port (interface) section. A section may appear more than once (unicast tables do).
 */
export const ConfigSection = z.object({
  name: z.string(),
  line: z.number().int(),
  entries: z.array(ConfigEntry),
});
export type ConfigSection = z.infer<typeof ConfigSection>;

/** `error`: the program would refuse to start with this (linuxptp config_read() or getopt fails); `warning`: it starts. */
export const DiagnosticSeverity = z.enum(['error', 'warning']);
export type DiagnosticSeverity = z.infer<typeof DiagnosticSeverity>;

/** Stable names of the problems a configuration file can have, so that rules and tests need not match messages. */
export const ConfigDiagnosticCode = z.enum([
  'byte-order-mark',
  'nul-byte',
  'invalid-utf8',
  'line-too-long',
  'not-in-section',
  'missing-value',
  'empty-section-name',
  'misread-section-header',
  'inline-comment',
  'too-many-diagnostics',
]);
export type ConfigDiagnosticCode = z.infer<typeof ConfigDiagnosticCode>;

export const ConfigDiagnostic = z.object({
  code: ConfigDiagnosticCode,
  severity: DiagnosticSeverity,
  line: z.number().int(),
  column: z.number().int(),
  message: z.string(),
});
export type ConfigDiagnostic = z.infer<typeof ConfigDiagnostic>;

/** A parsed ptp4l / phc2sys / ts2phc / synce4l configuration file. Nothing is dropped: problems are diagnostics. */
export const LinuxptpConfig = z.object({
  sections: z.array(ConfigSection),
  diagnostics: z.array(ConfigDiagnostic),
});
export type LinuxptpConfig = z.infer<typeof LinuxptpConfig>;

/** The linuxptp programs whose configuration or options ptp-mcp reads. */
export const LinuxptpProgram = z.enum(['ptp4l', 'phc2sys', 'ts2phc', 'synce4l', 'chronyd']);
export type LinuxptpProgram = z.infer<typeof LinuxptpProgram>;
