import { stringify } from 'yaml';

/** An object as YAML text (a PtpConfig read from a cluster, to lint it as a file would be). */
export function yamlText(value: unknown): string {
  return stringify(value);
}
