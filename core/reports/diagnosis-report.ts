import { Diagnosis } from '../model/diagnosis.js';
import { present } from './presented-schema.js';

/** The JSON of `diagnose` for CLI and MCP: the diagnosis with ISO times. */
export function toDiagnosisReport(diagnosis: Diagnosis) {
  const window = {
    from: diagnosis.window.from === null ? null : new Date(diagnosis.window.from).toISOString(),
    to: diagnosis.window.to === null ? null : new Date(diagnosis.window.to).toISOString(),
  };
  return { ...present(Diagnosis, diagnosis), window };
}

export type DiagnosisReport = ReturnType<typeof toDiagnosisReport>;
