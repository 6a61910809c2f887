import type { Diagnosis } from '../model/diagnosis.js';
import { presentLogTimes } from './time-format.js';

/** The JSON of `diagnose` for CLI and MCP: the diagnosis with ISO times. */
export function toDiagnosisReport(diagnosis: Diagnosis) {
  const window = {
    from: diagnosis.window.from === null ? null : new Date(diagnosis.window.from).toISOString(),
    to: diagnosis.window.to === null ? null : new Date(diagnosis.window.to).toISOString(),
  };
  // Health maps node names to states: no times in it, and an empty map must not read as an empty LogTime.
  const { health, ...rest } = diagnosis;
  return { ...presentLogTimes(rest), health, window };
}

export type DiagnosisReport = ReturnType<typeof toDiagnosisReport>;
