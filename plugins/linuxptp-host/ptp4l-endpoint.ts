import { parseLinuxptpConfig } from '../../core/parsers/linuxptp-config.js';
import { findOption, portSections } from '../../core/parsers/linuxptp-config-lookup.js';

/** Where a ptp4l answers management messages, and which interfaces it runs, as its config says. */
export interface Ptp4lEndpoint {
  /** `uds_address`, linuxptp's default /var/run/ptp4l (config.c). */
  udsAddress: string;
  /** `domainNumber` (default 0): pmc must ask in the clock's domain or ptp4l ignores it. */
  domainNumber: number;
  /** The port sections, in file order, once each. */
  interfaces: string[];
}

const DEFAULT_UDS_ADDRESS = '/var/run/ptp4l';

export function ptp4lEndpoint(text: string): Ptp4lEndpoint {
  const config = parseLinuxptpConfig(text);
  const domain = Number(findOption(config, 'domainNumber')?.value.trim() ?? '0');
  return {
    udsAddress: findOption(config, 'uds_address')?.value.trim() || DEFAULT_UDS_ADDRESS,
    domainNumber: Number.isInteger(domain) && domain >= 0 && domain <= 255 ? domain : 0,
    interfaces: [...new Set(portSections(config).map((section) => section.name))],
  };
}
