import { z } from 'zod';
import { LINUXPTP_DEFAULTS } from '../data/linuxptp-defaults.js';
import { LINUXPTP_DEPRECATED, LINUXPTP_OPTIONS } from '../data/linuxptp-options.js';

/** A config value as rules see it: decimal numbers become numbers (profile-facts.ts typed), the rest stays text. */
export const FactValue = z.union([z.string(), z.number()]);
export type FactValue = z.infer<typeof FactValue>;

/**
 * A key of a linuxptp config section. The data holds whatever a file writes (a misspelt option is what lint
 * reports), but a rule's path is checked against `names` at load: config_tab of every release, downstream
 * options and the deprecated spellings linuxptp still reads, so `$.global.domainNumbr` is refused.
 */
export const LinuxptpOptionName = z.string().meta({
  title: 'linuxptp option',
  names: [
    ...new Set([
      ...Object.keys(LINUXPTP_OPTIONS),
      ...Object.keys(LINUXPTP_DEPRECATED),
      ...Object.keys(LINUXPTP_DEFAULTS),
    ]),
  ],
});

/** One section of a linuxptp config: the options it sets (the last of a repeated key), by name. */
export const OptionSection = z.record(LinuxptpOptionName, FactValue);
export type OptionSection = z.infer<typeof OptionSection>;
